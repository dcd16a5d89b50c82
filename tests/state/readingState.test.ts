// The reading state's later fields (bookmarks, the history trail, recent visits) merged between
// two readers as the older fields are: per field, by time, nothing either side recorded lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bookmarkOf,
  emptyReadingState,
  MAX_RECENT_VISITS,
  mergeReadingStates,
  recentVisits,
  recordLastArticle,
  recordTrail,
  recordVisit,
  removeBookmark,
  savedTrail,
  setBookmark,
  type ReadingState,
} from '../../src/state/readingState.js';

const ROOTS = ['/lib'];
const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 12, minute));
const place = (line: number) => ({ line, width: 80, fraction: line / 100 });

test('bookmarks: each reader keeps the other one’s, and the newer of two on one article wins', () => {
  const one = setBookmark(emptyReadingState(), '/lib/a.md', place(10), at(1));
  const two = setBookmark(setBookmark(emptyReadingState(), '/lib/b.md', place(20), at(2)), '/lib/a.md', place(30), at(3));
  const merged = mergeReadingStates(one, two);
  assert.equal(bookmarkOf(merged, '/lib/b.md')?.position?.line, 20, 'the other reader’s bookmark kept');
  assert.equal(bookmarkOf(merged, '/lib/a.md')?.position?.line, 30, 'the newer bookmark of a');
  assert.deepEqual(mergeReadingStates(two, one), merged, 'whoever saves last');
});

test('an unbookmark is a tombstone: the other reader’s older bookmark does not bring it back, a newer one does', () => {
  const both = setBookmark(emptyReadingState(), '/lib/a.md', place(10), at(1));
  const removed = removeBookmark(both, '/lib/a.md', at(2));
  assert.equal(bookmarkOf(removed, '/lib/a.md'), undefined);
  assert.equal(bookmarkOf(mergeReadingStates(removed, both), '/lib/a.md'), undefined, 'ours removed, theirs old');
  assert.equal(bookmarkOf(mergeReadingStates(both, removed), '/lib/a.md'), undefined, 'theirs removed, ours old');
  const again = setBookmark(both, '/lib/a.md', place(40), at(3));
  assert.equal(bookmarkOf(mergeReadingStates(removed, again), '/lib/a.md')?.position?.line, 40, 'set again later: kept');
});

test('history trail: the newer whole trail wins, apart from the last article; a garbled one is ignored', () => {
  const one = recordTrail(recordLastArticle(emptyReadingState(), ROOTS, 'a', at(5)), ROOTS, ['a', 'b'], 1, at(1));
  const two = recordTrail(emptyReadingState(), ROOTS, ['c', 'd', 'e'], 2, at(2));
  const merged = mergeReadingStates(one, two);
  assert.deepEqual(savedTrail(merged, ROOTS), { ids: ['c', 'd', 'e'], index: 2, at: at(2).toISOString() });
  assert.equal(merged.libraries[ROOTS[0]].lastArticleId, 'a', 'the last article merges on its own time');
  const garbled = { ...two, libraries: { [ROOTS[0]]: { trail: { ids: 'c', index: 'x' } } } } as unknown as ReadingState;
  assert.equal(savedTrail(garbled, ROOTS), undefined);
  assert.deepEqual(savedTrail(mergeReadingStates(one, garbled), ROOTS)?.ids, ['a', 'b'], 'ours beats garbage');
});

test('a trail longer than the cap keeps the current entry and the way back to it', () => {
  const ids = Array.from({ length: 250 }, (_, i) => `n${i}`);
  const trail = savedTrail(recordTrail(emptyReadingState(), ROOTS, ids, 120), ROOTS)!;
  assert.equal(trail.ids.length, 100);
  assert.equal(trail.ids[trail.index], 'n120');
  assert.equal(trail.index, 99, 'the entries before it, not after');
  const short = savedTrail(recordTrail(emptyReadingState(), ROOTS, ids, 10), ROOTS)!;
  assert.deepEqual([short.ids[0], short.index, short.ids.length], ['n0', 10, 100], 'forward entries fill the rest');
});

test('recent visits: both readers’ logs joined, newest first, one entry per article, capped', () => {
  let one = recordVisit(emptyReadingState(), ROOTS, 'a', at(1));
  one = recordVisit(one, ROOTS, 'b', at(4));
  const two = recordVisit(recordVisit(emptyReadingState(), ROOTS, 'c', at(2)), ROOTS, 'a', at(3));
  assert.deepEqual(
    recentVisits(mergeReadingStates(one, two), ROOTS).map((visit) => visit.id),
    ['b', 'a', 'c'],
  );
  assert.equal(recentVisits(mergeReadingStates(one, two), ROOTS)[1].at, at(3).toISOString(), 'a at its newest');
  let many = emptyReadingState();
  for (let i = 0; i < MAX_RECENT_VISITS + 20; i++) many = recordVisit(many, ROOTS, `n${i}`, new Date(Date.UTC(2025, 0, 1, 0, i)));
  const visits = recentVisits(many, ROOTS);
  assert.equal(visits.length, MAX_RECENT_VISITS);
  assert.equal(visits[0].id, `n${MAX_RECENT_VISITS + 19}`);
});

test('a file written before these fields existed still merges and reads', () => {
  const old = { version: 1, articles: { '/lib/a.md': { read: true, readAt: at(1).toISOString() } }, libraries: { [ROOTS[0]]: { lastArticleId: 'a', changedAt: at(1).toISOString() } } } as ReadingState;
  const merged = mergeReadingStates(setBookmark(emptyReadingState(), '/lib/a.md', place(5), at(2)), old);
  assert.equal(merged.articles['/lib/a.md'].read, true);
  assert.equal(bookmarkOf(merged, '/lib/a.md')?.position?.line, 5);
  assert.deepEqual(recentVisits(old, ROOTS), []);
  assert.equal(savedTrail(old, ROOTS), undefined);
});
