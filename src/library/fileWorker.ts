// A worker thread of fileWorkers.ts: reads the files of each batch it is sent (saved pages in
// full, with Readability, or by their metadata pass, as the batch says) and answers each batch
// with every file's result and the stamp of the bytes it read. Built as an entry of its own
// (dist/file-worker.js: scripts/build.mjs), so the bundle's chunks are shared.
import { parentPort } from 'node:worker_threads';
import { createFileReader, type FileReader } from './readArticleFile.js';
import { parseHtmlPage } from './html/parseHtmlPage.js';
import { metadataOnlyPage } from './html/pageMetadata.js';
import { readStamped, type FileBatch, type FileBatchAnswer } from './fileWorkers.js';

const readers: Partial<Record<FileBatch['pages'], FileReader>> = {};

parentPort?.on('message', (batch: FileBatch) => {
  const reader = (readers[batch.pages] ??= createFileReader(batch.pages === 'full' ? parseHtmlPage : metadataOnlyPage));
  const answer: FileBatchAnswer = { seq: batch.seq, results: batch.files.map((file) => readStamped(reader, file, batch.maxBytes)) };
  parentPort!.postMessage(answer);
});
