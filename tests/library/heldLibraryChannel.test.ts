// The held library channel (library/libraryUpdates.ts): saved pages are read while Ink loads, so
// what is published before the reader subscribes must reach it, in order, once, or the reader
// would show "reading pages 0/130" forever, or miss the library with the pages read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHeldLibraryChannel, type LibraryChange, type LibraryUpdate } from '../../src/library/libraryUpdates.js';
import type { Library } from '../../src/library/types.js';

const library = (name: string): Library => ({ roots: [`/${name}`], articles: [], readingOrder: [], byId: new Map(), attachments: [], problems: [], maxFileBytes: 1 });
const none: LibraryChange = { changed: [], added: [], removed: [] };
const changedA: LibraryChange = { changed: ['a'], added: [], removed: [] };

/** What a listener was given, as "root:status" lines. */
function recorder() {
  const got: string[] = [];
  return { got, listener: (u: LibraryUpdate) => got.push(`${u.library.roots[0]}:${u.status ?? ''}`) };
}

test('updates published before anyone subscribes reach the first subscriber on subscribe, in order, and later ones once each', () => {
  const channel = createHeldLibraryChannel();
  const first = library('first');
  const second = library('second');
  channel.publish({ library: first, change: changedA, status: 'reading pages 0/3' });
  channel.publish({ library: second, change: changedA, status: 'reading pages 2/3' });
  channel.publish({ library: second, change: changedA });

  const reader = recorder();
  const unsubscribe = channel.subscribe(reader.listener);
  assert.deepEqual(reader.got, ['/first:reading pages 0/3', '/second:reading pages 2/3', '/second:']);

  channel.publish({ library: first, change: changedA, status: 'after' });
  assert.deepEqual(reader.got.slice(3), ['/first:after'], 'a later update is given once, and the held ones not again');

  // Held updates went to the first subscriber; a later one hears only what comes after it.
  const late = recorder();
  channel.subscribe(late.listener);
  assert.deepEqual(late.got, []);
  unsubscribe();
  channel.publish({ library: second, change: changedA, status: 'last' });
  assert.deepEqual(late.got, ['/second:last']);
  assert.equal(reader.got.length, 4, 'nothing after unsubscribing');
});

test('of a run of statuses over one library held before subscribing, only the last is given; a change is never dropped', () => {
  const channel = createHeldLibraryChannel();
  const lib = library('lib');
  const next = library('next');
  channel.publish({ library: lib, change: changedA, status: 'reading pages 1/3' });
  channel.publish({ library: lib, change: none, status: 'reading pages 2/3' });
  channel.publish({ library: lib, change: none, status: 'reading pages 3/3' });
  channel.publish({ library: next, change: none, status: 'done' });

  const reader = recorder();
  channel.subscribe(reader.listener);
  assert.deepEqual(reader.got, ['/lib:reading pages 1/3', '/lib:reading pages 3/3', '/next:done']);
});
