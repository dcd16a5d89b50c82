// "Mentioned in" kept between runs (BROADSHEET_CACHE_DIR/search): a later start reads no body
// whose file is as it was and gives the index a fresh walk gives; a changed file is walked
// again; other titles (a retitled article) mean every file is walked again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import type { Article, Library } from '../../src/library/types.js';
import { buildMentionsIndex, buildMentionsIndexAsync, mentionsIndexFor, type MentionsKeeping } from '../../src/search/mentions.js';
import { mentionsKeeping } from '../../src/search/searchIndexFile.js';
import { makeFolder, storeOf } from '../library/helpers.js';

const FILES = {
  'tides.md': '# Tide tables\n\nHigh water at noon. The harbour log says so.\n',
  'log.md': '# Harbour log\n\nThe gulls came back. Check the tide tables first.\n',
  'quay.md': '# Quay wall\n\nStones and mortar.\n',
};

/** Builds the library's mentions index as the reader does, counting bodies read; resolves once it is written. */
async function mentionsOf(library: Library, cacheDir: string) {
  const read: string[] = [];
  const keeping: MentionsKeeping = mentionsKeeping(cacheDir, library.roots);
  const bodyOf = (article: Article) => (read.push(article.id), storeOf(library).read(article.id)?.body ?? null);
  await buildMentionsIndexAsync(library, bodyOf, { sliceMs: 0, keeping });
  const fresh = buildMentionsIndex(library.articles, (article) => storeOf(library).read(article.id)?.body ?? null);
  return { index: mentionsIndexFor(library, bodyOf), fresh, read: read.sort() };
}

async function setUp() {
  const root = await makeFolder(FILES);
  const cacheDir = mkdtempSync(join(tmpdir(), 'broadsheet-mentions-cache-'));
  const first = await mentionsOf(await loadLibrary([root]), cacheDir);
  return { root, cacheDir, first };
}

test('a start after "mentioned in" was kept reads no body and gives what a fresh walk gives', async () => {
  const { root, cacheDir, first } = await setUp();
  assert.deepEqual(first.read, ['log', 'quay', 'tides']);
  assert.deepEqual(first.index.get('tides'), ['log']);
  const again = await mentionsOf(await loadLibrary([root]), cacheDir);
  assert.deepEqual(again.read, []);
  assert.deepEqual(again.index, again.fresh);
  assert.deepEqual(again.index.get('log'), ['tides']);
});

test('a file changed since is walked again: what it names now counts, what it named before does not', async () => {
  const { root, cacheDir } = await setUp();
  writeFileSync(join(root, 'quay.md'), '# Quay wall\n\nStones, mortar and the tide tables pinned to the wall.\n');
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe gulls came back.\n');
  const again = await mentionsOf(await loadLibrary([root]), cacheDir);
  assert.deepEqual(again.read, ['log', 'quay']);
  assert.deepEqual(again.index, again.fresh);
  assert.deepEqual(again.index.get('tides'), ['quay']);
});

test('a retitled article means every file is walked again (the titles looked for changed)', async () => {
  const { root, cacheDir } = await setUp();
  writeFileSync(join(root, 'quay.md'), '# Stones and mortar\n\nA quay wall.\n');
  const again = await mentionsOf(await loadLibrary([root]), cacheDir);
  assert.deepEqual(again.read, ['log', 'quay', 'tides']);
  assert.deepEqual(again.index, again.fresh);
});
