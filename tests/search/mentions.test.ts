import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMentionsIndex, buildMentionsIndexAsync, mentionsIndexFor, mentionsOf } from '../../src/search/mentions.js';
import { fakeBodyText, makeLibrary } from '../navigation/fakeLibrary.js';

function library() {
  return makeLibrary([
    { id: 'ferry', title: 'The Last River-Ferry', body: 'About boats.' },
    { id: 'bridge', title: 'Bridges', body: 'The last river ferry was mentioned here, in passing.' },
    // Names it and links it: "linked from", not "mentioned in".
    { id: 'linker', title: 'Linker page', body: 'Read [the last river ferry](ferry) today. The last river ferry again.' },
    // Quotes and case differ: titles match after normalising, as REF titles do.
    { id: 'quoted', title: 'Quoted page', body: 'They wrote “THE LAST RIVER FERRY”, and left.' },
    // Split over a line break still names it.
    { id: 'wrapped', title: 'Wrapped page', body: 'the last\nriver ferry' },
    // One-word titles are left out: "Bridges" named here does not count.
    { id: 'single', title: 'Single', body: 'Bridges everywhere.' },
    { id: 'partial', title: 'Partial', body: 'The last river, and a ferry.' },
  ]);
}

test('mentioned in: articles naming the title without linking to it, normalised like REF titles', () => {
  const lib = library();
  const index = buildMentionsIndex(lib.articles, fakeBodyText);
  assert.deepEqual(index.get('ferry'), ['bridge', 'quoted', 'wrapped']);
  assert.ok(lib.byId.get('ferry')!.backlinks.includes('linker'), 'the linker is a backlink instead');
  assert.equal(index.get('bridge'), undefined, 'one-word titles are left out');
  assert.equal(index.has('single'), false);
});

test('an article does not mention itself, and one index serves the library', () => {
  const lib = makeLibrary([{ id: 'self', title: 'Self reference', body: 'Self reference in its own text.' }]);
  assert.deepEqual(mentionsOf(lib, 'self', fakeBodyText), []);
  const big = library();
  assert.equal(mentionsIndexFor(big, fakeBodyText), mentionsIndexFor(big, fakeBodyText));
  assert.deepEqual(mentionsOf(big, 'ferry', fakeBodyText), ['bridge', 'quoted', 'wrapped']);
});

test('titles that share first words are told apart; longest and shortest both found', () => {
  const lib = makeLibrary([
    { id: 'a', title: 'River ferry', body: 'x' },
    { id: 'b', title: 'River ferry timetable', body: 'x' },
    { id: 'c', title: 'Reader', body: 'Check the river ferry timetable.' },
  ]);
  const index = buildMentionsIndex(lib.articles, fakeBodyText);
  assert.deepEqual(index.get('a'), ['c']);
  assert.deepEqual(index.get('b'), ['c']);
});

test('built in slices between keys, the index is the same; asking for it meanwhile finishes it at once', async () => {
  const whole = buildMentionsIndex(library().articles, fakeBodyText);
  const sliced = library();
  await buildMentionsIndexAsync(sliced, fakeBodyText, { sliceMs: 0 });
  assert.deepEqual(mentionsIndexFor(sliced, fakeBodyText), whole);
  const asked = library();
  const building = buildMentionsIndexAsync(asked, fakeBodyText, { sliceMs: 0 });
  assert.deepEqual(mentionsOf(asked, 'ferry', fakeBodyText), ['bridge', 'quoted', 'wrapped'], 'complete mid-build');
  await building;
  assert.equal(mentionsIndexFor(asked, fakeBodyText), mentionsIndexFor(asked, fakeBodyText));
});
