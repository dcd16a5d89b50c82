// The metadata cache: per file, what the library needs of it (title, section, date, refs, the
// body's links, words, problems), never the body; and the library's index: its articles as
// linked, which a start that finds no file changed uses as they are (resolving every link costs
// more than reading them back), and which the reader paints its first frame from before it has
// looked at a file (libraryIndex below; the freshness check follows the first frame). Two JSON
// files per library (the paths it is opened with) in `<cacheDir>/library/`: `KEY.json`, the
// files' records, and `KEY.index.json`, the index, written together with one generation stamp.
// An entry counts only while the file's path, size and mtime are what they were, and only for
// the same cache format, parser version and build of this code. A missing, corrupt or stale
// cache is ignored and rewritten, atomically, only when something changed.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ArticleLink, LinkTarget, Problem, ProblemKind, RelatedLink } from './types.js';
import type { RefMode, RefSpec } from './refSpec.js';
import type { BodyLink } from './bodyLinks.js';
import type { ArticleMeta } from './articleMeta.js';
import type { AttachmentFile, FileStamp } from './scanLibrary.js';
import type { SiteTitleParts } from './siteTitles.js';
import { textHash } from '../text/textHash.js';
import { jsonArrayPieces, writeInPieces, type Piece } from './writeInPieces.js';

/** Bump when the layout of the cache file changes. */
export const CACHE_FORMAT = 8;
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
/** This build of the code (size and mtime of its file): caches written by another build are never trusted. */
export const BUILD_STAMP = buildStamp();

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

/** What the index holds besides the articles: the rest of a Library as it was linked. */
export interface IndexedParts {
  /** The other files links may name, as the cache compares them (loadLibrary's attachment names). */
  attachments: string;
  attachmentFiles: readonly AttachmentFile[];
  /** The library's problems that belong to no article (scan, unreadable files, duplicate ids). */
  otherProblems: readonly Problem[];
  pendingPages: readonly string[];
  siteTitles: SiteTitleParts;
}

/**
 * A library's index as read back, in two parts: what the list shows (read first: a warm start
 * paints from it) and the articles' links with the files' stamps (readIndexLinks, after the first frame).
 */
export interface LibraryIndex extends IndexedParts {
  generation: string;
  roots: string[];
  maxBytes: number;
  /** The articles as the list shows them, by id: every field but their links (related, previous, next and backlinks are empty). */
  listed: Article[];
  /** Indices into `listed`, in reading order. */
  order: number[];
  /** Where the links of `listed` are (the index file, from this byte on): readIndexLinks reads them. */
  links: { file: string; offset: number };
}

/** A file's result read this time, kept for the save with the stamp of the bytes it came from. */
interface ReadNow {
  stamp: FileStamp;
  result: CachedFile;
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
   * The library's index as the last save wrote it, with its articles as linked then (which
   * are the articles now), when `unchangedSince` holds for it. Read after the lookups; null otherwise.
   */
  linkedIndex(attachments: string): { index: LibraryIndex; articles: Article[] } | null;
  /**
   * Write the cache (the files' records, and the index: the articles as linked, in reading
   * order too, with the rest of the library) when anything changed, then let it go; never throws.
   */
  save(articles: readonly Article[], readingOrder: readonly Article[], parts: IndexedParts): void;
}

/** A file's key in its library's cache: its root's index and its path in that root. */
export function cacheKey(roots: string[], root: string, relPath: string): string {
  return `${roots.indexOf(root)}:${relPath}`;
}

/**
 * The cache file of the library opened with these paths (resolved: `notes` and `./notes/` are
 * one library). Keyed by the paths given, not the roots: a file given alone has its folder as
 * its root, but is not that folder's library, and must not evict its cache.
 */
export function libraryCacheFile(cacheDir: string, paths: string[]): string {
  return path.join(cacheDir, 'library', `${libraryKey(paths)}.json`);
}

/**
 * The key of the library opened with these paths (resolved: `notes` and `./notes/` are one
 * library), for the files kept for it in the cache folder (the metadata cache, the search index).
 */
export function libraryKey(paths: string[]): string {
  // Two libraries whose keys collide only take turns with one file: a cache is used only for
  // the roots it was written for.
  return textHash(JSON.stringify(paths.map((p) => path.resolve(p))));
}

