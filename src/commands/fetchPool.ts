// Fetching many pages politely (issue 16): at most a few requests at once and at most two per
// host, each through fetchPage (same schemes, redirects, time and size limits as `import URL`).
// A 429 or 503 with Retry-After pauses that host until then and asks again (a few times, and
// never for longer than MAX_WAIT_MS: a host that asks for an hour fails that item instead).
import { fetchPage, FetchPageError, type FetchedPage, type FetchPageOptions } from './fetchPage.js';

export const POOL_DEFAULTS = { concurrency: 4, perHost: 2, retries: 3, maxWaitMs: 120_000 } as const;

export interface FetchPoolOptions {
  concurrency?: number;
  perHost?: number;
  /** How many times one URL is asked again after a 429/503. */
  retries?: number;
  /** The longest Retry-After waited out. */
  maxWaitMs?: number;
  /** Options every fetch gets (fetchImpl for tests, time and size limits). */
  fetch?: FetchPageOptions;
  /** For tests: the clock the waits are measured on. */
  now?: () => number;
}

export interface FetchPool {
  fetch(url: string, options?: FetchPageOptions): Promise<FetchedPage>;
}

/** Milliseconds a Retry-After asks for: delta-seconds or an HTTP date; undefined when unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  const written = header?.trim();
  if (!written) return undefined;
  if (/^\d+$/.test(written)) return Number(written) * 1000;
  const at = Date.parse(written);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

interface Waiting {
  host: string;
  start: () => void;
}

export function createFetchPool(options: FetchPoolOptions = {}): FetchPool {
  const concurrency = options.concurrency ?? POOL_DEFAULTS.concurrency;
  const perHost = options.perHost ?? POOL_DEFAULTS.perHost;
  const retries = options.retries ?? POOL_DEFAULTS.retries;
  const maxWaitMs = options.maxWaitMs ?? POOL_DEFAULTS.maxWaitMs;
  const now = options.now ?? Date.now;
  let running = 0;
  const perHostRunning = new Map<string, number>();
  /** Hosts that asked to be left alone until a time (ms). */
  const pausedUntil = new Map<string, number>();
  const queue: Waiting[] = [];
  let wakeTimer: NodeJS.Timeout | undefined;

  const canStart = (host: string) => running < concurrency && (perHostRunning.get(host) ?? 0) < perHost && (pausedUntil.get(host) ?? 0) <= now();

  function pump(): void {
    for (let i = 0; i < queue.length && running < concurrency; ) {
      const waiting = queue[i];
      if (!canStart(waiting.host)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      running += 1;
      perHostRunning.set(waiting.host, (perHostRunning.get(waiting.host) ?? 0) + 1);
      waiting.start();
    }
    // Something waits only on a paused host: look again when the first pause ends.
    if (queue.length > 0 && running < concurrency && !wakeTimer) {
      const next = Math.min(...queue.map((waiting) => pausedUntil.get(waiting.host) ?? Infinity));
      if (Number.isFinite(next)) {
        wakeTimer = setTimeout(() => {
          wakeTimer = undefined;
          pump();
        }, Math.max(0, next - now()));
      }
    }
  }

  function slot(host: string): Promise<() => void> {
    return new Promise((resolve) => {
      queue.push({
        host,
        start: () =>
          resolve(() => {
            running -= 1;
            perHostRunning.set(host, (perHostRunning.get(host) ?? 1) - 1);
            pump();
          }),
      });
      pump();
    });
  }

  async function fetchOne(url: string, extra: FetchPageOptions = {}): Promise<FetchedPage> {
    const host = hostOf(url);
    for (let attempt = 0; ; attempt++) {
      const release = await slot(host);
      try {
        return await fetchPage(url, { ...options.fetch, ...extra });
      } catch (error) {
        const busy = error instanceof FetchPageError && (error.status === 429 || error.status === 503);
        if (!busy) throw error;
        const wait = retryAfterMs(error.retryAfter, now()) ?? (error.status === 429 ? 1000 * 2 ** attempt : undefined);
        if (wait === undefined) throw error;
        if (attempt >= retries) throw new FetchPageError(`${error.message}, still after ${retries + 1} tries`, error.status);
        if (wait > maxWaitMs) throw new FetchPageError(`${error.message} and asked to wait ${Math.ceil(wait / 1000)} s; not waiting that long`, error.status);
        pausedUntil.set(host, Math.max(pausedUntil.get(host) ?? 0, now() + wait));
      } finally {
        release();
      }
    }
  }

  return { fetch: fetchOne };
}
