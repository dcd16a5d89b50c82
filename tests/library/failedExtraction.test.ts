// A saved page whose extraction ended without a result (its worker died on it) is a problem of
// that page, listed from its metadata pass, not pending for ever: one line in check's problems,
// kept while the file stays as it is, and tried again once it changes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLibrary, type Library } from '../../src/library/index.js';
import type { ExtractedPage } from '../../src/library/loadLibrary.js';
import { makeFolder } from './helpers.js';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><p>The ferry leaves at six and nobody on the quay has ever seen it leave late, not even in the storm of the old winter.</p></article></body></html>`;

const extractionProblems = (lib: Library) => lib.problems.filter((p) => /could not be extracted/.test(p.message));

test('a page its worker died on: listed by its title, one problem, no longer pending; tried again when it changes', async () => {
  const dir = await makeFolder({ 'tide.html': page('Reading the tide book'), 'nets.html': page('Mending nets') });
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-cache-'));
  made.push(cacheDir);
  const options = { cacheDir, pages: 'metadata' as const };
  const listed = await loadLibrary([dir], options);
  assert.deepEqual(listed.pendingPages, ['nets', 'tide']);

  const tide = path.join(dir, 'tide.html');
  const st = await stat(tide);
  const extracted = new Map<string, ExtractedPage>([[tide, { size: st.size, mtimeMs: st.mtimeMs, failed: 'the page reader stopped: ERR_WORKER_OUT_OF_MEMORY' }]]);
  const afterExtraction = await loadLibrary([dir], { ...options, extracted });
  assert.equal(afterExtraction.byId.get('tide')?.title, 'Reading the tide book', 'still listed, from its metadata pass');
  assert.deepEqual(afterExtraction.pendingPages, ['nets'], 'the page that failed is pending no more');
  assert.deepEqual(
    extractionProblems(afterExtraction).map((p) => [p.id, p.kind, p.message]),
    [['tide', 'unreadable', 'tide.html: could not be extracted (the page reader stopped: ERR_WORKER_OUT_OF_MEMORY): its words and links are missing']],
  );

  // A warm start with the file unchanged says the same.
  const warm = await loadLibrary([dir], options);
  assert.deepEqual(warm.pendingPages, ['nets']);
  assert.equal(extractionProblems(warm).length, 1);

  // Changed: read again, pending again, the old problem gone.
  await writeFile(tide, page('Reading the tide book, again'));
  await utimes(tide, new Date(), new Date(Date.now() + 5000));
  const changed = await loadLibrary([dir], options);
  assert.deepEqual(changed.pendingPages, ['nets', 'tide']);
  assert.deepEqual(extractionProblems(changed), []);
});

test('a failure stamped with other bytes than the file has now is not the file\'s: it stays pending', async () => {
  const dir = await makeFolder({ 'tide.html': page('Reading the tide book') });
  const tide = path.join(dir, 'tide.html');
  const st = await stat(tide);
  const extracted = new Map<string, ExtractedPage>([[tide, { size: st.size + 1, mtimeMs: st.mtimeMs, failed: 'the page reader stopped' }]]);
  const lib = await loadLibrary([dir], { pages: 'metadata', extracted });
  assert.deepEqual(lib.pendingPages, ['tide']);
  assert.deepEqual(extractionProblems(lib), []);
});