/** The index file beside the records of the library opened with these paths. */
export function libraryIndexFile(cacheDir: string, paths: string[]): string {
  return libraryCacheFile(cacheDir, paths).replace(/\.json$/, '.index.json');
}

/** The head's fields when it was written by this build for these roots and size limit; null otherwise. */
function ownHead(data: Json, roots: readonly string[] | null, maxBytes: number): Record<string, Json> | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields = data as Record<string, Json>;
  if (fields.format !== CACHE_FORMAT || fields.parser !== PARSER_STAMP || fields.maxBytes !== maxBytes || !isStr(fields.generation)) return null;
  if (roots !== null && JSON.stringify(fields.roots) !== JSON.stringify(roots)) return null;
  return fields;
}

const PARSER_STAMP = `${PARSER_VERSION}:${BUILD_STAMP}`;

// ---- The index: the byte length of the first part (16 digits and a newline), the first part
// (the head and the list), a newline, and the second part ({generation, links}), read later. ----
// A listed article: [id, path, format, rootIndex, absPath or null (when root + '/' + path), title,
//   listTitle or null, section, date, author, summary, source, aliases, tags, words, problems],
//   the lists (section, aliases, tags, problems) 0 when empty: most are, and at 100,000 articles
//   every list JSON.parse makes is an allocation the first frame waits for.
// Its links: [related, previous, next, backlinks], an article named by its place in the list.
//   A link to a whole article in that article's title is its place alone, [place, title] in
//   other words, any other link the object it is; a related entry is [link, 1 in the body or 0];
//   backlinks are places. Decoded, the links to one article share one object: at 100,000
//   articles a copy per link was 400,000 objects and titles more to parse and keep.

const joinPath = (root: string, relPath: string) => (root.endsWith('/') ? root + relPath : `${root}/${relPath}`);

function encodeListed(a: Article, roots: readonly string[]): Json[] {
  const rootIndex = roots.indexOf(a.root);
  const absPath = rootIndex >= 0 && joinPath(a.root, a.path) === a.absPath ? null : a.absPath;
  const list = <T>(items: readonly T[]) => (items.length === 0 ? 0 : items);
  return [a.id, a.path, a.format, rootIndex, absPath, a.title, a.listTitle ?? null, list(a.section), a.date, a.author, a.summary, a.source, list(a.aliases), list(a.tags), a.words, list(a.problems)];
}

/** One empty list for every record that has none (records are never changed). */
const NONE: readonly never[] = Object.freeze([]);
const listOf = <T>(v: T[] | 0): readonly T[] => (v === 0 ? NONE : v);
const NO_LINKS = { related: NONE, previous: null, next: null, backlinks: NONE } as const;



function decodeListed(v: Json, roots: readonly string[]): Article | undefined {
  if (!Array.isArray(v) || v.length !== 16 || !isStr(v[0]) || !isStr(v[1]) || typeof v[3] !== 'number') return undefined;
  const [id, relPath, format, rootIndex, absPath, title, listTitle, section, date, author, summary, source, aliases, tags, words, problems] = v as [string, string, Article['format'], number, string | null, string, string | null, string[] | 0, string | null, string | null, string | null, string | null, string[] | 0, string[] | 0, number, Problem[] | 0];
  const root = rootIndex >= 0 ? roots[rootIndex] : undefined;
  if (root === undefined && absPath === null) return undefined;
  return {
    id,
    title,
    path: relPath,
    absPath: absPath ?? joinPath(root!, relPath),
    root: root ?? path.dirname(absPath!),
    format,
    ...(listTitle !== null ? { listTitle } : {}),
    section: listOf(section) as string[],
    date,
    author,
    summary,
    source,
    aliases: listOf(aliases),
    tags: listOf(tags),
    ...NO_LINKS,
    words,
    problems: listOf(problems),
  };
}

/**
 * The index of the library opened with `paths` (whose roots are `roots`), as the last save
 * wrote it, without looking at any article's file and with only the list part decoded; null
 * when there is none this build wrote for them. What a warm start paints from: whether the files
 * are still as indexed is for the caller to check afterwards (unchangedSince).
 */
