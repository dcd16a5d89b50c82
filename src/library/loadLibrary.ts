// Paths → Library: scan, id, read, parse, resolve links, backlinks, all at once, into plain
// records. Never throws for a bad file (each becomes a problem); a path that does not exist
// throws LibraryPathError.
//
// Speed (SPEC §5): files are read synchronously (a promise per file operation costs more than
// the reading), each file is stat'ed once, and with `cacheDir` the metadata of unchanged files
// (links as written included) comes from the cache, so a warm start reads no article and loads
// no parser (the file reader is loaded through src/startup.ts only when a file must be read).
// Bodies are never kept here: the body store (bodyStore.ts) reads them when they are shown.
import { statSync } from 'node:fs';
import type { Article, Library, Problem } from './types.js';
import { rootsOf, scanLibrarySync, stampOf, type AttachmentFile, type FileStamp, type ScanOptions, type ScanResult } from './scanLibrary.js';
import { assignIds, type IdentifiedFile } from './articleIds.js';
import type { FileReader } from './readArticleFile.js';
import { readProblem, tooLarge } from './fileOutcome.js';
import type { ArticleMeta } from './articleMeta.js';
import { buildRefIndex } from './resolveRef.js';
import { computeBacklinks } from './linkGraph.js';
import { articleRecord, resolveFileLinks, type RecordLinks } from './articleRecord.js';
import { DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import { cacheKey, openLibraryCache, readIndexLinks, readLibraryIndex, type CachedFile, type FileStamps, type IndexedParts, type LibraryCache, type LibraryIndex } from './libraryCache.js';
import { findSiteTitleParts, withoutSiteParts, type SiteTitleParts } from './siteTitles.js';
import { withListTitles } from './listTitles.js';
import { canReadInWorkers, readInWorkers, type FileBatch } from './fileWorkers.js';
import { sortForReading } from './readingOrder.js';
import { loadFileReader } from '../startup.js';

export interface LoadOptions {
  /** Files larger than this are skipped with a `too-large` problem. Default 5 MB. */
  maxFileBytes?: number;
  /**
   * Folder for the metadata cache (the CLI passes `cacheDirectory()` from src/state/statePaths.ts).
   * Without it nothing is cached and every file is read.
   */
  cacheDir?: string;
  /** Which files below the folders given are read (default all; see ScanOptions). */
  scan?: ScanOptions;
  /**
   * How saved pages that must be read are read: `full` (default) extracts each (Readability,
   * ~100 ms a page); `metadata` reads only what the list and the records need (the metadata
   * pass, a few ms a page) and names them in `Library.pendingPages`, for pageExtraction.ts.
   */
  pages?: 'full' | 'metadata';
  /** Pages extracted elsewhere (by absolute path): used in place of reading them while the file's size and mtime are these. */
  extracted?: ReadonlyMap<string, ExtractedPage>;
  /** Told how many of the files that must be read have been, now and then while they are (a cold start's progress line). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Worker threads to read files in when there are many to read (a cold start of a large
   * library); default 0, all on this thread. Ignored from the sources (no worker script).
   */
  workers?: number;
  /**
   * Called when the files read (at least one) are linked into articles, before the cache is
   * saved: what was read for them is garbage from here on (the reader collects it there).
   */
  onLinked?: (read: number) => void;
}

/** Fewer files than this are read on this thread: starting workers costs more than they save. */
const WORKERS_FROM = 1000;
/** Files a worker reads per batch: few messages, and progress still often. */
const WORKER_BATCH = 250;

/**
 * A file's read made elsewhere (a worker of pageExtraction.ts), with the stamp of the bytes it
 * read; or `failed`, why it gave no result (the worker ended on it): the page is then kept as
 * its metadata pass read it, with that as its problem, not pending for ever.
 */
export type ExtractedPage = { size: number; mtimeMs: number } & ({ result: CachedFile } | { failed: string });

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** Loads a library; the file reader (and the saved-page parser, for HTML) is loaded only when some file must be read. */
export async function loadLibrary(paths: string[], options: LoadOptions = {}): Promise<Library> {
  const plan = planLoad(paths, scanLibrarySync(paths, options.scan), options);
  const workers = options.workers ?? 0;
  if (workers > 0 && plan.toRead.length >= WORKERS_FROM && canReadInWorkers()) await readInParallel(plan, workers, options);
  const reader = plan.toRead.length > 0 ? await loadFileReader(plan.toRead.some(({ file }) => file.format === 'html'), options.pages) : null;
  return finishLoad(plan, reader, options);
}

/**
 * The plan's files read in worker threads, a batch at a time, remembered as a read here would
 * be; what a failed worker left unread stays in `plan.toRead`, for this thread.
 */
async function readInParallel(plan: LoadPlan, workers: number, options: LoadOptions): Promise<void> {
  const pages = options.pages ?? 'full';
  const batches: FileBatch[] = [];
  for (let from = 0; from < plan.toRead.length; from += WORKER_BATCH) {
    batches.push({ seq: batches.length, files: plan.toRead.slice(from, from + WORKER_BATCH).map(({ file }) => ({ absPath: file.absPath, relPath: file.relPath, format: file.format })), maxBytes: plan.maxBytes, pages });
  }
  const total = plan.toRead.length;
  const left = new Set(plan.toRead);
  let done = 0;
  options.onProgress?.({ done, total });
  const run = readInWorkers(
    batches,
    workers,
    (batch, answer) => {
      answer.results.forEach((read, i) => {
        const planned = plan.toRead[batch.seq * WORKER_BATCH + i];
        left.delete(planned);
        const stamp = read.size >= 0 ? { size: read.size, mtimeMs: read.mtimeMs } : planned.stamp;
        plan.known[planned.index] = remembered(read.result, stamp, plan.cache, planned.key);
      });
      done += answer.results.length;
      options.onProgress?.({ done, total });
    },
    () => undefined,
  );
  await run.done;
  plan.toRead = plan.toRead.filter((planned) => left.has(planned));
  plan.readInWorkers = done;
}

/** The same without waiting, with a file reader already loaded (`await loadFileReader(true)`). */
export function loadLibrarySync(paths: string[], reader: FileReader, options: LoadOptions = {}): Library {
  return finishLoad(planLoad(paths, scanLibrarySync(paths, options.scan), options), reader, options);
}

interface LoadPlan {
  scan: ScanResult;
  maxBytes: number;
  files: IdentifiedFile[];
  idProblems: Problem[];
  cache: LibraryCache | null;
  /** Per file in `files`: its metadata from the cache (or a failed stat), or undefined when it must be read. */
  known: (CachedFile | undefined)[];
  toRead: { index: number; file: IdentifiedFile; stamp: FileStamp; key: string }[];
  /** Pages whose extraction failed elsewhere: file index → why, with what the cache keys them by. */
  failedExtractions: Map<number, { why: string; stamp: FileStamp; key: string }>;
  /** The other files links may name, as the cache compares them. */
  attachmentNames: string;
  /** Files read in worker threads (readInParallel). */
  readInWorkers: number;
  /** The index of last time and its articles as linked, when every file is as it was (then no entry is decoded). */
  linked: { index: LibraryIndex; articles: Article[] } | null;
}

/** Ids, stats and the cache: which files are known and which must be read. */
function planLoad(paths: string[], scan: ScanResult, options: LoadOptions): LoadPlan {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, problems: idProblems } = assignIds(scan.files, scan.roots);
  const cache = options.cacheDir ? openLibraryCache(options.cacheDir, paths, scan.roots, maxBytes) : null;
  const known: (CachedFile | undefined)[] = new Array(files.length);
  const toRead: LoadPlan['toRead'] = [];
  const hits: LoadPlan['toRead'] = [];
  const failedExtractions: LoadPlan['failedExtractions'] = new Map();
  const full = options.pages !== 'metadata';
  let fromElsewhere = false;
  files.forEach((file, index) => {
    let stamp: FileStamp;
    try {
      stamp = file.stat ?? stampOf(statSync(file.absPath));
    } catch (err) {
      known[index] = { ok: false, kind: 'unreadable', why: `cannot be read (${errCode(err)})` };
      return;
    }
    const key = cache ? cacheKey(scan.roots, file.root, file.relPath) : '';
    const extracted = options.extracted?.get(file.absPath);
    if (extracted && 'failed' in extracted && extracted.size === stamp.size && extracted.mtimeMs === stamp.mtimeMs) {
      // Its metadata pass is read as usual (below), then marked with why it goes no further.
      failedExtractions.set(index, { why: extracted.failed, stamp, key });
      fromElsewhere = true;
    } else if (extracted && 'result' in extracted && extracted.size === stamp.size && extracted.mtimeMs === stamp.mtimeMs) {
      // Read elsewhere from these very bytes: as if read now.
      known[index] = extracted.result;
      if (extracted.result.ok || extracted.result.kind !== 'unreadable') cache?.set(key, stamp, extracted.result);
      fromElsewhere = true;
      return;
    }
    // A page read by its metadata pass only is read again when the whole page is asked for.
    if (cache?.has(key, stamp) && !(full && cache.partial(key))) hits.push({ index, file, stamp, key });
    else toRead.push({ index, file, stamp, key });
  });
  // The same files with the same metadata (and the same other files links may name) as last
  // time: the same links, so the linked articles are the library and no entry needs decoding.
  const attachmentNames = attachmentNamesOf(scan);
  const linked = toRead.length === 0 && !fromElsewhere ? (cache?.linkedIndex(attachmentNames) ?? null) : null;
  for (const hit of hits) {
    if (linked) {
      const failure = cache!.failure(hit.key);
      if (failure) known[hit.index] = failure;
      continue;
    }
    const cached = cache!.get(hit.key);
    if (cached) known[hit.index] = cached;
    else toRead.push(hit);
  }
  return { scan, maxBytes, files, idProblems, cache, known, toRead, failedExtractions, attachmentNames, linked, readInWorkers: 0 };
}

