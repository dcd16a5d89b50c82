// One file → a parsed article, or the problem that kept it out of the library.
// Synchronous inside: the loader reads thousands of small files, and one promise per file
// operation costs more than the reading itself.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Problem, ProblemKind } from './types.js';
import { decodeBytes, DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import type { IdentifiedFile } from './articleIds.js';
import type { ParsedArticle } from './parsedArticle.js';
import { parseMarkdownArticle } from './parseMarkdownArticle.js';
import { parseTextArticle } from './parseTextArticle.js';
import { parseHtmlArticle } from './htmlArticle.js';
import { htmlEncoding } from './html/decodeHtmlBytes.js';
import { escapeMarkdownLine } from './escapeMarkdown.js';
import { parsers } from './parsers.js';
import { specialFileKind } from './scanLibrary.js';

export type ReadResult = { ok: true; parsed: ParsedArticle } | { ok: false; problem: Problem };

/** Why a file gave no article: the problem's kind and its message without the file name. */
export interface ReadFailure {
  ok: false;
  kind: ProblemKind;
  why: string;
}

export type ReadOutcome = { ok: true; parsed: ParsedArticle } | ReadFailure;

/** The file a read needs to know about. */
export type ReadableFile = Pick<IdentifiedFile, 'absPath' | 'relPath' | 'format'>;

/** The problem a failed read gives, its message led by the file's path. */
export function readProblem(file: Pick<IdentifiedFile, 'relPath'>, failure: { kind: ProblemKind; why: string }): Problem {
  return { id: file.relPath, kind: failure.kind, message: `${file.relPath}: ${failure.why}`, target: file.relPath };
}

/** The file name without its extension: the title of last resort. */
export function fileTitle(relPath: string): string {
  const base = path.posix.basename(relPath);
  const ext = path.posix.extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

// Non-blocking so that opening a named pipe returns at once instead of waiting for a writer.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/**
 * A file's bytes, never more than `maxBytes` of them: open, check on the open file that it is a
 * regular file (a path can become a pipe or a device after the scan: /dev/zero never ends), read
 * what its size says (`size` from a stat already made, else its own), and more only while it
 * grows, up to the cap.
 */
function readBounded(absPath: string, maxBytes: number, size?: number): Uint8Array | ReadFailure {
  const fd = openSync(absPath, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
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

export function tooLarge(size: number, maxBytes: number): ReadFailure {
  return { ok: false, kind: 'too-large', why: `file is ${size} bytes, over the ${maxBytes}-byte limit; skipped` };
}

/** Decoded and parsed bytes of a file. Needs the parsers loaded (`await loadParsers()`). */
export function parseArticleBytes(file: ReadableFile, bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  // Throws before the parse: parsers not loaded are the caller's bug, never "shown as text".
  parsers();
  const decoded = decodeBytes(bytes, {
    maxBytes,
    charset: file.format === 'html' ? htmlEncoding(bytes) : undefined,
  });
  if (!decoded.ok) return { ok: false, kind: decoded.kind, why: decoded.message };

  const title = fileTitle(file.relPath);
  let parsed: ParsedArticle;
  try {
    parsed =
      file.format === 'text'
        ? parseTextArticle(decoded.text, title)
        : file.format === 'html'
          ? parseHtmlArticle(decoded.text, title)
          : parseMarkdownArticle(decoded.text, title);
  } catch (err) {
    // A parser bug must not take the library down: the file still opens, as text.
    parsed = parseTextArticle(decoded.text, title);
    parsed.problems.push({ kind: 'unreadable', message: `could not be parsed (${err instanceof Error ? err.message : String(err)}); shown as text` });
  }
  if (decoded.encodingNote) parsed.problems.unshift({ kind: 'encoding', message: decoded.encodingNote });
  return { ok: true, parsed };
}

/**
 * Read and parse one file now (the parsers loaded: `await loadParsers()`). `size` is the file's size from a stat already made (no second
 * stat then); a file over `maxBytes` is not read at all.
 */
export function readArticleFileSync(file: ReadableFile, maxBytes = DEFAULT_MAX_FILE_BYTES, size?: number): ReadOutcome {
  let bytes: Uint8Array | ReadFailure;
  try {
    if (size !== undefined && size > maxBytes) return tooLarge(size, maxBytes);
    bytes = readBounded(file.absPath, maxBytes, size);
    if (!(bytes instanceof Uint8Array)) return bytes;
  } catch (err) {
    return { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` };
  }
  return parseArticleBytes(file, bytes, maxBytes);
}

export async function readArticleFile(file: IdentifiedFile, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  const outcome = readArticleFileSync(file, maxBytes);
  return outcome.ok ? outcome : { ok: false, problem: readProblem(file, outcome) };
}

/**
 * The body of a file as it is now, for an article opened after the library was loaded. Never
 * throws: a file that was deleted or became unreadable gives a short note instead.
 */
export function readArticleBody(file: ReadableFile, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  parsers(); // throws when they are not loaded: that is no unreadable file
  let outcome: ReadOutcome;
  try {
    outcome = readArticleFileSync(file, maxBytes);
  } catch (err) {
    outcome = { ok: false, kind: 'unreadable', why: err instanceof Error ? err.message : String(err) };
  }
  if (outcome.ok) return outcome.parsed.body;
  const why = outcome.why.replace(/^cannot be read \((.*)\)$/, '$1');
  return `This file could no longer be read: ${escapeMarkdownLine(file.relPath)} (${escapeMarkdownLine(why)}).\n`;
}
