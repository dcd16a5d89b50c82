// Paths → Library: scan, id, read, parse, resolve links, backlinks. Never throws for a bad
// file (each becomes a problem); a path that does not exist throws LibraryPathError.
import type { Article, Library, Problem } from './types.js';
import { scanLibrary } from './scanLibrary.js';
import { assignIds, type IdentifiedFile } from './articleIds.js';
import { readArticleFile } from './readArticleFile.js';
import type { ParsedArticle } from './parsedArticle.js';
import { buildRefIndex, type RefCandidate } from './resolveRef.js';
import { resolveArticleLinks, computeBacklinks } from './linkGraph.js';
import { DEFAULT_MAX_FILE_BYTES } from './decodeText.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a `too-large` problem. Default 5 MB. */
  maxFileBytes?: number;
}

const CONCURRENCY = 32;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function loadLibrary(paths: string[], options: LoadOptions = {}): Promise<Library> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const scan = await scanLibrary(paths);
  const { files, problems: idProblems } = assignIds(scan.files, scan.roots);
  const problems: Problem[] = [...scan.problems];

  const reads = await mapLimited(files, CONCURRENCY, (f) => readArticleFile(f, maxBytes));
  const loaded: { file: IdentifiedFile; parsed: ParsedArticle }[] = [];
  reads.forEach((r, i) => {
    if (r.ok) loaded.push({ file: files[i], parsed: r.parsed });
    else problems.push(r.problem);
  });

  const candidates: RefCandidate[] = loaded.map(({ file, parsed }) => ({
    id: file.id,
    absPath: file.absPath,
    root: file.root,
    title: parsed.title,
    source: parsed.source,
  }));
  const index = buildRefIndex(candidates);

  const articles: Article[] = loaded.map(({ file, parsed }) => {
    const context = { id: file.id, absPath: file.absPath, root: file.root };
    let links;
    try {
      links = resolveArticleLinks({ context, path: file.relPath, parsed }, index);
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
      ...idProblems.filter((p) => p.id === file.id),
      ...parsed.problems.map((p) => ({ id: file.id, kind: p.kind, message: `${file.relPath}: ${p.message}`, ...(p.target ? { target: p.target } : {}) })),
      ...links.problems,
    ];
    return {
      id: file.id,
      title: parsed.title,
      path: file.relPath,
      absPath: file.absPath,
      root: file.root,
      format: file.format,
      section: parsed.section,
      date: parsed.date,
      author: parsed.author,
      summary: parsed.summary,
      source: parsed.source,
      body: parsed.body,
      related: links.related,
      previous: links.previous,
      next: links.next,
      linkTargets: links.linkTargets,
      backlinks: [],
      words: links.words,
      problems: own,
    };
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