export function readLibraryIndex(cacheDir: string, paths: string[], roots: readonly string[], maxBytes: number): LibraryIndex | null {
  const file = libraryIndexFile(cacheDir, paths);
  try {
    const text = readFirstPart(file);
    if (text === null) return null;
    const data = ownHead(JSON.parse(text), roots, maxBytes);
    if (!data) return null;
    const { list, order, attachments, attachmentFiles, otherProblems, pendingPages, siteTitles } = data;
    if (!Array.isArray(list) || !Array.isArray(order) || order.length !== list.length) return null;
    if (!isStr(attachments) || !Array.isArray(attachmentFiles) || !Array.isArray(otherProblems)) return null;
    const listed = decodeList(list, (v) => decodeListed(v, roots));
    const pending = decodeList(pendingPages, decodeString);
    const sites = decodeSiteTitles(siteTitles);
    if (!listed || !pending || !sites || !order.every((i) => Number.isInteger(i) && listed[i as number] !== undefined)) return null;
    return {
      generation: data.generation as string,
      roots: [...roots],
      maxBytes,
      listed,
      order: order as number[],
      links: { file, offset: PREFIX_BYTES + Buffer.byteLength(text) + 1 },
      attachments,
      attachmentFiles: attachmentFiles as AttachmentFile[],
      otherProblems: otherProblems as Problem[],
      pendingPages: pending,
      siteTitles: sites,
    };
  } catch {
    // No index yet, or one that cannot be read.
    return null;
  }
}

const PREFIX_BYTES = 17;

/** The index file's first part, read alone (the links after it are most of the file); null when the file is not one. */
function readFirstPart(file: string): string | null {
  const prefix = readBytes(file, 0, PREFIX_BYTES);
  if (prefix === null || prefix[PREFIX_BYTES - 1] !== 0x0a) return null;
  const length = Number(prefix.toString('latin1', 0, PREFIX_BYTES - 1));
  if (!Number.isSafeInteger(length) || length <= 0) return null;
  return readBytes(file, PREFIX_BYTES, length)?.toString('utf8') ?? null;
}

/** `length` bytes of the file from byte `from` (to its end when `length` is not given); null when it has fewer. */
function readBytes(file: string, from: number, length?: number): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const size = length ?? fstatSync(fd).size - from;
    if (size < 0) return null;
    const bytes = Buffer.allocUnsafe(size);
    return readSync(fd, bytes, 0, size, from) === size ? bytes : null;
  } finally {
    closeSync(fd);
  }
}

/** Every file the index was made from (articles and files that gave none), by cache key, with the size and mtime it had. */
export interface FileStamps {
  keys: string[];
  sizes: number[];
  mtimes: number[];
}

/**
 * The index's articles with their links (the records as linked at the save) and the stamps of
 * the files they came from; null when they do not read back (or the file was written again since).
 */
export function readIndexLinks(index: LibraryIndex): { articles: Article[]; stamps: FileStamps } | null {
  let data: Json;
  try {
    // The links only: the first part, read for the first frame, is not read again.
    const links = readBytes(index.links.file, index.links.offset);
    if (links === null) return null;
    data = JSON.parse(links.toString('utf8'));
  } catch {
    return null;
  }
  const links = (data as Record<string, Json> | null)?.links;
  const stamps = (data as Record<string, Json> | null)?.stamps as FileStamps | undefined;
  if ((data as Record<string, Json> | null)?.generation !== index.generation || !Array.isArray(links) || links.length !== index.listed.length) return null;
  if (!stamps || !Array.isArray(stamps.keys) || !Array.isArray(stamps.sizes) || !Array.isArray(stamps.mtimes) || stamps.sizes.length !== stamps.keys.length || stamps.mtimes.length !== stamps.keys.length) return null;
  const decoded = decodeLinks(links, index.listed);
  return decoded && { articles: decoded, stamps };
}

/** A link as the index keeps it (see above), given each article's place in the list. */
function encodeLink(link: ArticleLink, places: ReadonlyMap<string, number>, articles: readonly Article[]): Json {
  const target = link.target;
  if (target.kind === 'article' && Object.keys(target).length === 2) {
    const at = places.get(target.id);
    if (at !== undefined) return link.title === articles[at].title ? at : [at, link.title];
  }
  return link;
}

