// Full extraction of the saved pages a library read by their metadata pass only
// (`Library.pendingPages`), in the background, across cores: worker threads (fileWorkers.ts),
// each reading and extracting one page at a time. What they find goes back into
// the loader (`loadLibrary(paths, { extracted })`), which links it and keeps it in the metadata
// cache, so a later start reads no page again. Progress is reported page by page, for a status
// line ("reading pages 37/130"); showing it is the caller's business.
//
// Where the worker script cannot be found (running from the sources, under tsx), the pages
// are extracted on this thread instead, one per turn of the event loop.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Library } from './types.js';
import { libraryChange, type LibraryChange, type LibraryUpdate } from './libraryUpdates.js';
import { loadLibrary, type ExtractedPage, type LoadOptions } from './loadLibrary.js';
import type { ReadableFile } from './readArticleFile.js';
import { loadFileReader } from '../startup.js';
import { canReadInWorkers, readInWorkers, readStamped, type FileBatch, type FileReadResult } from './fileWorkers.js';

/** One page to extract. */
interface PageJob extends ReadableFile {
  seq: number;
  maxBytes: number;
}

export interface ExtractionProgress {
  done: number;
  total: number;
}

export interface ExtractionOptions {
  /** Worker threads (default: one less than the cores, at least one); 0 extracts on this thread. */
  workers?: number;
  /** Called after each page, and once at the start with done 0. */
  onProgress?: (progress: ExtractionProgress) => void;
}

export interface PageExtraction {
  /** Every page's result by absolute path, once all are read (or what was read when stopped). */
  readonly done: Promise<Map<string, ExtractedPage>>;
  /** Stop: no page is started after this; the workers end. */
  stop(): void;
}

/** The status line for a progress report. */
export function progressText({ done, total }: ExtractionProgress): string {
  return `reading pages ${done}/${total}`;
}

/** The jobs for the library's pending pages, in the library's order. */
function jobsOf(library: Library): PageJob[] {
  return (library.pendingPages ?? []).flatMap((id, seq) => {
    const article = library.byId.get(id);
    return article ? [{ seq, absPath: article.absPath, relPath: article.path, format: article.format, maxBytes: library.maxFileBytes }] : [];
  });
}

/** Start extracting the library's pending pages. */
export function extractPages(library: Library, options: ExtractionOptions = {}): PageExtraction {
  const jobs = jobsOf(library);
  const results = new Map<string, ExtractedPage>();
  const total = jobs.length;
  let stopped = false;
  let next = 0;
  const report = () => options.onProgress?.({ done: results.size, total });
  const record = (job: PageJob, answer: FileReadResult) => {
    results.set(job.absPath, { size: answer.size, mtimeMs: answer.mtimeMs, result: answer.result });
    report();
  };
  // The page a worker ended on: a problem of that page (not pending for ever), stamped with its bytes as they are.
  const fail = (job: PageJob, why: string) => {
    try {
      const st = statSync(job.absPath);
      results.set(job.absPath, { size: st.size, mtimeMs: st.mtimeMs, failed: why });
    } catch {
      return; // gone: the reload finds it gone
    }
    report();
  };
  const stops: (() => void)[] = [];
  report();

  const count = Math.min(total, options.workers ?? Math.max(1, availableParallelism() - 1));
  const done = total === 0 ? Promise.resolve(results) : canReadInWorkers() && count > 0 ? runWorkers(count) : runHere();

  // A page a batch: progress is page by page, and a worker that fails loses one page.
  async function runWorkers(workers: number): Promise<Map<string, ExtractedPage>> {
    const batches: FileBatch[] = jobs.map((job) => ({ seq: job.seq, files: [job], maxBytes: job.maxBytes, pages: 'full' }));
    const jobOf = (batch: FileBatch) => batch.files[0] as PageJob;
    const run = readInWorkers(batches, workers, (batch, answer) => record(jobOf(batch), answer.results[0]), (batch, why) => fail(jobOf(batch), why));
    stops.push(() => run.stop());
    await run.done;
    return results;
  }

  async function runHere(): Promise<Map<string, ExtractedPage>> {
    const reader = await loadFileReader(true);
    while (!stopped && next < jobs.length) {
      const job = jobs[next++];
      record(job, readStamped(reader, job, job.maxBytes));
      // One page a turn: the reader answers keys between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }

  return {
    done,
    stop() {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}

/**
 * The library with its pending pages extracted: extract them, then load the library again with
 * what was found (files changed meanwhile are read as they are now). `load` are the options the
 * library was loaded with.
 */
export async function extractLibrary(paths: string[], library: Library, load: LoadOptions, options: ExtractionOptions = {}): Promise<Library> {
  if (!library.pendingPages?.length) return library;
  const extracted = await extractPages(library, options).done;
  return loadLibrary(paths, { ...load, pages: 'metadata', extracted });
}

/**
 * Extract the library's pending pages while the reader runs, publishing each step: the
 * progress as a status ("reading pages 37/130", the library as it was), then the library with
 * the pages read, and what changed. `stop` ends the workers (the reader quit).
 */
export function extractInBackground(paths: string[], library: Library, load: LoadOptions, publish: (update: LibraryUpdate) => void, options: ExtractionOptions = {}): { stop(): void } {
  const none: LibraryChange = { changed: [], added: [], removed: [] };
  let stopped = false;
  const extraction = extractPages(library, {
    ...options,
    onProgress(progress) {
      options.onProgress?.(progress);
      if (!stopped && progress.done < progress.total) publish({ library, change: none, status: progressText(progress) });
    },
  });
  void extraction.done
    .then(async (extracted) => {
      if (stopped) return;
      const after = await loadLibrary(paths, { ...load, pages: 'metadata', extracted });
      if (stopped) return;
      const read = library.pendingPages?.length ?? 0;
      const failed = [...extracted.values()].filter((page) => 'failed' in page).length;
      const status = `read ${read} page${read === 1 ? '' : 's'}${failed > 0 ? `, ${failed} could not be extracted (see check)` : ''}`;
      publish({ library: after, change: libraryChange(library, after), status });
    })
    // The folder went away meanwhile, or a reload failed: the reader goes on with what it has.
    .catch(() => undefined);
  return {
    stop() {
      stopped = true;
      extraction.stop();
    },
  };
}
