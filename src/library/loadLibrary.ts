// Paths → Library: scan, id, read, parse, resolve links, backlinks. Never throws for a bad
// file (each becomes a problem); a path that does not exist throws LibraryPathError.
//
// Speed (SPEC §5, issue 5): files are read synchronously (a promise per file operation costs
// more than the reading), each file is stat'ed once, and with `cacheDir` the metadata of
// unchanged files comes from the cache, so a warm start reads no article at all. Bodies are
// read lazily: `article.body` reads and parses its one file on first use.
import { statSync } from 'node:fs';
import type { Article, Library, Problem } from './types.js';
import { scanLibrarySync, stampOf, type FileStamp } from './scanLibrary.js';
import { assignIds, type IdentifiedFile } from './articleIds.js';
import { readArticleFileSync, readArticleBody, readProblem, tooLarge, type ReadOutcome } from './readArticleFile.js';
import { articleMeta, type ArticleMeta } from './articleMeta.js';
import { buildRefIndex, type RefCandidate } from './resolveRef.js';
import { resolveArticleLinks, computeBacklinks } from './linkGraph.js';
import { DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import { openLibraryCache, type CachedFile, type LibraryCache } from './libraryCache.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a `too-large` problem. Default 5 MB. */
  maxFileBytes?: number;
  /**
   * Folder for the metadata cache (the CLI passes `cacheDirectory()` from src/state/statePaths.ts).
   * Without it nothing is cached and every file is read.
   */
  cacheDir?: string;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** `body` as a property read (and parsed) on first use, then kept; assigning it sets it. */
function defineLazyBody(article: Article, read: () => string): void {
  let body: string | undefined;
  Object.defineProperty(article, 'body', {
    enumerable: true,
    configurable: true,
    get: () => (body ??= read()),
    set: (value: string) => {
      body = value;
    },
  });
}

/** One file's metadata: from the cache when its size and mtime match, else read and parsed now. */
function loadFile(file: IdentifiedFile, maxBytes: number, cache: LibraryCache | null): CachedFile {
  let stamp: FileStamp;
  try {
    stamp = file.stat ?? stampOf(statSync(file.absPath));
  } catch (err) {
    return { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` };
  }
  const cached = cache?.get(file.absPath, stamp);
  if (cached) return cached;
  const outcome: ReadOutcome = stamp.size > maxBytes ? tooLarge(stamp.size, maxBytes) : readArticleFileSync(file, maxBytes, stamp.size);
  // A read that failed may work next time: only what the bytes decide is remembered.
  if (!outcome.ok && outcome.kind === 'unreadable') return outcome;
  const result: CachedFile = outcome.ok ? { ok: true, meta: articleMeta(outcome.parsed) } : outcome;
  cache?.set(file.absPath, stamp, result);
  return result;
}

export async function loadLibrary(paths: string[], options: LoadOptions = {}): Promise<Library> {
  return loadLibrarySync(paths, options);
}

export function loadLibrarySync(paths: string[], options: LoadOptions = {}): Library {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const scan = scanLibrarySync(paths);
  const { files, problems: idProblems } = assignIds(scan.files, scan.roots);
  const problems: Problem[] = [...scan.problems];
  const cache = options.cacheDir ? openLibraryCache(options.cacheDir, scan.roots, maxBytes) : null;

  const loaded: { file: IdentifiedFile; meta: ArticleMeta }[] = [];
  for (const file of files) {
    const result = loadFile(file, maxBytes, cache);
    if (result.ok) loaded.push({ file, meta: result.meta });
    else problems.push(readProblem(file, result));
  }
  cache?.save();

  const candidates: RefCandidate[] = loaded.map(({ file, meta }) => ({
    id: file.id,
    absPath: file.absPath,
    root: file.root,
    title: meta.title,
    source: meta.source,
  }));
  const index = buildRefIndex(candidates);

  const idProblemsOf = new Map<string, Problem[]>();
  for (const p of idProblems) idProblemsOf.set(p.id, [...(idProblemsOf.get(p.id) ?? []), p]);

  const articles: Article[] = loaded.map(({ file, meta }) => {
    const context = { id: file.id, absPath: file.absPath, root: file.root };
    let links;
    try {
      links = resolveArticleLinks({ context, path: file.relPath, parsed: meta }, index);
    } catch (err) {
      links = {
        linkTargets: new Map(),
        related: [],
        previous: null,
        next: null,
        words: 0,
        problems: [{ id: file.id, kind: 'unreadable' as const, message: `${file.relPath}: links could not be read (${String(err)})` }],
      };
    }
    const own: Problem[] = [
      ...(idProblemsOf.get(file.id) ?? []),
      ...meta.problems.map((p) => ({ id: file.id, kind: p.kind, message: `${file.relPath}: ${p.message}`, ...(p.target ? { target: p.target } : {}) })),
      ...links.problems,
    ];
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
      body: '',
      related: links.related,
      previous: links.previous,
      next: links.next,
      linkTargets: links.linkTargets,
      backlinks: [] as string[],
      words: links.words,
      problems: own,
    };
    defineLazyBody(article, () => readArticleBody(file, maxBytes));
    return article;
  });

  const backlinks = computeBacklinks(articles);
  for (const a of articles) a.backlinks = backlinks.get(a.id) ?? [];
  articles.sort(byId);
  for (const a of articles) problems.push(...a.problems);
  // Duplicate-id problems of files that gave no article still belong in the list.
  const articleIds = new Set(articles.map((a) => a.id));
  problems.push(...idProblems.filter((p) => !articleIds.has(p.id)));

  return { roots: scan.roots, articles, byId: new Map(articles.map((a) => [a.id, a])), problems };
}
