// The simple list filter (what the reader filters with until the ranked index is built), taken
// from the environment the helper makes, and the caller's memory of the last query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rememberingLastQuery, simpleFilter } from '../../src/navigation/index.js';
import { envFor, libraryOf, markdown } from './helpers.js';

test('title hits above section hits above body hits, reading order within each; case and width folded', async () => {
  const env = envFor(
    await libraryOf({
      'harbour/lamps.md': markdown({ title: 'Lamps relit', section: 'Harbour / Lights', date: '2025-01-02' }, 'Nothing of note.'),
      'coast/wall.md': markdown({ title: 'Sea wall mended', date: '2025-01-01' }, 'The harbour men worked all night.'),
      'coast/fish.md': markdown({ title: 'Fish prices', date: '2025-01-03' }, 'Down at the HARBOUR.'),
      'town/harbour.md': markdown({ title: 'The Ｈarbour opens', section: 'Town' }, 'Text.'),
      'town/other.md': markdown({ title: 'Other', section: 'Town' }, 'Text.'),
    }),
  );
  const filter = env.filter!;
  const ids = (query: string) => filter(env.articles, query).map((a) => a.id);
  assert.deepEqual(ids('harbour'), ['town/harbour', 'harbour/lamps', 'coast/fish', 'coast/wall']);
  assert.deepEqual(ids('  '), env.articles.map((a) => a.id), 'a blank query keeps everything');
  assert.deepEqual(ids('xylophone'), []);
  const fish = env.library.byId.get('coast/fish')!;
  assert.deepEqual(filter.hitOf!(fish, 'harbour'), { field: 'body', terms: ['harbour'] });
  // Without bodies at hand (a navigation given no filter), titles and sections still match.
  assert.deepEqual(simpleFilter(env.articles, 'harbour').map((a) => a.id), ['town/harbour', 'harbour/lamps']);
});

test('a remembering filter asks the filter it wraps once per query and list, and passes hitOf through', async () => {
  const env = envFor(await libraryOf({ 'a.md': markdown({ title: 'Harbour' }, 'Text.'), 'b.md': markdown({ title: 'Other' }, 'A harbour.') }));
  const simple = env.filter!;
  let asked = 0;
  const counting = Object.assign((articles: Parameters<typeof simple>[0], query: string) => (asked++, simple(articles, query)), { hitOf: simple.hitOf });
  const filter = rememberingLastQuery(counting);
  const first = filter(env.articles, 'harbour');
  assert.equal(filter(env.articles, 'harbour'), first, 'the same answer, not asked again');
  assert.equal(asked, 1);
  filter(env.articles, 'harb');
  filter(env.articles, 'harbour');
  assert.equal(asked, 3, 'only the last query is remembered');
  filter([...env.articles], 'harbour');
  assert.equal(asked, 4, 'another list is asked again');
  assert.deepEqual(filter.hitOf!(env.library.byId.get('b')!, 'harbour'), { field: 'body', terms: ['harbour'] });
});
