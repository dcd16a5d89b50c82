// The search index kept between runs (BROADSHEET_CACHE_DIR/search): a later start reads it
// back instead of every body, answers as a fresh build does, and reads again exactly the files
// that changed, came or were retitled since; a damaged file only means a fresh build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import type { Article, Library } from '../../src/library/types.js';
import { articlesInOrder } from '../../src/navigation/index.js';
import { LibrarySearch, type IndexKeeping } from '../../src/search/librarySearch.js';
import { searchIndexFile, searchIndexKeeping } from '../../src/search/searchIndexFile.js';
import { makeFolder, storeOf } from '../library/helpers.js';

const FILES = {
  'tides.md': '# Tide tables\n\nHigh water at noon, low water at dusk.\n',
  'log.md': '# Harbour log\n\nThe gulls came back. Check the tide tables first.\n',
  'quay.md': '---\ntitle: Quay wall\naliases: [The mole]\n---\n\nStones and mortar, gulls on the stones.\n',
  'ferry.txt': 'Ferry times\n\nThe ferry leaves at noon when the water is high.\n',
};

/** A search as the reader makes one, counting the bodies it reads; `saved` resolves once its build is written. */
function searchOf(library: Library, cacheDir: string) {
  const read: string[] = [];
  let saved: Promise<void> = Promise.resolve();
  const keeping = searchIndexKeeping(cacheDir, library.roots);
  const watched: IndexKeeping = { ...keeping, save: (index) => (saved = keeping.save(index)) };
  const bodyOf = (article: Article) => (read.push(article.id), storeOf(library).read(article.id)?.body ?? null);
  const search = new LibrarySearch(articlesInOrder(library), bodyOf, { keeping: watched });
  return { search, read, saved: () => saved };
}

const QUERIES = ['gulls', 'noon', 'tide tab', 'mole', 'wat', 'harbor', 'st'];
const answers = (search: LibrarySearch) => QUERIES.map((query) => search.search(query));

async function setUp() {
  const root = await makeFolder(FILES);
  const cacheDir = mkdtempSync(join(tmpdir(), 'broadsheet-search-cache-'));
  const library = await loadLibrary([root]);
  const first = searchOf(library, cacheDir);
  await first.search.buildAsync();
  await first.saved();
  return { root, cacheDir, library, first };
}

test('a start after the index was kept reads no body and answers as the build did', async () => {
  const { cacheDir, library, first } = await setUp();
  assert.equal(first.read.length, 4, 'the first build reads every body');
  assert.equal(readdirSync(join(cacheDir, 'search')).length, 1, 'one index file for the library');
  const again = searchOf(await loadLibrary(library.roots as string[]), cacheDir);
  await again.search.buildAsync();
  await again.search.whenFresh();
  assert.deepEqual(again.read, [], 'nothing read: every file is as it was');
  assert.deepEqual(answers(again.search), answers(first.search));
  assert.deepEqual(again.search.search('gulls').map((hit) => hit.id), ['quay', 'log']);
});

test('a file changed since the index was kept is read again, and found by what it says now', async () => {
  const { root, cacheDir } = await setUp();
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe cormorants came back.\n');
  // A clock that has not moved on must not hide the change: the size differs.
  const library = await loadLibrary([root]);
  const again = searchOf(library, cacheDir);
  await again.search.buildAsync();
  await again.search.whenFresh();
  assert.deepEqual(again.read, ['log']);
  assert.deepEqual(again.search.search('cormorants').map((hit) => hit.id), ['log']);
  assert.deepEqual(again.search.search('gulls').map((hit) => hit.id), ['quay'], 'the old words are gone');
  await again.saved();
  // Same size, new time: read again too.
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe cormorants flew away.\n');
  utimesSync(join(root, 'log.md'), new Date(), new Date(Date.now() + 5000));
  const third = searchOf(await loadLibrary([root]), cacheDir);
  await third.search.buildAsync();
  await third.search.whenFresh();
  assert.deepEqual(third.read, ['log']);
  assert.deepEqual(third.search.search('flew').map((hit) => hit.id), ['log']);
});

test('files added and removed since are indexed and dropped; the rest is not read', async () => {
  const { root, cacheDir } = await setUp();
  writeFileSync(join(root, 'lamps.md'), '# Lamps\n\nForty lamps on the quay, gulls asleep.\n');
  const { rmSync } = await import('node:fs');
  rmSync(join(root, 'tides.md'));
  const again = searchOf(await loadLibrary([root]), cacheDir);
  await again.search.buildAsync();
  await again.search.whenFresh();
  assert.deepEqual(again.read, ['lamps']);
  assert.deepEqual(again.search.search('gulls').map((hit) => hit.id).sort(), ['lamps', 'log', 'quay']);
  assert.deepEqual(again.search.search('dusk'), [], 'the removed file is not found');
});

test('an article whose title changed without its file changing is indexed again under the new title', async () => {
  const { cacheDir, library } = await setUp();
  // (Saved pages' titles change when another page of the same site comes: siteTitles.ts.)
  const retitle = (a: Article) => (a.id === 'ferry' ? { ...a, title: 'Crossings' } : a);
  const retitled: Library = { ...library, articles: library.articles.map(retitle), readingOrder: library.readingOrder.map(retitle) };
  const again = searchOf(retitled, cacheDir);
  await again.search.buildAsync();
  await again.search.whenFresh();
  assert.deepEqual(again.read, ['ferry']);
  assert.deepEqual(again.search.search('crossings').map((hit) => [hit.id, hit.field]), [['ferry', 'title']]);
});

test('a damaged index file means a fresh build, never a wrong answer', async () => {
  const { cacheDir, library, first } = await setUp();
  const file = searchIndexFile(cacheDir, library.roots);
  writeFileSync(file, Buffer.from('BSIX not really an index'));
  const again = searchOf(library, cacheDir);
  await again.search.buildAsync();
  await again.search.whenFresh();
  assert.equal(again.read.length, 4);
  assert.deepEqual(answers(again.search), answers(first.search));
});

test('a kept index answers before the files are checked, and is corrected once they are', async () => {
  const { root, cacheDir } = await setUp();
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe cormorants came back.\n');
  const again = searchOf(await loadLibrary([root]), cacheDir);
  await again.search.buildAsync();
  assert.equal(again.search.ready, true);
  assert.deepEqual(again.read, [], 'answering: no file looked at yet');
  assert.deepEqual(again.search.search('gulls').map((hit) => hit.id), ['quay', 'log'], 'what the kept index says');
  assert.equal(await again.search.whenFresh(), true, 'checking it changed it');
  assert.deepEqual(again.read, ['log']);
  assert.deepEqual(again.search.search('gulls').map((hit) => hit.id), ['quay']);
  assert.deepEqual(again.search.search('cormorants').map((hit) => hit.id), ['log']);
  await again.saved();
  const unchanged = searchOf(await loadLibrary([root]), cacheDir);
  await unchanged.search.buildAsync();
  assert.equal(await unchanged.search.whenFresh(), false, 'nothing changed since: the kept index stands');
});