/** One file's metadata read and parsed now, remembered in the cache. */
function readFile(reader: FileReader, file: IdentifiedFile, stamp: FileStamp, maxBytes: number, cache: LibraryCache | null, key: string): CachedFile {
  const outcome = stamp.size > maxBytes ? tooLarge(stamp.size, maxBytes) : reader.read(file, maxBytes, stamp.size);
  // A copy of the metadata: its title, summary and link words are slices of the file's text,
  // and each would keep the whole text alive with the library (a file read in a worker comes
  // over as such a copy already).
  return remembered(outcome.ok ? { ok: true, meta: structuredClone(outcome.meta) } : outcome, stamp, cache, key);
}

/** A file's result, kept in the cache when the bytes decided it (a read that failed may work next time). */
function remembered(result: CachedFile, stamp: FileStamp, cache: LibraryCache | null, key: string): CachedFile {
  if (result.ok || result.kind !== 'unreadable') cache?.set(key, stamp, result);
  return result;
}

/** Files read between progress reports. */
const PROGRESS_EVERY = 250;

function finishLoad(plan: LoadPlan, reader: FileReader | null, { onProgress, onLinked }: Pick<LoadOptions, 'onProgress' | 'onLinked'>): Library {
  const { scan, maxBytes, files, idProblems, cache, known } = plan;
  const total = plan.toRead.length;
  plan.toRead.forEach(({ index, file, stamp, key }, done) => {
    if (onProgress && done % PROGRESS_EVERY === 0) onProgress({ done, total });
    known[index] = readFile(reader!, file, stamp, maxBytes, cache, key);
  });
  for (const [index, { why, stamp, key }] of plan.failedExtractions) {
    const result = known[index];
    if (!result?.ok || !result.meta.partial) continue;
    const { partial: _partial, ...meta } = result.meta;
    // Remembered as the page's result while its bytes stay the same, as a parse that fails is.
    known[index] = { ok: true, meta: { ...meta, problems: [...meta.problems, { kind: 'unreadable', message: `could not be extracted (${why}): its words and links are missing` }] } };
    cache?.set(key, stamp, known[index]);
  }

  const problems: Problem[] = [...scan.problems];
  const loaded: { file: IdentifiedFile; meta: ArticleMeta }[] = [];
  files.forEach((file, index) => {
    const result = known[index];
    if (result === undefined) return; // an article of the linked ones (plan.linked)
    if (result.ok) loaded.push({ file, meta: result.meta });
    else problems.push(readProblem(file, result));
  });
  loaded.sort((a, b) => byId(a.file, b.file));

  const { articles, siteTitles } = plan.linked ? { articles: plan.linked.articles, siteTitles: plan.linked.index.siteTitles } : linkArticles(loaded, idProblems, scan.attachments);
  const pendingPages = plan.linked?.index.pendingPages ?? loaded.filter(({ meta }) => meta.partial).map(({ file }) => file.id);
  const readingOrder = plan.linked ? plan.linked.index.order.map((i) => articles[i]) : sortForReading(articles);
  // Duplicate-id problems of files that gave no article still belong in the list.
  const articleIds = new Set(articles.map((a) => a.id));
  problems.push(...idProblems.filter((p) => !articleIds.has(p.id)));
  const parts: IndexedParts = { attachments: plan.attachmentNames, attachmentFiles: scan.attachments, otherProblems: problems, pendingPages, siteTitles };
  const read = plan.readInWorkers + total;
  if (read > 0) onLinked?.(read);
  cache?.save(articles, readingOrder, parts);
  return libraryOf(scan.roots, maxBytes, articles, readingOrder, parts);
}

