// Paths → Library: scan, id, read, parse, resolve links, backlinks. Never throws for a bad
// file (each becomes a problem); a path that does not exist throws LibraryPathError.
//
// Speed (SPEC §5, issue 5): files are read synchronously (a promise per file operation costs
// more than the reading), each file is stat'ed once, and with `cacheDir` the metadata of
// unchanged files comes from the cache, so a warm start reads no article at all. Bodies are
// read lazily: `article.body` reads and parses its one file on first use. The parsers themselves
// (parsers.ts) cost more to load than a warm start takes: with `deferParsers` they are loaded
// only when a file must be parsed.
import { statSync } from 'node:fs';
import type { Article, Library, Problem } from './types.js';
import { scanLibrarySync, stampOf, type FileStamp, type ScanOptions, type ScanResult } from './scanLibrary.js';
import { assignIds, type IdentifiedFile } from './articleIds.js';
import { loadHtmlParser } from './htmlArticle.js';
import { loadParsers } from './parsers.js';
import { readArticleFileSync, readArticleBody, readProblem, tooLarge, type ReadOutcome } from './readArticleFile.js';
import { articleMeta, type ArticleMeta } from './articleMeta.js';
import { buildRefIndex, type RefIndex } from './resolveRef.js';
import { resolveArticleLinks, computeBacklinks } from './linkGraph.js';
import { DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import { cacheKey, openLibraryCache, type CachedFile, type LibraryCache } from './libraryCache.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a `too-large` problem. Default 5 MB. */
  maxFileBytes?: number;
  /**
   * Folder for the metadata cache (the CLI passes `cacheDirectory()` from src/state/statePaths.ts).
   * Without it nothing is cached and every file is read.
   */
  cacheDir?: string;
  /**
   * Load the parsers (marked, gray-matter, yaml; the saved-page parser for HTML) only when some
   * file must be parsed now, not because bodies may be read later. With a warm cache nothing is
   * parsed, so nothing is loaded: the reader's first frame comes sooner. Reading a body or an
   * article's links (related, previous, next, linkTargets, problems, backlinks) then needs
   * `await preloadParsers(library)` first. Default false: the library is ready for anything.
   */
  deferParsers?: boolean;
  /** Which files below the folders given are read (default all; see ScanOptions). */
  scan?: ScanOptions;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** A file's metadata when the cache (or a failed stat) gives it; else the stamp it must be read with. */
function lookUp(file: IdentifiedFile, cache: LibraryCache | null, key: string, maxBytes: number): { result: CachedFile } | { stamp: FileStamp } {
  let stamp: FileStamp;
  try {
    stamp = file.stat ?? stampOf(statSync(file.absPath));
  } catch (err) {
    return { result: { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` } };
  }
  const cached = cache?.get(key, stamp, () => reparse(file, maxBytes));
  return cached ? { result: cached } : { stamp };
}

/** One file's metadata read and parsed now (the parsers loaded), remembered in the cache. */
function readFile(file: IdentifiedFile, stamp: FileStamp, maxBytes: number, cache: LibraryCache | null, key: string): CachedFile {
  const outcome: ReadOutcome = stamp.size > maxBytes ? tooLarge(stamp.size, maxBytes) : readArticleFileSync(file, maxBytes, stamp.size);
  // A read that failed may work next time: only what the bytes decide is remembered.
  if (!outcome.ok && outcome.kind === 'unreadable') return outcome;
  const result: CachedFile = outcome.ok ? { ok: true, meta: articleMeta(outcome.parsed) } : outcome;
  cache?.set(key, stamp, result);
  return result;
}

/** A file's metadata read afresh (for a cache entry found corrupt late); empty when it cannot be read now. */
function reparse(file: IdentifiedFile, maxBytes: number): ArticleMeta {
  const outcome = readArticleFileSync(file, maxBytes);
  if (outcome.ok) return articleMeta(outcome.parsed);
  return { title: '', section: [], date: null, author: null, summary: null, source: null, related: [], previous: null, next: null, titleHrefs: [], links: [], words: 0, problems: [] };
}

const hasHtml = (files: readonly { format: string }[]) => files.some((file) => file.format === 'html');

/**
 * Loads a library. The parsers are loaded first (see parsers.ts), the saved-page parser
 * (linkedom, Readability, turndown) only when the library has HTML pages; with `deferParsers`,
 * only when a file must be parsed now.
 */
export async function loadLibrary(paths: string[], options: LoadOptions = {}): Promise<Library> {
  const scan = scanLibrarySync(paths, options.scan);
  if (!options.deferParsers) await loadFor(scan.files);
  const plan = planLoad(paths, scan, options);
  if (plan.toRead.length > 0) await loadFor(plan.toRead.map(({ file }) => file));
  return finishLoad(plan);
}

/** The parsers files of these formats are read with. */
async function loadFor(files: readonly { format: string }[]): Promise<void> {
  await Promise.all([loadParsers(), hasHtml(files) ? loadHtmlParser() : undefined]);
}

/**
 * What a library loaded with `deferParsers` needs before its bodies and links are read: the
 * parsers, and the saved-page parser when it has HTML pages. At once when they are loaded.
 */
export async function preloadParsers(library: Library): Promise<void> {
  await loadFor(library.articles);
}

/**
 * The same without waiting: needs `await loadParsers()` first (and `loadHtmlParser()` for HTML
 * pages), as every sync parse function does.
 */
export function loadLibrarySync(paths: string[], options: LoadOptions = {}): Library {
  return finishLoad(planLoad(paths, scanLibrarySync(paths, options.scan), options));
}

interface LoadPlan {
  paths: string[];
  scan: ScanResult;
  maxBytes: number;
  files: IdentifiedFile[];
  idProblems: Problem[];
  cache: LibraryCache | null;
  /** Per file in `files`: its metadata from the cache, or undefined when it must be read. */
  known: (CachedFile | undefined)[];
  toRead: { index: number; file: IdentifiedFile; stamp: FileStamp; key: string }[];
}

/** Ids, stats and the cache: which files are known and which must be read. */
function planLoad(paths: string[], scan: ScanResult, options: LoadOptions): LoadPlan {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, problems: idProblems } = assignIds(scan.files, scan.roots);
  const cache = options.cacheDir ? openLibraryCache(options.cacheDir, paths, scan.roots, maxBytes) : null;
  const known: (CachedFile | undefined)[] = new Array(files.length);
  const toRead: LoadPlan['toRead'] = [];
  files.forEach((file, index) => {
    const key = cache ? cacheKey(scan.roots, file.root, file.relPath) : '';
    const found = lookUp(file, cache, key, maxBytes);
    if ('result' in found) known[index] = found.result;
    else toRead.push({ index, file, stamp: found.stamp, key });
  });
  return { paths, scan, maxBytes, files, idProblems, cache, known, toRead };
}

function finishLoad(plan: LoadPlan): Library {
  const { scan, maxBytes, files, idProblems, cache, known } = plan;
  for (const { index, file, stamp, key } of plan.toRead) known[index] = readFile(file, stamp, maxBytes, cache, key);
  const problems: Problem[] = [...scan.problems];

  const loaded: { file: IdentifiedFile; meta: ArticleMeta }[] = [];
  files.forEach((file, index) => {
    const result = known[index]!;
    if (result.ok) loaded.push({ file, meta: result.meta });
    else problems.push(readProblem(file, result));
  });
  cache?.save();

  // Links are resolved when first asked for: an article's own links (related, previous, next,
  // linkTargets, problems) on first use of any of them, backlinks and the library's problems
  // for all articles at once. The list's first screen needs none of it.
  let index: RefIndex | null = null;
  const refIndex = (): RefIndex =>
    (index ??= buildRefIndex(
      loaded.map(({ file, meta }) => ({ id: file.id, absPath: file.absPath, root: file.root, title: meta.title, source: meta.source })),
    ));

  const idProblemsOf = new Map<string, Problem[]>();
  for (const p of idProblems) idProblemsOf.set(p.id, [...(idProblemsOf.get(p.id) ?? []), p]);

  const articles: Article[] = loaded.map(({ file, meta }) => makeArticle(file, meta, maxBytes, refIndex, idProblemsOf.get(file.id), backlinksOf));
  articles.sort(byId);

  let graph: Map<string, string[]> | null = null;
  function backlinksOf(id: string): string[] {
    graph ??= computeBacklinks(articles);
    return graph.get(id) ?? [];
  }

  let allProblems: Problem[] | null = null;
  const libraryProblems = (): Problem[] => {
    if (allProblems) return allProblems;
    const out = [...problems];
    for (const a of articles) out.push(...a.problems);
    // Duplicate-id problems of files that gave no article still belong in the list.
    const articleIds = new Set(articles.map((a) => a.id));
    out.push(...idProblems.filter((p) => !articleIds.has(p.id)));
    return (allProblems = out);
  };

  return {
    roots: scan.roots,
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    get problems(): Problem[] {
      return libraryProblems();
    },
    set problems(value: Problem[]) {
      allProblems = value;
    },
  };
}

type ResolvedArticleLinks = ReturnType<typeof resolveArticleLinks>;

function resolveOwnLinks(file: IdentifiedFile, meta: ArticleMeta, index: RefIndex): ResolvedArticleLinks {
  const context = { id: file.id, absPath: file.absPath, root: file.root };
  try {
    return resolveArticleLinks({ context, path: file.relPath, parsed: meta }, index);
  } catch (err) {
    return {
      linkTargets: new Map(),
      related: [],
      previous: null,
      next: null,
      words: 0,
      problems: [{ id: file.id, kind: 'unreadable' as const, message: `${file.relPath}: links could not be read (${String(err)})` }],
    };
  }
}

/** What a loaded article computes on first use, kept once computed. */
class LazyParts {
  bodyText: string | undefined;
  links: ResolvedArticleLinks | undefined;
  ownProblems: Problem[] | undefined;
  backlinkIds: string[] | undefined;
  constructor(
    readonly file: IdentifiedFile,
    readonly meta: ArticleMeta,
    readonly maxBytes: number,
    readonly refIndex: () => RefIndex,
    readonly idProblems: Problem[] | undefined,
    readonly backlinksOf: (id: string) => string[],
  ) {}

  body(): string {
    return (this.bodyText ??= readArticleBody(this.file, this.maxBytes));
  }

  resolved(): ResolvedArticleLinks {
    return (this.links ??= resolveOwnLinks(this.file, this.meta, this.refIndex()));
  }

  problems(): Problem[] {
    if (this.ownProblems) return this.ownProblems;
    const { file } = this;
    const own: Problem[] = this.idProblems ? [...this.idProblems] : [];
    for (const p of this.meta.problems) own.push({ id: file.id, kind: p.kind, message: `${file.relPath}: ${p.message}`, ...(p.target ? { target: p.target } : {}) });
    for (const p of this.resolved().problems) own.push(p);
    return (this.ownProblems = own);
  }

  backlinks(): string[] {
    return (this.backlinkIds ??= this.backlinksOf(this.file.id));
  }
}

const LAZY = Symbol('broadsheet.lazyArticle');
type LazyArticle = Article & { [LAZY]: LazyParts };

// Own, enumerable accessor properties (a spread or a deep comparison of an article sees them as
// fields), sharing one set of functions: a getter or setter per article would cost more than
// the rest of building the article.
function accessor<K extends keyof Article>(get: (lazy: LazyParts) => Article[K], set: (lazy: LazyParts, value: Article[K]) => void): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: LazyArticle) {
      return get(this[LAZY]);
    },
    set(this: LazyArticle, value: Article[K]) {
      set(this[LAZY], value);
    },
  };
}

const LAZY_FIELDS: PropertyDescriptorMap = {
  body: accessor<'body'>((l) => l.body(), (l, v) => (l.bodyText = v)),
  related: accessor<'related'>((l) => l.resolved().related, (l, v) => (l.resolved().related = v)),
  previous: accessor<'previous'>((l) => l.resolved().previous, (l, v) => (l.resolved().previous = v)),
  next: accessor<'next'>((l) => l.resolved().next, (l, v) => (l.resolved().next = v)),
  linkTargets: accessor<'linkTargets'>((l) => l.resolved().linkTargets, (l, v) => (l.resolved().linkTargets = v)),
  backlinks: accessor<'backlinks'>((l) => l.backlinks(), (l, v) => (l.backlinkIds = v)),
  problems: accessor<'problems'>((l) => l.problems(), (l, v) => (l.ownProblems = v)),
};

/**
 * An article whose body is read on first use, whose own links are resolved on first use of
 * any of them, and whose backlinks come from the library's graph when first asked for. Each of
 * these is kept once computed; assigning any of them sets it.
 */
function makeArticle(
  file: IdentifiedFile,
  meta: ArticleMeta,
  maxBytes: number,
  refIndex: () => RefIndex,
  idProblems: Problem[] | undefined,
  backlinksOf: (id: string) => string[],
): Article {
  const article = {
    id: file.id,
    title: meta.title,
    path: file.relPath,
    absPath: file.absPath,
    root: file.root,
    format: file.format,
    section: meta.section,
    date: meta.date,
    author: meta.author,
    summary: meta.summary,
    source: meta.source,
    words: meta.words,
  };
  Object.defineProperty(article, LAZY, { value: new LazyParts(file, meta, maxBytes, refIndex, idProblems, backlinksOf) });
  return Object.defineProperties(article, LAZY_FIELDS) as Article;
}