/** An article's links as the index keeps them, for the articles in this order. */
function linksEncoder(articles: readonly Article[]): (a: Article) => Json {
  const places = new Map(articles.map((a, i) => [a.id, i]));
  const link = (l: ArticleLink | null) => (l === null ? null : encodeLink(l, places, articles));
  return (a) => [a.related.map((r) => [link(r), r.inBody ? 1 : 0]), link(a.previous), link(a.next), a.backlinks.map((id) => places.get(id) ?? id)];
}

/** The listed articles with their links decoded; null when the links are not what encodeLinks wrote for them. */
function decodeLinks(links: Json[], listed: readonly Article[]): Article[] | null {
  // One target and one plain link per article named; a related entry's own object per place and inBody.
  const targets: LinkTarget[] = [];
  const plain: ArticleLink[] = [];
  const related: RelatedLink[][] = [[], []];
  const targetAt = (at: number): LinkTarget => (targets[at] ??= { kind: 'article', id: listed[at].id });
  const link = (v: Json): ArticleLink | null => {
    if (typeof v === 'number') return listed[v] ? (plain[v] ??= { title: listed[v].title, target: targetAt(v) }) : null;
    if (Array.isArray(v)) return v.length === 2 && typeof v[0] === 'number' && listed[v[0]] && isStr(v[1]) ? { title: v[1], target: targetAt(v[0]) } : null;
    const object = v as ArticleLink | null;
    return object !== null && typeof object === 'object' && isStr(object.title) && object.target !== null && typeof object.target === 'object' ? object : null;
  };
  const relatedOf = (v: Json): RelatedLink | null => {
    if (!Array.isArray(v) || v.length !== 2 || (v[1] !== 0 && v[1] !== 1)) return null;
    const inBody = v[1] === 1;
    if (typeof v[0] === 'number') {
      if (!listed[v[0]]) return null;
      return (related[v[1]][v[0]] ??= { title: listed[v[0]].title, target: targetAt(v[0]), inBody });
    }
    const l = link(v[0]);
    return l && { title: l.title, target: l.target, inBody };
  };
  const out: Article[] = new Array(links.length);
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    if (!Array.isArray(l) || l.length !== 4 || !Array.isArray(l[0]) || !Array.isArray(l[3])) return null;
    const rel: RelatedLink[] = [];
    for (const r of l[0] as Json[]) {
      const entry = relatedOf(r);
      if (!entry) return null;
      rel.push(entry);
    }
    const previous = l[1] === null ? null : link(l[1]);
    const next = l[2] === null ? null : link(l[2]);
    if ((l[1] !== null && !previous) || (l[2] !== null && !next)) return null;
    const backlinks: string[] = [];
    for (const b of l[3] as Json[]) {
      const id = typeof b === 'number' ? listed[b]?.id : b;
      if (!isStr(id)) return null;
      backlinks.push(id);
    }
    out[i] = { ...listed[i], related: rel.length === 0 ? NONE : rel, previous, next, backlinks: backlinks.length === 0 ? NONE : backlinks };
  }
  return out;
}

/** `before`, the pieces, `after`: made one at a time as they are written. */
function* wrapped(before: string, pieces: Iterable<string>, after: string): Generator<string> {
  yield before;
  yield* pieces;
  yield after;
}

/** The index file's text, in pieces (see above), made as they are written: its length prefix last, at its place. */
function* indexPieces(head: Record<string, Json>, articles: readonly Article[], readingOrder: readonly Article[], parts: IndexedParts, roots: readonly string[], stamps: FileStamps): Generator<Piece> {
  const position = new Map(articles.map((a, i) => [a, i]));
  const order = readingOrder.map((a) => position.get(a) ?? -1);
  const opening = JSON.stringify({ ...head, ...parts, order });
  yield ' '.repeat(PREFIX_BYTES);
  let length = 0;
  for (const piece of wrapped(`${opening.slice(0, -1)},"list":`, jsonArrayPieces(articles, (a) => encodeListed(a, roots)), '}')) {
    length += Buffer.byteLength(piece);
    yield piece;
  }
  // The files' stamps, for the freshness check after a warm start's first frame (it reads no record).
  const second = `{"generation":${JSON.stringify(head.generation)},"stamps":${JSON.stringify(stamps)},"links":`;
  yield* wrapped(`\n${second}`, jsonArrayPieces(articles, linksEncoder(articles)), '}');
  yield { at: 0, text: `${String(length).padStart(PREFIX_BYTES - 1, '0')}\n` };
}

