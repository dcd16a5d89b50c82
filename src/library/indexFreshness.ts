// The freshness check that follows a warm start's first frame: are the files below the paths
// still those the library's index was made from? One stat per file (100,000 files take about a
// second), so it runs in a worker thread (dist/index-worker.js) and the reader keeps taking keys
// meanwhile; from the sources (tests) it runs on this thread, a turn after it is asked for.
import { isIndexCurrent } from './loadLibrary.js';
import type { FileStamps } from './libraryCache.js';
import { workerScript } from './workerScript.js';

/** What the worker is given: the paths, and the stamps of the files the index was made from (and the other files' names). */
export interface FreshnessJob {
  paths: string[];
  stamps: FileStamps;
  attachments: string;
}

export interface FreshnessCheck {
  /** True when every file is as indexed; false when the library must be loaded again. */
  readonly current: Promise<boolean>;
  /** Stop checking (the reader quit): `current` then never settles. */
  stop(): void;
}

export function checkIndexFreshness(paths: string[], indexed: { stamps: FileStamps; attachments: string }): FreshnessCheck {
  const job: FreshnessJob = { paths, stamps: indexed.stamps, attachments: indexed.attachments };
  const script = workerScript('index-worker');
  let stopped = false;
  let stopWorker: (() => void) | null = null;
  const current = new Promise<boolean>((resolve) => {
    const answer = (value: boolean) => {
      if (!stopped) resolve(value);
    };
    if (!script) {
      setImmediate(() => {
        if (!stopped) answer(isIndexCurrent(job.paths, job));
      });
      return;
    }
    // node:worker_threads only when there is an index to check: a cold start never loads it.
    void import('node:worker_threads').then(({ Worker }) => {
      if (stopped) return;
      const worker = new Worker(script, { workerData: job });
      // The check never keeps the process alive: quitting the reader ends it.
      worker.unref();
      stopWorker = () => void worker.terminate();
      worker.once('message', (value: unknown) => answer(value === true));
      // A worker that fails says nothing about the files: load them again, to be sure.
      worker.once('error', () => answer(false));
      worker.once('exit', () => answer(false));
    });
  });
  return {
    current,
    stop() {
      stopped = true;
      stopWorker?.();
    },
  };
}
