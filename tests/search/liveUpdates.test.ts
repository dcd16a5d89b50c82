// Live reload keeps the reader's indexes by updating them: the search index and "mentioned
// in" of a changed library read only the files that changed, and answer as a fresh build would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import { libraryChange } from '../../src/library/libraryUpdates.js';
import type { Article, Library } from '../../src/library/types.js';
import { articlesInOrder } from '../../src/navigation/index.js';
import { librarySearchFor } from '../../src/search/librarySearch.js';
import { buildMentionsIndex, mentionsIndexFor, mentionsOf, updateMentionsIndex } from '../../src/search/mentions.js';
import { storeOf } from '../library/helpers.js';

async function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-live-search-'));
  writeFileSync(join(root, 'tides.md'), '# Tide tables\n\nHigh water at noon.\n');
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe gulls came back. Check the tide tables first.\n');
  writeFileSync(join(root, 'quay.md'), '# Quay\n\nStones and mortar.\n');
  return { root, before: await loadLibrary([root]) };
}

const reading = (library: Library, ids: string[]) => (article: Article) => (ids.push(article.id), storeOf(library).read(article.id)?.body ?? null);

test('the search of an updated library re-indexes only the changed files and finds what they say now', async () => {
  const { root, before } = await setUp();
  const search = librarySearchFor(articlesInOrder(before), (a) => storeOf(before).read(a.id)?.body ?? null);
  search.build();
  assert.deepEqual(search.search('gulls').map((h) => h.id), ['log']);
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe cormorants came back.\n');
  const after = await loadLibrary([root]);
  const read: string[] = [];
  const updated = search.updatedFor(articlesInOrder(after), reading(after, read), libraryChange(before, after, ['log']))!;
  assert.deepEqual(read, ['log'], 'one body read');
  assert.deepEqual(updated.search('gulls'), []);
  assert.deepEqual(updated.search('cormorants').map((h) => h.id), ['log']);
  assert.deepEqual(updated.search('stones').map((h) => h.id), ['quay'], 'the rest is still indexed');
});

test('"mentioned in" of an updated library walks only the changed files while the titles stay the same', async () => {
  const { root, before } = await setUp();
  assert.deepEqual(mentionsOf(before, 'tides', (a) => storeOf(before).read(a.id)?.body ?? null), ['log']);
  writeFileSync(join(root, 'log.md'), '# Harbour log\n\nThe gulls came back.\n');
  writeFileSync(join(root, 'quay.md'), '# Quay\n\nStones, mortar and the tide tables.\n');
  const after = await loadLibrary([root]);
  const read: string[] = [];
  assert.equal(updateMentionsIndex(before, after, reading(after, read), ['log', 'quay']), true);
  assert.deepEqual(read.sort(), ['log', 'quay']);
  assert.deepEqual(mentionsIndexFor(after, () => null), buildMentionsIndex(after.articles, (a) => storeOf(after).read(a.id)?.body ?? null), 'as a fresh build');
  assert.deepEqual(mentionsOf(after, 'tides', () => null), ['quay']);
  // A new title: built afresh.
  writeFileSync(join(root, 'quay.md'), '# Quay wall\n\nStones.\n');
  const retitled = await loadLibrary([root]);
  assert.equal(updateMentionsIndex(after, retitled, () => null, ['quay']), false);
});

test('an updated search index answers every query as a fresh build of the new library does', async () => {
  const { makeLibrary, fakeBodyText } = await import('../navigation/fakeLibrary.js');
  const { LibrarySearch } = await import('../../src/search/librarySearch.js');
  const spec = (id: string, title: string, body: string) => ({ id, title, section: ['Coast'], body });
  const before = makeLibrary([
    spec('a', 'Harbour wall', 'Masons at the harbour wall all winter.'),
    spec('b', 'Gull colony', 'Gulls on the harbour roofs, gulls on the quay.'),
    spec('c', 'Ferry times', 'The ferry leaves at noon.'),
    spec('d', 'Lamps', 'Forty lamps along the harbour.'),
  ]);
  const after = makeLibrary([
    spec('a', 'Harbour wall', 'Cormorants on the harbour wall; the masons left.'),
    spec('c', 'Ferry times', 'The ferry leaves at noon.'),
    spec('d', 'Lamps', 'Forty lamps along the harbour.'),
    spec('e', 'Zeppelin over the harbour', 'An airship, once, over the quay.'),
  ]);
  const search = new LibrarySearch(before.articles, fakeBodyText);
  search.build();
  const updated = search.updatedFor(after.articles, fakeBodyText, { changed: ['a'], added: ['e'], removed: ['b'] })!;
  const fresh = new LibrarySearch(after.articles, fakeBodyText);
  for (const query of ['harbour', 'gulls', 'cormorants', 'masons', 'zep', 'quay', 'ha', 'harbor wall', 'noon', 'airshp']) {
    assert.deepEqual(updated.search(query), fresh.search(query), query);
  }
});
