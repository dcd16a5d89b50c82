// The list filter's tokens: `tag:x` and `is:saved` narrow the list whichever filter ranks the
// words (the simple one, or ranked search once its index is built); the Tags screen lists the
// library's tags with counts and Enter lists one tag's articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listQuery, pickerEntries, visibleArticles, type NavigationEnv } from '../../src/navigation/index.js';
import { searchFilterFor } from '../../src/search/searchFilter.js';
import { storeOf } from '../library/helpers.js';
import { envFor, libraryOf, markdown, navigatorOver } from './helpers.js';

const FILES = {
  'tides.md': markdown({ title: 'Tide tables', tags: ['harbour', 'Boats'] }, 'High water at noon.'),
  'sails.md': markdown({ title: 'Sail lofts' }, 'The lofts make sails. #boats/sail'),
  'cranes.md': markdown({ title: 'Crane repairs', tags: 'harbour' }, 'Cranes over the water. Not `#code`.'),
  'plain.md': markdown({ title: 'Plain water' }, 'No tags here.'),
};

const titles = (env: NavigationEnv, query: string, reading = navigatorOver(env).state.reading) =>
  visibleArticles({ ...navigatorOver(env, { reading }).state, list: { selectedId: null, top: 0, query, prompt: false } }, env).map((a) => a.title).sort();

test('listQuery: tokens apart from the words, in any order; a token being typed is neither', () => {
  assert.deepEqual(listQuery('water tag:Harbour is:saved lofts'), { text: 'water lofts', tags: ['harbour'], saved: true, unread: false });
  assert.deepEqual(listQuery('tag: is:sa'), { text: '', tags: [], saved: false, unread: false });
  assert.deepEqual(listQuery('tag:#boats'), { text: '', tags: ['boats'], saved: false, unread: false });
});

test('tag:x keeps articles with the tag (nested ones too, case aside), with either filter ranking the words', async () => {
  const library = await libraryOf(FILES);
  const simple = envFor(library);
  const ranked: NavigationEnv = { ...simple, filter: searchFilterFor(simple.articles, (a) => storeOf(library).read(a.id)?.body ?? null) };
  for (const env of [simple, ranked]) {
    assert.deepEqual(titles(env, 'tag:harbour'), ['Crane repairs', 'Tide tables']);
    assert.deepEqual(titles(env, 'tag:BOATS'), ['Sail lofts', 'Tide tables'], 'boats/sail is under boats');
    assert.deepEqual(titles(env, 'tag:boats/sail'), ['Sail lofts']);
    assert.deepEqual(titles(env, 'tag:harbour noon'), ['Tide tables'], 'and the words');
    assert.deepEqual(titles(env, 'water'), ['Crane repairs', 'Plain water', 'Tide tables'], 'words alone as before');
    assert.deepEqual(titles(env, 'tag:code'), [], 'not from code');
    assert.deepEqual(titles(env, 'tag:harbour tag:boats'), ['Tide tables'], 'every tag');
  }
});

test('is:saved keeps the bookmarked articles', async () => {
  const nav = navigatorOver(envFor(await libraryOf(FILES)));
  nav.run('listBottom', 'toggleBookmark'); // the last row
  const saved = nav.env.articles[nav.env.articles.length - 1].title;
  assert.deepEqual(titles(nav.env, 'is:saved', nav.state.reading), [saved]);
});

test('T lists tags with counts, by name; Enter lists that tag’s articles', async () => {
  const nav = navigatorOver(envFor(await libraryOf(FILES)));
  nav.run('openTags');
  assert.deepEqual(pickerEntries(nav.state, nav.env), [
    { tag: 'Boats', count: 1 },
    { tag: 'boats/sail', count: 1 },
    { tag: 'harbour', count: 2 },
  ]);
  nav.run('pickerDown', 'pickerDown', 'pickerAccept');
  assert.equal(nav.state.picker, null);
  assert.equal(nav.state.list.query, 'tag:harbour');
  assert.deepEqual(visibleArticles(nav.state, nav.env).map((a) => a.title).sort(), ['Crane repairs', 'Tide tables']);
});
