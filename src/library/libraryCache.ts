// The metadata cache: per file, what the library needs of it (title, section, date, refs, the
// body's links, words, problems), never the body. One JSON file per library (its roots), in
// `<cacheDir>/library/`. An entry counts only while the file's absolute path, size and mtime
// are what they were, and only for the same cache format, parser version and build of this
// code. A missing, corrupt or stale cache is ignored and rewritten, atomically, only when
// something changed.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProblemKind } from './types.js';
import type { RefMode, RefSpec } from './refSpec.js';
import type { BodyLink } from './bodyLinks.js';
import type { ArticleMeta } from './articleMeta.js';
import type { FileStamp } from './scanLibrary.js';

/** Bump when the layout of the cache file changes. */
export const CACHE_FORMAT = 1;
/** Bump when any parser's output changes (titles, sections, links, words, problems). */
export const PARSER_VERSION = 1;

/** A cached file: its metadata, or why it gave no article (binary, too large...). */
export type CachedFile = { ok: true; meta: ArticleMeta } | { ok: false; kind: ProblemKind; why: string };

// The build of this code: a rebuilt or reinstalled broadsheet never trusts an older cache.
let codeStamp: string | undefined;
function buildStamp(): string {
  if (codeStamp === undefined) {
    try {
      const st = statSync(fileURLToPath(import.meta.url));
      codeStamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      codeStamp = 'unknown';
    }
  }
  return codeStamp;
}

// ---- Compact encoding: arrays, not objects, so the file stays small and parses fast. ----
// A file: [absPath, size, mtimeMs, title, section, date, author, summary, source, related,
//          previous, next, titleHrefs, links, words, problems]
//      or [absPath, size, mtimeMs, kind, why] for a file that gave no article.
// A RefSpec: [ref, by] or [ref, by, label]. A link: [href, label, flags] (1 wikilink, 2 related).
// A problem: [kind, message] or [kind, message, target].

type Json = unknown;

const MODES: readonly RefMode[] = ['any', 'title', 'id', 'path'];

const isStr = (v: Json): v is string => typeof v === 'string';
const isStrOrNull = (v: Json): v is string | null => v === null || typeof v === 'string';

function encodeRef(r: RefSpec): Json {
  return r.label === undefined ? [r.ref, r.by] : [r.ref, r.by, r.label];
}

function decodeRef(v: Json): RefSpec | undefined {
  if (!Array.isArray(v) || !isStr(v[0]) || !MODES.includes(v[1] as RefMode)) return undefined;
  if (v.length === 2) return { ref: v[0], by: v[1] as RefMode };
  if (v.length === 3 && isStr(v[2])) return { ref: v[0], by: v[1] as RefMode, label: v[2] };
  return undefined;
}

function decodeList<T>(v: Json, one: (x: Json) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: T[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = one(v[i]);
    if (x === undefined) return undefined;
    out[i] = x;
  }
  return out;
}

function decodeLink(v: Json): BodyLink | undefined {
  if (!Array.isArray(v) || v.length !== 3 || !isStr(v[0]) || !isStr(v[1]) || typeof v[2] !== 'number') return undefined;
  return { href: v[0], label: v[1], wikilink: (v[2] & 1) !== 0, inRelated: (v[2] & 2) !== 0 };
}

function decodeProblem(v: Json): ArticleMeta['problems'][number] | undefined {
  if (!Array.isArray(v) || !isStr(v[0]) || !isStr(v[1])) return undefined;
  if (v.length === 2) return { kind: v[0] as ProblemKind, message: v[1] };
  if (v.length === 3 && isStr(v[2])) return { kind: v[0] as ProblemKind, message: v[1], target: v[2] };
  return undefined;
}

function encodeFile(absPath: string, stamp: FileStamp, file: CachedFile): Json[] {
  if (!file.ok) return [absPath, stamp.size, stamp.mtimeMs, file.kind, file.why];
  const m = file.meta;
  return [
    absPath,
    stamp.size,
    stamp.mtimeMs,
    m.title,
    m.section,
    m.date,
    m.author,
    m.summary,
    m.source,
    m.related.map(encodeRef),
    m.previous ? encodeRef(m.previous) : null,
    m.next ? encodeRef(m.next) : null,
    m.titleHrefs,
    m.links.map((l) => [l.href, l.label, (l.wikilink ? 1 : 0) | (l.inRelated ? 2 : 0)]),
    m.words,
    m.problems.map((p) => (p.target === undefined ? [p.kind, p.message] : [p.kind, p.message, p.target])),
  ];
}

