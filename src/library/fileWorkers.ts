// Files read in worker threads (fileWorker.ts), batch by batch, across cores: the saved pages a
// library read by their metadata pass (pageExtraction.ts, a page a batch, so progress is page by
// page), and a cold start's thousands of files (loadLibrary). Each worker takes the next batch
// when it answers one; a worker that fails ends with its batch reported as failed, the others go
// on. node:worker_threads is loaded only when there are files to read this way.
import { statSync } from 'node:fs';
import type { CachedFile } from './libraryCache.js';
import type { FileReader, ReadableFile } from './readArticleFile.js';
import { workerScript } from './workerScript.js';

/** One batch for a worker: files, their size limit, and how saved pages are read. */
export interface FileBatch {
  seq: number;
  files: ReadableFile[];
  maxBytes: number;
  pages: 'full' | 'metadata';
}

/** A file's result and the stamp of the bytes read (size -1 when they could not be stat'ed). */
export interface FileReadResult {
  size: number;
  mtimeMs: number;
  result: CachedFile;
}

export interface FileBatchAnswer {
  seq: number;
  /** In the batch's order. */
  results: FileReadResult[];
}

export interface FileWorkerRun {
  /** Settles once every batch is answered or failed, or the run was stopped. */
  readonly done: Promise<void>;
  /** No batch is started after this; the workers end. */
  stop(): void;
}

/** One file read now, with the stamp of the bytes read: what a worker answers for it, and what is done on this thread without workers. */
export function readStamped(reader: FileReader, file: ReadableFile, maxBytes: number): FileReadResult {
  try {
    const st = statSync(file.absPath);
    const outcome = reader.read(file, maxBytes, st.size);
    return { size: st.size, mtimeMs: st.mtimeMs, result: outcome.ok ? { ok: true, meta: outcome.meta } : { ok: false, kind: outcome.kind, why: outcome.why } };
  } catch (err) {
    return { size: -1, mtimeMs: -1, result: { ok: false, kind: 'unreadable', why: `cannot be read (${(err as NodeJS.ErrnoException)?.code ?? String(err)})` } };
  }
}

/** True when the worker script is there (the built bundle); from the sources files are read on the calling thread. */
export function canReadInWorkers(): boolean {
  return workerScript('file-worker') !== null;
}

/**
 * Read the batches with `workers` worker threads; `onAnswer` gets each batch's results as they
 * come, `onFail` each batch a worker ended on (with why). Needs canReadInWorkers().
 */
export function readInWorkers(batches: readonly FileBatch[], workers: number, onAnswer: (batch: FileBatch, answer: FileBatchAnswer) => void, onFail: (batch: FileBatch, why: string) => void): FileWorkerRun {
  const script = workerScript('file-worker');
  let stopped = false;
  let next = 0;
  const stops: (() => void)[] = [];
  const done = (async () => {
    if (!script || batches.length === 0) return;
    const { Worker } = await import('node:worker_threads');
    await new Promise<void>((resolve) => {
      let running = Math.max(1, Math.min(workers, batches.length));
      const count = running;
      const finish = () => {
        if (--running === 0) resolve();
      };
      for (let w = 0; w < count; w++) {
        const worker = new Worker(script);
        // Never what keeps the process alive: a reader that quits does not wait for them.
        worker.unref();
        let current: FileBatch | null = null;
        const give = () => {
          if (stopped || next >= batches.length) {
            current = null;
            void worker.terminate();
            return;
          }
          current = batches[next++];
          worker.postMessage(current);
        };
        worker.on('message', (answer: FileBatchAnswer) => {
          if (current && answer.seq === current.seq && !stopped) onAnswer(current, answer);
          give();
        });
        // A worker that fails (out of memory, a chunk missing) ends: its batch is reported, the rest go on.
        worker.on('error', (err) => {
          if (current && !stopped) onFail(current, `the file reader stopped: ${err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err)}`);
          current = null;
        });
        worker.on('exit', finish);
        stops.push(() => void worker.terminate());
        give();
      }
    });
  })();
  return {
    done,
    stop() {
      stopped = true;
      for (const stop of stops) stop();
    },
  };
}