/** The other files links may name, as the cache compares them. */
function attachmentNamesOf(scan: Pick<ScanResult, 'attachments'>): string {
  return scan.attachments.map((f) => `${f.root}\u0000${f.relPath}`).sort().join('\n');
}

/** The library of these linked articles and the rest (as loaded now, or as indexed). */
function libraryOf(roots: readonly string[], maxBytes: number, articles: readonly Article[], readingOrder: readonly Article[], parts: IndexedParts): Library {
  const problems: Problem[] = [...parts.otherProblems];
  for (const a of articles) problems.push(...a.problems);
  const { pendingPages, siteTitles } = parts;
  return {
    roots,
    articles,
    readingOrder,
    byId: new Map(articles.map((a) => [a.id, a])),
    attachments: parts.attachmentFiles,
    problems,
    maxFileBytes: maxBytes,
    ...(pendingPages.length > 0 ? { pendingPages } : {}),
    ...(Object.keys(siteTitles).length > 0 ? { siteTitles } : {}),
  };
}

/** A library as its index last had it, and what to check it by (isIndexCurrent). */
export interface IndexedLibrary {
  /**
   * The library as the list shows it, for a first frame: every article's record but its links
   * (related, previous, next and backlinks are empty until linkIndexedLibrary).
   */
  listed: Library;
  index: LibraryIndex;
  generation: string;
  attachments: string;
}

