// A new library under the reader (navigation/libraryChanged.ts): the place is kept by the words
// read there, the selection and the open article by id; a deleted open article stays readable
// until left, then leaves history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import { libraryChange } from '../../src/library/libraryUpdates.js';
import type { Library } from '../../src/library/types.js';
import { currentVisit, navigationReducer, type NavigationEnv, type NavigationState } from '../../src/navigation/index.js';
import { envFor, filler, libraryOf, lineOf, markdown, navigatorOver } from './helpers.js';

const NOTE = (extra = '') =>
  markdown({ title: 'Harbour log' }, `Opening words.\n\n${extra}${filler('early para ', 20)}\n\n## Tides\n\n${filler('tide para ', 20)}\n\n## Boats\n\n${filler('boat para ', 20)}`);

/** The library read again from its folder, and the environment for it (layouts of the deleted kept from `before`). */
async function reloaded(before: NavigationEnv): Promise<NavigationEnv> {
  const library: Library = await loadLibrary([...before.library.roots]);
  const env = envFor(library, before.viewport.width, before.viewport.height);
  const render = env.render;
  return { ...env, render: (id, width) => (library.byId.has(id) ? render(id, width) : before.render(id, width)) };
}

function changed(state: NavigationState, before: NavigationEnv, after: NavigationEnv): NavigationState {
  return navigationReducer(state, { type: 'libraryChanged', change: libraryChange(before.library, after.library, ['log']), before }, after);
}

const topWords = (state: NavigationState, env: NavigationEnv) => env.render(currentVisit(state)!.id, env.viewport.width).plainLines[currentVisit(state)!.top].trim();

test('text written above the place, in the same section, leaves the same words at the top', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE(), 'other.md': markdown({ title: 'Other' }, 'Other text.') }), 40, 8);
  const nav = navigatorOver(before).open('log');
  nav.state = navigationReducer(nav.state, { type: 'command', command: 'top' }, before);
  const target = lineOf(nav.rendered(), 'tide para 7');
  nav.state = { ...nav.state, history: [{ ...nav.visit(), top: target }] };
  assert.equal(topWords(nav.state, before), 'tide para 7');

  // Three paragraphs into "Tides", above the place; one into the first section.
  writeFileSync(join(before.library.roots[0], 'log.md'), NOTE('A new first paragraph.\n\n').replace('## Tides\n\n', '## Tides\n\nInserted one.\n\nInserted two.\n\nInserted three.\n\n'));
  const after = await reloaded(before);
  const state = changed(nav.state, before, after);
  assert.equal(topWords(state, after), 'tide para 7', 'the first visible words stay at the top');
  assert.notEqual(currentVisit(state)!.top, target, 'which is another line number now');
  assert.equal(state.screen, 'article');
});

test('when the words at the top were reworded, the place is found from the nearest heading and the offset below it', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE() }), 40, 8);
  const nav = navigatorOver(before).open('log');
  const place = lineOf(nav.rendered(), 'boat para 3');
  nav.state = { ...nav.state, history: [{ ...nav.visit(), top: place }] };
  // The line at the top is reworded, and the section above grew: the heading still finds the place.
  writeFileSync(join(before.library.roots[0], 'log.md'), NOTE().replace('boat para 3', 'boat para three').replace('## Tides\n\n', `## Tides\n\n${filler('more tide ', 6)}\n\n`));
  const after = await reloaded(before);
  const state = changed(nav.state, before, after);
  assert.equal(topWords(state, after), 'boat para three');
});

