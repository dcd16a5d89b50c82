// A worker thread of pageExtraction.ts: reads and extracts the saved pages it is sent, one at a
// time, and answers each with its metadata and the stamp of the bytes it read. Built as an
// entry of its own (dist/page-worker.js: scripts/build.mjs), so the bundle's chunks are shared.
import { statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createFileReader } from './readArticleFile.js';
import { parseHtmlPage } from './html/parseHtmlPage.js';
import type { PageJob, PageAnswer } from './pageExtraction.js';

const reader = createFileReader(parseHtmlPage);

parentPort?.on('message', (job: PageJob) => {
  let answer: PageAnswer;
  try {
    const st = statSync(job.absPath);
    const outcome = reader.read(job, job.maxBytes, st.size);
    answer = { seq: job.seq, size: st.size, mtimeMs: st.mtimeMs, result: outcome.ok ? { ok: true, meta: outcome.meta } : { ok: false, kind: outcome.kind, why: outcome.why } };
  } catch (err) {
    answer = { seq: job.seq, size: -1, mtimeMs: -1, result: { ok: false, kind: 'unreadable', why: `cannot be read (${(err as NodeJS.ErrnoException)?.code ?? String(err)})` } };
  }
  parentPort!.postMessage(answer);
});