/** A new generation stamp for a save: the records and the index it writes carry the same one. */
function newGeneration(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
}

/** Open the cache of the library opened with `paths`; anything wrong with the file means an empty cache. */
export function openLibraryCache(cacheDir: string, paths: string[], roots: string[], maxBytes: number): LibraryCache {
  const file = libraryCacheFile(cacheDir, paths);
  const indexFile = libraryIndexFile(cacheDir, paths);
  const records = new Map<string, Json[]>();
  let data: Record<string, Json> | null = null;
  try {
    data = ownHead(JSON.parse(readFileSync(file, 'utf8')), roots, maxBytes);
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  const generation = data && Array.isArray(data.files) ? (data.generation as string) : null;
  if (generation !== null) {
    for (const rec of data!.files as Json[]) {
      if (Array.isArray(rec) && isStr(rec[0]) && typeof rec[1] === 'number' && typeof rec[2] === 'number') records.set(rec[0], rec);
    }
  }
  let dirty = generation === null;
  /** Set when the index read back matched: a save then has nothing new to write. */
  let indexMatched = false;

  // A file's record as read from the cache (encoded), or its result read now, encoded when saved.
  const kept = new Map<string, Json[] | ReadNow>();
  /** A record of the cache (`has` found it), or undefined. */
  const keptRecord = (key: string): Json[] | undefined => {
    const v = kept.get(key);
    return Array.isArray(v) ? v : undefined;
  };
  const unchanged = () => !dirty && kept.size === records.size;
  const cache: LibraryCache = {
    linkedIndex(attachments) {
      if (!unchanged() || generation === null) return null;
      const index = readLibraryIndex(cacheDir, paths, roots, maxBytes);
      if (!index || index.generation !== generation || index.attachments !== attachments) return null;
      const articles = readIndexLinks(index)?.articles;
      if (!articles) return null;
      indexMatched = true;
      return { index, articles };
    },
    has(key, stamp) {
      const rec = records.get(key);
      if (!rec || rec[1] !== stamp.size || rec[2] !== stamp.mtimeMs) return false;
      kept.set(key, rec);
      return true;
    },
    get(key) {
      const rec = keptRecord(key);
      const decoded = rec ? decodeFile(rec) : undefined;
      if (!decoded) {
        // Not what this code wrote: the file is read again and its entry rewritten.
        kept.delete(key);
        dirty = true;
      }
      return decoded;
    },
    partial(key) {
      const rec = keptRecord(key);
      return rec !== undefined && rec.length === 14;
    },
    failure(key) {
      const rec = keptRecord(key);
      return rec && rec.length === 5 ? (decodeFile(rec) as Extract<CachedFile, { ok: false }> | undefined) ?? null : null;
    },
    set(key, stamp, result) {
      kept.set(key, { stamp, result });
      dirty = true;
    },
    save(articles, readingOrder, parts) {
      // Entries not asked for this time are files that are gone (or changed): drop them.
      const changed = !unchanged() || !indexMatched;
      const entries = [...kept];
      // One load, one save: let the parsed cache go (the articles keep what they use of it).
      records.clear();
      kept.clear();
      if (!changed) return;
      try {
        const generation = newGeneration();
        const head = { format: CACHE_FORMAT, parser: PARSER_STAMP, maxBytes, roots, generation };
        const stamps: FileStamps = { keys: [], sizes: [], mtimes: [] };
        for (const [key, v] of entries) {
          stamps.keys.push(key);
          stamps.sizes.push(Array.isArray(v) ? (v[1] as number) : v.stamp.size);
          stamps.mtimes.push(Array.isArray(v) ? (v[2] as number) : v.stamp.mtimeMs);
        }
        // The records first: an index whose records did not follow it is never trusted (the
        // generations differ). Each written in pieces, a few thousand records at a time.
        const encode = ([key, v]: [string, Json[] | ReadNow]) => (Array.isArray(v) ? v : encodeFile(key, v.stamp, v.result));
        writeInPieces(file, wrapped(`${JSON.stringify(head).slice(0, -1)},"files":`, jsonArrayPieces(entries, encode), '}'));
        writeInPieces(indexFile, indexPieces(head, articles, readingOrder, parts, roots, stamps));
      } catch {
        // A cache that cannot be written only costs time on the next start.
      }
    },
  };
  return cache;
}
