// Fetch one page for `import` (SPEC §2): http(s) only, at most 5 redirects followed by hand
// (so every hop is checked), 15 s in all, 10 MB at most (counted while the body streams in),
// no cookies. Failures are FetchPageError with a one-line message.
import packageJson from '../../package.json' with { type: 'json' };

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 } as const;
export const USER_AGENT = `broadsheet/${packageJson.version} (+terminal reader)`;

export class FetchPageError extends Error {
  constructor(
    message: string,
    /** The HTTP status when the server answered with an error (429, 404...). */
    readonly status?: number,
    /** The answer's Retry-After, as written, when it gave one. */
    readonly retryAfter?: string,
  ) {
    super(message);
    this.name = 'FetchPageError';
  }
}

export interface FetchPageOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** What is asked for (default: HTML pages); a feed asks for feeds first. */
  accept?: string;
  /** Ends the fetch early (a reader's Esc): rejects with a FetchPageError saying so. */
  signal?: AbortSignal;
  /** For tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

export const ACCEPT_PAGE = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  bytes: Buffer;
  contentType: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function httpUrl(text: string, context: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchPageError(`${context} is not a valid URL: ${oneLine(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchPageError(`${context} uses ${url.protocol.replace(/:$/, '')}:, only http: and https: are fetched`);
  }
  if (url.username || url.password) throw new FetchPageError(`${context} carries a user name or password; refusing to send them`);
  return url;
}

function oneLine(text: string, max = 200): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${oneLine(cause.message, 120)})` : ''}`;
  return oneLine(cause?.message ?? (error instanceof Error ? error.message : String(error)), 160);
}

/** Fetch `url`, following redirects by hand; the body is read whole, up to `maxBytes`. */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const fetchImpl = options.fetchImpl ?? fetch;

  const timeout = AbortSignal.timeout(timeoutMs);
  const tooLarge = new AbortController();
  const signal = AbortSignal.any([timeout, tooLarge.signal, ...(options.signal ? [options.signal] : [])]);
  const cancelled = () => new FetchPageError(`stopped fetching ${oneLine(current.href)}`);
  let current = httpUrl(url, 'the URL');
  const timedOut = () => new FetchPageError(`no answer within ${+(timeoutMs / 1000).toFixed(3)} s from ${oneLine(current.href)}`);
  const seen = new Set<string>([current.href]);
  try {
    for (let hops = 0; ; hops++) {
      let response: Response;
      try {
        response = await fetchImpl(current.href, {
          redirect: 'manual',
          credentials: 'omit',
          signal,
          headers: { 'user-agent': USER_AGENT, accept: options.accept ?? ACCEPT_PAGE },
        });
      } catch (error) {
        if (options.signal?.aborted) throw cancelled();
        if (timeout.aborted) throw timedOut();
        throw new FetchPageError(`could not fetch ${oneLine(current.href)}: ${describeNetworkError(error)}`);
      }

      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new FetchPageError(`${oneLine(current.href)} answered ${response.status} without a Location to go to`);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchPageError(`${oneLine(current.href)} redirects to an invalid URL: ${oneLine(location)}`);
        }
        next = httpUrl(next.href, `the redirect from ${oneLine(current.href)}`);
        if (seen.has(next.href)) throw new FetchPageError(`redirect loop: ${oneLine(current.href)} leads back to ${oneLine(next.href)}`);
        if (hops + 1 > maxRedirects) throw new FetchPageError(`more than ${maxRedirects} redirects, starting at ${oneLine(url)}`);
        seen.add(next.href);
        current = next;
        continue;
      }

      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const retryAfter = response.headers.get('retry-after') ?? undefined;
        throw new FetchPageError(`${oneLine(current.href)} answered ${response.status}${response.statusText ? ` ${oneLine(response.statusText, 60)}` : ''}`, response.status, retryAfter);
      }

      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FetchPageError(`${oneLine(current.href)} is ${megabytes(declared)}, over the ${megabytes(maxBytes)} limit`);
      }
      const bytes = await readLimited(response, maxBytes, () => {
        tooLarge.abort();
        return new FetchPageError(`${oneLine(current.href)} is over the ${megabytes(maxBytes)} limit; stopped reading`);
      });
      return { url: current.href, bytes, contentType: response.headers.get('content-type') };
    }
  } catch (error) {
    if (error instanceof FetchPageError) throw error;
    if (options.signal?.aborted) throw cancelled();
    if (timeout.aborted) throw timedOut();
    throw new FetchPageError(`could not fetch ${oneLine(current.href)}: ${describeNetworkError(error)}`);
  }
}

async function readLimited(response: Response, maxBytes: number, overLimit: () => FetchPageError): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      const error = overLimit();
      await reader.cancel().catch(() => {});
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