/**
 * The library as its index in `cacheDir` last had it, read without looking at any article's
 * file (a stat of each path given); null when there is no index this build wrote for these
 * paths. Whether its files are still as indexed is isIndexCurrent's to say, afterwards: a warm
 * start paints from this at once. Throws LibraryPathError as loadLibrary does.
 */
export function readIndexedLibrary(paths: string[], options: Pick<LoadOptions, 'cacheDir' | 'maxFileBytes'>): IndexedLibrary | null {
  const roots = rootsOf(paths);
  if (!options.cacheDir) return null;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const index = readLibraryIndex(options.cacheDir, paths, roots, maxBytes);
  if (!index) return null;
  const listed = libraryOf(roots, maxBytes, index.listed, index.order.map((i) => index.listed[i]), index);
  return { listed, index, generation: index.generation, attachments: index.attachments };
}

/** The indexed library with its links (the library as linked at the index's save) and the stamps of its files; null when they do not read back. */
export function linkIndexedLibrary(indexed: IndexedLibrary): { library: Library; stamps: FileStamps } | null {
  const linked = readIndexLinks(indexed.index);
  if (!linked) return null;
  const { articles, stamps } = linked;
  const { roots, maxBytes, order } = indexed.index;
  return { library: libraryOf(roots, maxBytes, articles, order.map((i) => articles[i]), indexed.index), stamps };
}

