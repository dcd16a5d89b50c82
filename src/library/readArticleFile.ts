// One file → a parsed article, or the problem that kept it out of the library.
// Synchronous inside: the loader reads thousands of small files, and one promise per file
// operation costs more than the reading itself. This module brings the parsers (marked, yaml):
// it is loaded through src/startup.ts (loadFileReader), never on the first frame's path.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { TokensList } from 'marked';
import { articleMeta, type ArticleMeta } from './articleMeta.js';
import { lexBody } from './bodyLinks.js';
import { fileTitle, tooLarge, type ReadFailure } from './fileOutcome.js';
import { decodeBytes, DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import type { IdentifiedFile } from './articleIds.js';
import type { ParsedArticle } from './parsedArticle.js';
import { parseMarkdownArticle } from './parseMarkdownArticle.js';
import { parseTextArticle } from './parseTextArticle.js';
import { parseHtmlArticle, type PageParser } from './htmlArticle.js';
import { chooseHtmlEncoding } from './html/decodeHtmlBytes.js';
import { specialFileKind } from './scanLibrary.js';
import { cleanHeader } from './headerText.js';

/** A file read and parsed: the parse, its body's tokens (lexed once) and the metadata from them. */
export interface ReadArticle {
  ok: true;
  parsed: ParsedArticle;
  tokens: TokensList;
  meta: ArticleMeta;
  /** The file's line (1-based) the body starts on, when the body is the file's own text (Markdown). */
  firstLine?: number;
}

export type ReadOutcome = ReadArticle | ReadFailure;

/** The file a read needs to know about. */
export type ReadableFile = Pick<IdentifiedFile, 'absPath' | 'relPath' | 'format'>;

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** How many parses a reader keeps (see createFileReader). */
const RECENT_PARSES = 4;

// Non-blocking so that opening a named pipe returns at once instead of waiting for a writer.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * A file's bytes, never more than `maxBytes` of them: open, check on the open file that it is a
 * regular file (a path can become a pipe or a device after the scan: /dev/zero never ends), read
 * what its size says (`size` from a stat already made, else its own), and more only while it
 * grows, up to the cap. `known` gives the parse of a file its stat says is unchanged: no read.
 */
function readBounded(absPath: string, maxBytes: number, size: number | undefined, known: (st: Stats) => ReadOutcome | undefined): Uint8Array | ReadOutcome {
  const fd = openSync(absPath, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    const same = known(st);
    if (same) return same;
    const special = specialFileKind(st);
    // (A folder goes on: reading it fails with EISDIR, reported as any read error is.)
    if (special !== null) return { ok: false, kind: 'unreadable', why: `${special}, not a regular file; not read` };
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    let buffer = Buffer.allocUnsafe(Math.min(size ?? st.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, total);
      if (n === 0) return buffer.subarray(0, total);
      total += n;
      if (total > maxBytes) return tooLarge(total, maxBytes);
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads and parses files; made with the saved-page parser when the library has HTML pages. */
export interface FileReader {
  /** Read and parse one file now. `size` is its size from a stat already made; over `maxBytes` it is not read at all. */
  read(file: ReadableFile, maxBytes?: number, size?: number): ReadOutcome;
  /** Decoded and parsed bytes of a file. */
  parse(file: ReadableFile, bytes: Uint8Array, maxBytes?: number): ReadOutcome;
  /**
   * The body `read` would give (parsed.body), without lexing it: the search reads every body of
   * the library, and lexing is half of reading one. Not kept among the recent parses.
   */
  readText(file: ReadableFile, maxBytes?: number): string | ReadFailure;
}

/** A file reader; without a page parser, HTML pages are read as their text. */
export function createFileReader(pageParser: PageParser | null): FileReader {
  const parse = (file: ReadableFile, bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES) => parseArticleBytes(file, bytes, maxBytes, pageParser);
  // The files parsed last, by path, while their size and mtime stay the same: a command reads
  // the file it shows once as the library loads and again when it is shown (the loader keeps no
  // bodies), and a parse of a large page costs more than everything else of `show`.
  const recent = new Map<string, { size: number; mtimeMs: number; maxBytes: number; outcome: ReadArticle }>();
  const keyOf = (file: ReadableFile) => `${file.format}\u0000${file.relPath}\u0000${file.absPath}`;
  return {
    parse,
    readText(file, maxBytes = DEFAULT_MAX_FILE_BYTES) {
      let read: Uint8Array | ReadOutcome;
      try {
        read = readBounded(file.absPath, maxBytes, undefined, (st) => {
          const hit = recent.get(keyOf(file));
          return hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.maxBytes === maxBytes ? hit.outcome : undefined;
        });
      } catch (err) {
        return { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` };
      }
      if (!(read instanceof Uint8Array)) return read.ok ? read.parsed.body : read;
      const parsed = parseArticleText(file, read, maxBytes, pageParser);
      return parsed.ok ? parsed.parsed.body : parsed;
    },
    read(file, maxBytes = DEFAULT_MAX_FILE_BYTES, size) {
      if (size !== undefined && size > maxBytes) return tooLarge(size, maxBytes);
      // The parse depends on the file's bytes and on its path in the root (a title of last resort).
      const key = keyOf(file);
      let stat: Stats | undefined;
      let read: Uint8Array | ReadOutcome;
      try {
        read = readBounded(file.absPath, maxBytes, size, (st) => {
          stat = st;
          const hit = recent.get(key);
          return hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs && hit.maxBytes === maxBytes ? hit.outcome : undefined;
        });
      } catch (err) {
        return { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` };
      }
      if (!(read instanceof Uint8Array)) return read;
      const outcome = parse(file, read, maxBytes);
      if (outcome.ok) {
        recent.delete(key);
        recent.set(key, { size: stat!.size, mtimeMs: stat!.mtimeMs, maxBytes, outcome });
        if (recent.size > RECENT_PARSES) recent.delete(recent.keys().next().value!);
      }
      return outcome;
    },
  };
}

function parseArticleBytes(file: ReadableFile, bytes: Uint8Array, maxBytes: number, pageParser: PageParser | null): ReadOutcome {
  const read = parseArticleText(file, bytes, maxBytes, pageParser);
  if (!read.ok) return read;
  const { parsed } = read;
  // Never throws: what the lexer cannot take is this file's own problem (in meta.problems).
  const lexed = lexBody(parsed.body);
  const firstLine = bodyFirstLine(file, read.text, parsed.body);
  return { ok: true, parsed, tokens: lexed.tokens, meta: articleMeta(parsed, lexed, firstLine, file.format === 'markdown'), ...(firstLine !== undefined ? { firstLine } : {}) };
}

/** The bytes decoded and parsed (front matter, title, body), not yet lexed; with the decoded text. */
function parseArticleText(file: ReadableFile, bytes: Uint8Array, maxBytes: number, pageParser: PageParser | null): ReadFailure | { ok: true; parsed: ParsedArticle; text: string } {
  const html = file.format === 'html' ? chooseHtmlEncoding(bytes) : null;
  const decoded = decodeBytes(bytes, { maxBytes, charset: html?.encoding });
  if (!decoded.ok) return { ok: false, kind: decoded.kind, why: decoded.message };

  const title = fileTitle(file.relPath);
  let parsed: ParsedArticle;
  try {
    parsed =
      file.format === 'text' || (file.format === 'html' && !pageParser)
        ? parseTextArticle(decoded.text, title)
        : file.format === 'html'
          ? parseHtmlArticle(pageParser!, decoded.text, title)
          : parseMarkdownArticle(decoded.text, title);
  } catch (err) {
    // A parser bug must not take the library down: the file still opens, as text.
    parsed = parseTextArticle(decoded.text, title);
    parsed.problems.push({ kind: 'unreadable', message: `could not be parsed (${err instanceof Error ? err.message : String(err)}); shown as text` });
  }
  parsed = cleanHeader(parsed, title);
  if (decoded.encodingNote) parsed.problems.unshift({ kind: 'encoding', message: decoded.encodingNote });
  if (html?.mismatch) parsed.problems.unshift({ kind: 'encoding', message: html.mismatch });
  return { ok: true, parsed, text: decoded.text };
}

/** The file's line the body starts on (after front matter), when the body is the file's own text (Markdown); else undefined. */
function bodyFirstLine(file: ReadableFile, text: string, body: string): number | undefined {
  if (file.format !== 'markdown' || !text.endsWith(body)) return undefined;
  let line = 1;
  const end = text.length - body.length;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
