import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMatches, firstLineWithAny, isCaseSensitive, matchAt, matchAtOrAfter } from '../../src/search/textSearch.js';

// Line 3: 'ferries' is not 'ferry'; İ before it is one code unit in the line.
const lines = ['The Ferry left at dawn.', '', 'ferry, FERRY and ferryman', 'İstanbul ferries — “quoted” ferry'];

test('matches are case-insensitive in reading order, several per line', () => {
  const matches = findMatches(lines, 'ferry');
  assert.deepEqual(
    matches.map((m) => [m.line, m.index, m.length]),
    [
      [0, 4, 5],
      [2, 0, 5],
      [2, 7, 5],
      [2, 17, 5],
      [3, 28, 5],
    ],
  );
});

test('smart case: a capital letter in the query makes it case-sensitive', () => {
  assert.equal(isCaseSensitive('ferry'), false);
  assert.equal(isCaseSensitive('Ferry'), true);
  assert.deepEqual(
    findMatches(lines, 'Ferry').map((m) => m.line),
    [0],
  );
  assert.deepEqual(
    findMatches(lines, 'FERRY').map((m) => [m.line, m.index]),
    [[2, 7]],
  );
});

test('offsets stay those of the line whatever case folding does, and regex characters are literal', () => {
  const m = findMatches(lines, 'istanbul');
  // İ lower-cases to two code units; the match must still index the line itself.
  assert.equal(m.length, 0, 'İ is not i under simple case folding');
  assert.deepEqual(findMatches(['a.b a*b (x)'], 'a*b'), [{ line: 0, index: 4, length: 3 }]);
  assert.deepEqual(findMatches(['a.b a*b (x)'], '(x)'), [{ line: 0, index: 8, length: 3 }]);
  assert.deepEqual(findMatches(lines, ''), []);
  assert.deepEqual(findMatches(['“quoted”'], 'quoted'), [{ line: 0, index: 1, length: 6 }]);
});

test('the same lines and query give the same array (memoised)', () => {
  assert.equal(findMatches(lines, 'ferry'), findMatches(lines, 'ferry'));
});

test('matchAtOrAfter and matchAt find positions by binary search', () => {
  const matches = findMatches(lines, 'ferry');
  assert.equal(matchAtOrAfter(matches, 1), 1);
  assert.equal(matchAtOrAfter(matches, 2, 8), 3);
  assert.equal(matchAtOrAfter(matches, 4), -1);
  assert.equal(matchAt(matches, 2, 7), 2);
  assert.equal(matchAt(matches, 2, 8), -1);
});

test('firstLineWithAny finds the first line holding any term', () => {
  assert.equal(firstLineWithAny(lines, ['dawn']), 0);
  assert.equal(firstLineWithAny(lines, ['ferryman', 'quoted']), 2);
  assert.equal(firstLineWithAny(lines, ['nothing']), null);
  assert.equal(firstLineWithAny(lines, []), null);
});