test('the list keeps its selection by id; a deleted selection passes to its neighbour', async () => {
  const files: Record<string, string> = {};
  for (const name of ['a', 'b', 'c', 'd']) files[`${name}.md`] = markdown({ title: `Note ${name.toUpperCase()}` }, `Text ${name}.`);
  const before = envFor(await libraryOf(files), 40, 8);
  const nav = navigatorOver(before);
  nav.state = { ...nav.state, list: { ...nav.state.list, selectedId: 'c' } };
  const root = before.library.roots[0];
  writeFileSync(join(root, '0.md'), markdown({ title: 'Note 0' }, 'First now.'));
  const after = await reloaded(before);
  let state = changed(nav.state, before, after);
  assert.equal(state.list.selectedId, 'c', 'an article added before it does not move the selection');
  rmSync(join(root, 'c.md'));
  const again = await reloaded(after);
  state = changed(state, after, again);
  assert.equal(state.list.selectedId, 'd', 'the next one in the list takes the selection');
});

test('a deleted open article stays readable and says so until left; then it leaves history', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE(), 'index.md': markdown({ title: 'Index' }, 'See [the log](log.md).') }), 40, 8);
  const nav = navigatorOver(before).open('index').open('log');
  nav.state = navigationReducer(nav.state, { type: 'command', command: 'pageDown' }, before);
  const words = topWords(nav.state, before);
  rmSync(join(before.library.roots[0], 'log.md'));
  const after = await reloaded(before);
  const change = libraryChange(before.library, after.library);
  assert.deepEqual(change.removed, ['log']);
  assert.ok(change.changed.includes('index'), 'the article linking to it shows its link differently now');
  let state = navigationReducer(nav.state, { type: 'libraryChanged', change, before }, after);
  assert.deepEqual(state.deleted, { id: 'log', title: 'Harbour log' });
  assert.equal(currentVisit(state)!.id, 'log');
  assert.equal(topWords(state, after), words, 'still readable where it was');
  state = navigationReducer(state, { type: 'command', command: 'lineDown' }, after);
  assert.equal(state.deleted?.id, 'log', 'scrolling is still reading it');
  state = navigationReducer(state, { type: 'command', command: 'back' }, after);
  assert.equal(state.deleted, null);
  assert.deepEqual(state.history.map((v) => v.id), ['index'], 'history forgets it');
  state = navigationReducer(state, { type: 'command', command: 'forward' }, after);
  assert.equal(currentVisit(state)!.id, 'index', 'there is nothing to go forward to');
});

test('a file that comes back (saved by rename) is the same open article, not a deleted one', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE() }), 40, 8);
  const nav = navigatorOver(before).open('log');
  const root = before.library.roots[0];
  rmSync(join(root, 'log.md'));
  const gone = await reloaded(before);
  const state = changed(nav.state, before, gone);
  assert.equal(state.deleted?.id, 'log');
  writeFileSync(join(root, 'log.md'), NOTE());
  const back = await reloaded(gone);
  const again = changed(state, gone, back);
  assert.equal(again.deleted, null);
  assert.equal(currentVisit(again)!.id, 'log');
});

test('a status line from the publisher is shown; nothing else about the state changes when nothing shown changed', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE(), 'other.md': markdown({ title: 'Other' }, 'Other text.') }), 40, 8);
  const nav = navigatorOver(before).open('log');
  const after = await reloaded(before);
  const state = navigationReducer(nav.state, { type: 'libraryChanged', change: { changed: [], added: [], removed: [] }, before, status: 'reading pages 3/9' }, after);
  assert.equal(state.message, 'reading pages 3/9');
  assert.deepEqual({ ...state, message: null }, { ...nav.state, message: null });
});

test('a blank line at the top stays the blank line at the top', async () => {
  const before = envFor(await libraryOf({ 'log.md': NOTE() }), 40, 8);
  const nav = navigatorOver(before).open('log');
  const blank = lineOf(nav.rendered(), 'tide para 4') - 1;
  assert.equal(nav.rendered().plainLines[blank].trim(), '');
  nav.state = { ...nav.state, history: [{ ...nav.visit(), top: blank }] };
  const after = await reloaded(before);
  const state = changed(nav.state, before, after);
  assert.equal(currentVisit(state)!.top, blank);
});