/**
 * Whether the files below `paths` are still those the index was made from (the same files,
 * sizes and mtimes, the same other files): the freshness check that follows a warm start's
 * first frame. Reads no article and no record; a stat per file. When false, loadLibrary gives
 * the library now.
 */
export function isIndexCurrent(paths: string[], indexed: { stamps: FileStamps; attachments: string }, options: Pick<LoadOptions, 'scan'> = {}): boolean {
  let scan: ScanResult;
  try {
    scan = scanLibrarySync(paths, options.scan);
  } catch {
    return false;
  }
  const { keys, sizes, mtimes } = indexed.stamps;
  if (scan.files.length !== keys.length || attachmentNamesOf(scan) !== indexed.attachments) return false;
  const at = new Map<string, number>();
  keys.forEach((key, i) => at.set(key, i));
  for (const file of scan.files) {
    const i = at.get(cacheKey(scan.roots, file.root, file.relPath));
    if (i === undefined) return false;
    let stamp: FileStamp;
    try {
      stamp = file.stat ?? stampOf(statSync(file.absPath));
    } catch {
      return false;
    }
    if (stamp.size !== sizes[i] || stamp.mtimeMs !== mtimes[i]) return false;
  }
  return true;
}

/** Every article's links resolved against the library, backlinks counted: the records (titles less their site's shared name, which links see too). */
function linkArticles(
  files: { file: IdentifiedFile; meta: ArticleMeta }[],
  idProblems: Problem[],
  attachments: readonly AttachmentFile[],
): { articles: Article[]; siteTitles: SiteTitleParts } {
  const pageOf = ({ file, meta }: (typeof files)[number]) => ({ format: file.format, source: meta.source, root: file.root, path: file.relPath, title: meta.title });
  const siteTitles = findSiteTitleParts(files.map(pageOf));
  const loaded = files.map((f) => {
    const title = withoutSiteParts(pageOf(f), siteTitles);
    return title === f.meta.title ? f : { file: f.file, meta: { ...f.meta, title } };
  });
  const refIndex = buildRefIndex(
    loaded.map(({ file, meta }) => ({ id: file.id, absPath: file.absPath, root: file.root, title: meta.title, source: meta.source })),
    attachments,
  );
  // Each file's links resolved and counted for backlinks in one go: the targets of its body's
  // links are needed for that count only (the body store resolves them again when it is shown),
  // and 100,000 of them held until the end were the largest part of a cold start's peak.
  const resolved: RecordLinks[] = new Array(loaded.length);
  function* outgoing() {
    for (let i = 0; i < loaded.length; i++) {
      const { file, meta } = loaded[i];
      const links = resolveFileLinks(file, meta, refIndex);
      resolved[i] = { related: links.related, previous: links.previous, next: links.next, problems: links.problems };
      yield { id: file.id, links };
    }
  }
  const backlinks = computeBacklinks(outgoing());
  const idProblemsOf = new Map<string, Problem[]>();
  for (const p of idProblems) idProblemsOf.set(p.id, [...(idProblemsOf.get(p.id) ?? []), p]);
  const articles = withListTitles(loaded.map(({ file, meta }, i) => articleRecord(file, meta, resolved[i], backlinks.get(file.id) ?? [], idProblemsOf.get(file.id) ?? [])));
  return { articles, siteTitles };
}
