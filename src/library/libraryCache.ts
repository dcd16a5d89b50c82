// The metadata cache: per file, what the library needs of it (title, section, date, refs, the
// body's links, words, problems), never the body; and the library's articles as linked, which a
// start that finds no file changed uses as they are (resolving every link costs more than
// reading them back). One JSON file per library (the paths it is
// opened with) in `<cacheDir>/library/`. An entry counts only while the file's path, size and
// mtime are what they were, and only for the same cache format, parser version and build of
// this code. A missing, corrupt or stale cache is ignored and rewritten, atomically, only when
// something changed.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ProblemKind } from './types.js';
import type { RefMode, RefSpec } from './refSpec.js';
import type { BodyLink } from './bodyLinks.js';
import type { ArticleMeta } from './articleMeta.js';
import { atomicWriter } from '../startup.js';
import type { FileStamp } from './scanLibrary.js';
import type { SiteTitleParts } from './siteTitles.js';

/** Bump when the layout of the cache file changes. */
export const CACHE_FORMAT = 6;
/** Bump when any parser's output changes (titles, sections, links, words, problems). */
export const PARSER_VERSION = 4;

/** A cached file: its metadata, or why it gave no article (binary, too large...). */
export type CachedFile = { ok: true; meta: ArticleMeta } | { ok: false; kind: ProblemKind; why: string };

// The build of this code: a rebuilt or reinstalled broadsheet never trusts an older cache.
function buildStamp(): string {
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
const BUILD_STAMP = buildStamp();

// ---- Compact encoding: arrays, not objects, so the file stays small and parses fast. ----
// A file: [key, size, mtimeMs, title, section, date, author, summary, source, words, links, aliases, tags]
//      with a 14th element, 1, for a saved page read by its metadata pass only (meta.partial),
//      or [key, size, mtimeMs, kind, why] for a file that gave no article.
// `key` is the file's root index and its path in that root (`0:world/ferry.md`). `links` is
// itself a JSON text, [related, previous, next, titleHrefs, links, problems].
// A RefSpec: [ref, by] or [ref, by, label]. A link: [href, label, flags] or [href, label, flags, line]
// (flags: 1 wikilink, 2 related, 4 image).
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

const decodeString = (x: Json) => (isStr(x) ? x : undefined);

function decodeLink(v: Json): BodyLink | undefined {
  if (!Array.isArray(v) || (v.length !== 3 && v.length !== 4) || !isStr(v[0]) || !isStr(v[1]) || typeof v[2] !== 'number') return undefined;
  const link: BodyLink = { href: v[0], label: v[1], wikilink: (v[2] & 1) !== 0, image: (v[2] & 4) !== 0, inRelated: (v[2] & 2) !== 0 };
  if (v.length === 4) {
    if (typeof v[3] !== 'number') return undefined;
    link.line = v[3];
  }
  return link;
}

function decodeProblem(v: Json): ArticleMeta['problems'][number] | undefined {
  if (!Array.isArray(v) || !isStr(v[0]) || !isStr(v[1])) return undefined;
  if (v.length === 2) return { kind: v[0] as ProblemKind, message: v[1] };
  if (v.length === 3 && isStr(v[2])) return { kind: v[0] as ProblemKind, message: v[1], target: v[2] };
  return undefined;
}

type LinkParts = Pick<ArticleMeta, 'related' | 'previous' | 'next' | 'titleHrefs' | 'links' | 'problems'>;

function encodeLinkParts(m: LinkParts): string {
  return JSON.stringify([
    m.related.map(encodeRef),
    m.previous ? encodeRef(m.previous) : null,
    m.next ? encodeRef(m.next) : null,
    m.titleHrefs,
    m.links.map((l) => {
      const flags = (l.wikilink ? 1 : 0) | (l.inRelated ? 2 : 0) | (l.image ? 4 : 0);
      return l.line === undefined ? [l.href, l.label, flags] : [l.href, l.label, flags, l.line];
    }),
    m.problems.map((p) => (p.target === undefined ? [p.kind, p.message] : [p.kind, p.message, p.target])),
  ]);
}

function decodeLinkParts(text: string): LinkParts | undefined {
  let v: Json;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || v.length !== 6) return undefined;
  const related = decodeList(v[0], decodeRef);
  const previous = v[1] === null ? null : decodeRef(v[1]);
  const next = v[2] === null ? null : decodeRef(v[2]);
  const titleHrefs = decodeList(v[3], decodeString);
  const links = decodeList(v[4], decodeLink);
  const problems = decodeList(v[5], decodeProblem);
  if (!related || previous === undefined || next === undefined || !titleHrefs || !links || !problems) return undefined;
  return { related, previous, next, titleHrefs, links, problems };
}

