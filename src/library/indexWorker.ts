// A worker thread of indexFreshness.ts: runs the freshness check it is given (a stat per file,
// against the stamps it is sent: no cache file read here)
// and answers once. Built as an entry of its own (dist/index-worker.js: scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { isIndexCurrent } from './loadLibrary.js';
import type { FreshnessJob } from './indexFreshness.js';

const job = workerData as FreshnessJob;
let current = false;
try {
  current = isIndexCurrent(job.paths, job);
} catch {
  // Anything wrong: say "not current", and the library is loaded again.
}
parentPort?.postMessage(current);