function decodeFile(v: Json[]): CachedFile | undefined {
  if (v.length === 5) return isStr(v[3]) && isStr(v[4]) ? { ok: false, kind: v[3] as ProblemKind, why: v[4] } : undefined;
  if (v.length !== 16) return undefined;
  const [, , , title, section, date, author, summary, source, related, previous, next, titleHrefs, links, words, problems] = v;
  if (!isStr(title) || !isStrOrNull(date) || !isStrOrNull(author) || !isStrOrNull(summary) || !isStrOrNull(source)) return undefined;
  if (typeof words !== 'number') return undefined;
  const sectionList = decodeList(section, (x) => (isStr(x) ? x : undefined));
  const relatedList = decodeList(related, decodeRef);
  const prev = previous === null ? null : decodeRef(previous);
  const nxt = next === null ? null : decodeRef(next);
  const hrefs = decodeList(titleHrefs, (x) => (isStr(x) ? x : undefined));
  const linkList = decodeList(links, decodeLink);
  const problemList = decodeList(problems, decodeProblem);
  if (!sectionList || !relatedList || prev === undefined || nxt === undefined || !hrefs || !linkList || !problemList) return undefined;
  return {
    ok: true,
    meta: {
      title,
      section: sectionList,
      date,
      author,
      summary,
      source,
      related: relatedList,
      previous: prev,
      next: nxt,
      titleHrefs: hrefs,
      links: linkList,
      words,
      problems: problemList,
    },
  };
}

/**
 * Write a file so that readers see the old whole file or the new whole file, never a part:
 * a temporary file beside it, then a rename. (write-file-atomic does the same, but names its
 * temporary file after its own `__filename`, which the ESM bundle does not define.) No fsync:
 * a cache lost in a crash is only rebuilt.
 */
function writeAtomically(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  let fd: number | null = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, data);
    closeSync(fd);
    fd = null;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}

export interface LibraryCache {
  /** The cached result for a file, when its size and mtime still match. */
  get(absPath: string, stamp: FileStamp): CachedFile | undefined;
  /** Remember a file's result (only results that depend on its bytes alone). */
  set(absPath: string, stamp: FileStamp, file: CachedFile): void;
  /** Write the cache when anything changed (a file parsed, a file gone); never throws. */
  save(): void;
}

export function libraryCacheFile(cacheDir: string, roots: string[]): string {
  const key = createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 24);
  return path.join(cacheDir, 'library', `${key}.json`);
}

/** Open the cache of the library with these roots; anything wrong with the file means an empty cache. */
export function openLibraryCache(cacheDir: string, roots: string[], maxBytes: number): LibraryCache {
  const file = libraryCacheFile(cacheDir, roots);
  const parser = `${PARSER_VERSION}:${buildStamp()}`;
  const records = new Map<string, Json[]>();
  let dirty = true;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Json;
    if (
      data !== null &&
      typeof data === 'object' &&
      !Array.isArray(data) &&
      (data as Record<string, Json>).format === CACHE_FORMAT &&
      (data as Record<string, Json>).parser === parser &&
      (data as Record<string, Json>).maxBytes === maxBytes &&
      Array.isArray((data as Record<string, Json>).files)
    ) {
      for (const rec of (data as { files: Json[] }).files) {
        if (Array.isArray(rec) && isStr(rec[0]) && typeof rec[1] === 'number' && typeof rec[2] === 'number') records.set(rec[0], rec);
      }
      dirty = false;
    }
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }

  const kept = new Map<string, Json[]>();
  return {
    get(absPath, stamp) {
      const rec = records.get(absPath);
      if (!rec || rec[1] !== stamp.size || rec[2] !== stamp.mtimeMs) return undefined;
      const decoded = decodeFile(rec);
      if (decoded) kept.set(absPath, rec);
      return decoded;
    },
    set(absPath, stamp, result) {
      kept.set(absPath, encodeFile(absPath, stamp, result));
      dirty = true;
    },
    save() {
      // Entries not asked for this time are files that are gone (or changed): drop them.
      if (!dirty && kept.size === records.size) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const body = JSON.stringify({ format: CACHE_FORMAT, parser, maxBytes, roots, files: [...kept.values()] });
        writeAtomically(file, body);
      } catch {
        // A cache that cannot be written only costs time on the next start.
      }
    },
  };
}