function encodeFile(key: string, stamp: FileStamp, file: CachedFile): Json[] {
  if (!file.ok) return [key, stamp.size, stamp.mtimeMs, file.kind, file.why];
  const m = file.meta;
  const entry: Json[] = [key, stamp.size, stamp.mtimeMs, m.title, m.section, m.date, m.author, m.summary, m.source, m.words, encodeLinkParts(m), m.aliases, m.tags];
  if (m.partial) entry.push(1);
  return entry;
}

/** A cached file, or undefined when the entry is not what this code wrote (the file is then read again). */
function decodeFile(v: Json[]): CachedFile | undefined {
  if (v.length === 5) return isStr(v[3]) && isStr(v[4]) ? { ok: false, kind: v[3] as ProblemKind, why: v[4] } : undefined;
  if (v.length !== 13 && !(v.length === 14 && v[13] === 1)) return undefined;
  const [, , , title, section, date, author, summary, source, words, linkText, aliasList, tagList] = v;
  if (!isStr(title) || !isStrOrNull(date) || !isStrOrNull(author) || !isStrOrNull(summary) || !isStrOrNull(source)) return undefined;
  if (typeof words !== 'number' || !isStr(linkText)) return undefined;
  const sectionList = decodeList(section, decodeString);
  const aliases = decodeList(aliasList, decodeString);
  const tags = decodeList(tagList, decodeString);
  if (!sectionList || !aliases || !tags) return undefined;
  const parts = decodeLinkParts(linkText);
  if (!parts) return undefined;
  return { ok: true, meta: { title, section: sectionList, date, author, summary, source, aliases, tags, words, ...parts, ...(v.length === 14 ? { partial: true } : {}) } };
}

/** The site title parts saved with the linked articles, or undefined when they are not what this code wrote. */
function decodeSiteTitles(v: Json): SiteTitleParts | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, { leading: string[]; trailing: string[] }> = {};
  for (const [site, parts] of Object.entries(v as Record<string, Json>)) {
    const leading = decodeList((parts as Record<string, Json>)?.leading, decodeString);
    const trailing = decodeList((parts as Record<string, Json>)?.trailing, decodeString);
    if (!leading || !trailing) return undefined;
    out[site] = { leading, trailing };
  }
  return out;
}

export interface LibraryCache {
  /** Whether the file has an entry of this size and mtime (kept for the next save); nothing is decoded. */
  has(key: string, stamp: FileStamp): boolean;
  /** The entry of a file `has` found, decoded; undefined when it does not read back whole (the file is then read again). */
  get(key: string): CachedFile | undefined;
  /** For a file `has` found: whether it is a saved page read by its metadata pass only (nothing decoded). */
  partial(key: string): boolean;
  /** For a file `has` found: why it gave no article, or null when it gave one (its metadata not decoded). */
  failure(key: string): Extract<CachedFile, { ok: false }> | null;
  /** Remember a file's result (only results that depend on its bytes alone). */
  set(key: string, stamp: FileStamp, file: CachedFile): void;
  /**
   * The articles as linked at the last save, when every file asked for so far was found
   * unchanged and no other file was cached last time (so the same files, the same metadata:
   * the same links), when the other files links may name are the same (`attachments`). Read
   * after the lookups; null otherwise.
   */
  linkedArticles(attachments: string): { articles: Article[]; pendingPages: string[]; siteTitles: SiteTitleParts } | null;
  /**
   * Write the cache (with the linked articles, and `attachments`, the other files links may name,
   * they were linked against, and the site title parts their titles were cut by) when anything
   * changed, then let it go; never throws.
   */
  save(articles: readonly Article[], attachments: string, pendingPages: readonly string[], siteTitles: SiteTitleParts): void;
}

/** A file's key in its library's cache: its root's index and its path in that root. */
export function cacheKey(roots: string[], root: string, relPath: string): string {
  return `${roots.indexOf(root)}:${relPath}`;
}

