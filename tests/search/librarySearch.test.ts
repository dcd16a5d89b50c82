import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LibrarySearch, librarySearchFor } from '../../src/search/librarySearch.js';
import { searchableBody } from '../../src/search/searchableBody.js';
import { searchFilter } from '../../src/search/searchFilter.js';
import { fakeBodyText, makeLibrary } from '../navigation/fakeLibrary.js';

function library() {
  return makeLibrary([
    // The body hit mentions the word many times: tiers must still put the title hit first.
    { id: 'a/body', title: 'Notes from the quay', section: ['Coast'], body: 'Harbour harbour harbour. The harbour wall, the harbour lamps, harbour cats.' },
    { id: 'b/section', title: 'Lamps relit', section: ['Harbour'], body: 'Forty lamps.' },
    { id: 'c/title', title: 'The harbour wall', section: ['Coast'], body: 'Masons worked through the winter.' },
    { id: 'd/none', title: 'Choir of gulls', section: ['Culture'], body: 'Gulls sing. See [the wall](https://harbour.example/wall).' },
    { id: 'e/accents', title: 'Café society', section: ['Culture'], body: 'Naïve espresso.' },
  ]);
}

test('a title hit ranks above a section hit above a body hit, whatever the counts', () => {
  const search = new LibrarySearch(library().articles, fakeBodyText);
  const hits = search.search('harbour');
  assert.deepEqual(
    hits.map((h) => [h.id, h.field]),
    [
      ['c/title', 'title'],
      ['b/section', 'section'],
      ['a/body', 'body'],
    ],
  );
});

test('the last word matches as a prefix and fuzzily; earlier words must all match', () => {
  const search = new LibrarySearch(library().articles, fakeBodyText);
  assert.deepEqual(search.search('harb').map((h) => h.id), ['c/title', 'b/section', 'a/body']);
  assert.deepEqual(search.search('harbout').map((h) => h.id).sort(), ['a/body', 'b/section', 'c/title'], 'one wrong letter forgiven');
  assert.deepEqual(search.search('harbour wal').map((h) => h.id), ['c/title', 'a/body']);
  assert.deepEqual(search.search('harb zzz').map((h) => h.id), []);
  assert.ok(search.search('harb')[0].terms.includes('harbour'), 'the expanded word is reported');
});

test('a last word of one or two letters is a prefix over titles and sections, an exact word in the body', () => {
  const search = new LibrarySearch(library().articles, fakeBodyText);
  assert.deepEqual(search.search('ha').map((h) => h.id), ['c/title', 'b/section'], 'the body-only article waits for a third letter');
  assert.deepEqual(search.search('har').map((h) => h.id), ['c/title', 'b/section', 'a/body']);
});

test('accents and case are folded; link destinations are not text', () => {
  const search = new LibrarySearch(library().articles, fakeBodyText);
  assert.deepEqual(search.search('cafe').map((h) => h.id), ['e/accents']);
  assert.deepEqual(search.search('NAIVE').map((h) => h.id), ['e/accents']);
  assert.equal(searchableBody('See [the wall](https://harbour.example/wall "t").'), 'See [the wall].');
  assert.ok(!search.search('example').some((h) => h.id === 'd/none'));
});

test('^id block markers are no words of the note: not searched, and text around a caret still is', () => {
  const search = new LibrarySearch(
    makeLibrary([{ id: 'tides', title: 'Tides', section: ['Coast'], body: 'The water turns at dawn ^turning-point\n\n- a list of boats\n\n^fleet42\n\nTwo to the power ten is 2^10 exactly.' }]).articles,
    fakeBodyText,
  );
  assert.deepEqual(search.search('dawn').map((h) => h.id), ['tides']);
  assert.deepEqual(search.search('turning').map((h) => h.id), [], 'the marker ^turning-point is not text');
  assert.deepEqual(search.search('fleet42').map((h) => h.id), []);
  assert.deepEqual(search.search('exactly').map((h) => h.id), ['tides']);
  assert.equal(searchableBody('Text ^abc\n^def\nA caret in 2^10 stays.'), 'Text \n\nA caret in 2^10 stays.');
});

test('an async build answers the same, and a search during it finishes the index at once', async () => {
  const articles = library().articles;
  const a = new LibrarySearch(articles, fakeBodyText, { chunkSize: 1 });
  const building = a.buildAsync();
  assert.equal(a.ready, false);
  assert.deepEqual(a.search('harbour').map((h) => h.id), ['c/title', 'b/section', 'a/body'], 'mid-build search is complete');
  await building;
  assert.equal(a.ready, true);
  const b = new LibrarySearch(articles, fakeBodyText, { chunkSize: 2 });
  await b.buildAsync();
  assert.deepEqual(b.search('lamps').map((h) => h.id), a.search('lamps').map((h) => h.id));
});

test('one index per article list; the filter seam returns articles and where they were hit', () => {
  const lib = library();
  assert.equal(librarySearchFor(lib.articles, fakeBodyText), librarySearchFor(lib.articles, fakeBodyText));
  const filter = searchFilter(librarySearchFor(lib.articles, fakeBodyText));
  const result = filter(lib.articles, 'harbour');
  assert.deepEqual(result.map((a) => a.id), ['c/title', 'b/section', 'a/body']);
  assert.deepEqual(filter.hitOf?.(lib.byId.get('a/body')!, 'harbour'), { field: 'body', terms: ['harbour'] });
  assert.equal(filter.hitOf?.(lib.byId.get('d/none')!, 'harbour'), undefined);
});