/** cyrb53: a quick 53-bit hash of a string's UTF-16 code units, with a seed. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The cache file of the library opened with these paths (resolved: `notes` and `./notes/` are
 * one library). Keyed by the paths given, not the roots: a file given alone has its folder as
 * its root, but is not that folder's library, and must not evict its cache.
 */
export function libraryCacheFile(cacheDir: string, paths: string[]): string {
  const given = paths.map((p) => path.resolve(p));
  // Not node:crypto, whose loading costs a warm start ~4 ms. Two libraries whose keys collide
  // only take turns with one file: a cache is used only for the roots it was written for.
  const text = JSON.stringify(given);
  const key = [1, 2].map((seed) => hash53(text, seed).toString(16).padStart(14, '0')).join('').slice(0, 24);
  return path.join(cacheDir, 'library', `${key}.json`);
}

/** Open the cache of the library opened with `paths`; anything wrong with the file means an empty cache. */
export function openLibraryCache(cacheDir: string, paths: string[], roots: string[], maxBytes: number): LibraryCache {
  const file = libraryCacheFile(cacheDir, paths);
  const parser = `${PARSER_VERSION}:${BUILD_STAMP}`;
  const records = new Map<string, Json[]>();
  let linked: Json = null;
  let linkedAttachments: string | null = null;
  let linkedPending: Json = null;
  let linkedSiteTitles: Json = null;
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
      JSON.stringify((data as Record<string, Json>).roots) === JSON.stringify(roots) &&
      Array.isArray((data as Record<string, Json>).files)
    ) {
      for (const rec of (data as { files: Json[] }).files) {
        if (Array.isArray(rec) && isStr(rec[0]) && typeof rec[1] === 'number' && typeof rec[2] === 'number') records.set(rec[0], rec);
      }
      linked = (data as Record<string, Json>).articles ?? null;
      const names = (data as Record<string, Json>).attachments;
      linkedAttachments = isStr(names) ? names : null;
      linkedPending = (data as Record<string, Json>).pendingPages ?? null;
      linkedSiteTitles = (data as Record<string, Json>).siteTitles ?? null;
      dirty = false;
    }
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }

  const kept = new Map<string, Json[]>();
  const unchanged = () => !dirty && kept.size === records.size;
  return {
    linkedArticles(attachments) {
      // Written by this very build (the parser stamp matched): a list of records, or nothing.
      if (!unchanged() || linkedAttachments !== attachments || !Array.isArray(linked) || !linked.every((a) => a !== null && typeof a === 'object' && isStr((a as Article).id))) return null;
      const pendingPages = decodeList(linkedPending, decodeString);
      const siteTitles = decodeSiteTitles(linkedSiteTitles);
      return pendingPages && siteTitles ? { articles: linked as Article[], pendingPages, siteTitles } : null;
    },
    has(key, stamp) {
      const rec = records.get(key);
      if (!rec || rec[1] !== stamp.size || rec[2] !== stamp.mtimeMs) return false;
      kept.set(key, rec);
      return true;
    },
    get(key) {
      const rec = kept.get(key);
      const decoded = rec ? decodeFile(rec) : undefined;
      if (!decoded) {
        // Not what this code wrote: the file is read again and its entry rewritten.
        kept.delete(key);
        dirty = true;
      }
      return decoded;
    },
    partial(key) {
      const rec = kept.get(key);
      return rec !== undefined && rec.length === 14;
    },
    failure(key) {
      const rec = kept.get(key);
      return rec && rec.length === 5 ? (decodeFile(rec) as Extract<CachedFile, { ok: false }> | undefined) ?? null : null;
    },
    set(key, stamp, result) {
      kept.set(key, encodeFile(key, stamp, result));
      dirty = true;
    },
    save(articles, attachments, pendingPages, siteTitles) {
      // Entries not asked for this time are files that are gone (or changed): drop them.
      const changed = !unchanged() || linked === null || linkedAttachments !== attachments;
      const files = [...kept.values()];
      // One load, one save: let the parsed cache go (the articles keep what they use of it).
      records.clear();
      kept.clear();
      if (!changed) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        // No fsync: a cache lost in a crash is only rebuilt.
        atomicWriter().sync(file, JSON.stringify({ format: CACHE_FORMAT, parser, maxBytes, roots, files, articles, attachments, pendingPages, siteTitles }), { fsync: false });
      } catch {
        // A cache that cannot be written only costs time on the next start.
      }
    },
  };
}
