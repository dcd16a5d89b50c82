// History across runs, recent visits and bookmarks as the reducer keeps them: a second navigator
// started from the first one's saved reading state stands in for a relaunch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickerEntries, readingSnapshot, type NavigationEnv, type NavigationState } from '../../src/navigation/index.js';
import { bookmarkOf, mergeReadingStates } from '../../src/state/readingState.js';
import { envFor, libraryOf, lineOf, navigatorOver, SAMPLE } from './helpers.js';

const idsIn = (state: NavigationState, env: NavigationEnv) => pickerEntries(state, env).map((entry) => ('id' in entry ? entry.id : entry.tag));

test('after a relaunch, back and forward walk the last run’s history, each article at its place', async () => {
  const library = await libraryOf(SAMPLE);
  const first = navigatorOver(envFor(library));
  first.run('listBottom', 'openSelected', 'pageDown'); // ferry, scrolled
  first.run('nextArticle', 'lineDown', 'lineDown'); // bridge
  assert.equal(first.visit().id, 'world/bridge');
  const saved = readingSnapshot(first.state, first.env);

  const second = navigatorOver(envFor(library), { reading: saved });
  assert.equal(second.state.screen, 'list');
  assert.equal(second.state.list.selectedId, 'world/bridge');
  second.run('openSelected');
  assert.deepEqual([second.visit().id, second.visit().top], ['world/bridge', 2], 'Enter resumes the last article at its place');
  second.run('back');
  assert.deepEqual([second.visit().id, second.visit().top], ['world/ferry', 10], 'back: the article read before, where it was left');
  second.run('forward');
  assert.equal(second.visit().id, 'world/bridge');
  second.run('forward');
  assert.equal(second.state.message, 'no later article in history');
});

test('a relaunch forgets history entries whose articles left the library', async () => {
  const library = await libraryOf(SAMPLE);
  const first = navigatorOver(envFor(library));
  first.run('listBottom', 'openSelected', 'nextArticle', 'nextArticle'); // ferry, bridge, choir
  const saved = readingSnapshot(first.state, first.env);
  const smaller = await libraryOf(Object.fromEntries(Object.entries(SAMPLE).filter(([path]) => path !== 'world/bridge.md')));
  // Another folder, so its key differs: give it the same roots' trail by merging under its key.
  const key = smaller.roots.join('\n');
  const moved = { ...saved, libraries: { [key]: saved.libraries[library.roots.join('\n')] } };
  const second = navigatorOver(envFor(smaller), { reading: moved });
  assert.deepEqual(second.state.history.map((visit) => visit.id), ['world/ferry', 'culture/choir']);
  assert.equal(second.state.index, 1);
});

test('H lists recent visits newest first, one per article; Enter opens one where it was left', async () => {
  const nav = navigatorOver(envFor(await libraryOf(SAMPLE)));
  nav.run('listBottom', 'openSelected', 'pageDown', 'nextArticle', 'nextArticle', 'previousArticle');
  nav.run('openVisits');
  assert.equal(nav.state.picker?.kind, 'visits');
  assert.deepEqual(idsIn(nav.state, nav.env), ['world/bridge', 'culture/choir', 'world/ferry']);
  nav.run('pickerDown', 'pickerDown', 'pickerAccept');
  assert.equal(nav.state.picker, null);
  assert.deepEqual([nav.visit().id, nav.visit().top], ['world/ferry', 10]);
  nav.run('openVisits', 'pickerClose');
  assert.deepEqual([nav.state.picker, nav.visit().id], [null, 'world/ferry'], 'Esc: back where it was');
});

test('B bookmarks the article at its place and takes it off again; Saved opens it there', async () => {
  const nav = navigatorOver(envFor(await libraryOf(SAMPLE)));
  const ferry = nav.env.library.byId.get('world/ferry')!;
  nav.run('openSaved');
  assert.match(nav.state.message ?? '', /no bookmarks yet/);
  nav.run('listBottom', 'openSelected', 'pageDown', 'toggleBookmark');
  assert.equal(nav.state.message, 'bookmarked: The last river ferry');
  assert.equal(bookmarkOf(nav.state.reading, ferry.absPath)?.position?.line, 10);
  nav.run('top', 'nextArticle', 'openSaved');
  assert.deepEqual(idsIn(nav.state, nav.env), ['world/ferry']);
  nav.run('pickerAccept');
  assert.deepEqual([nav.visit().id, nav.visit().top], ['world/ferry', 10], 'at the bookmarked place, not where it was left');
  const before = nav.state.reading;
  nav.run('toggleBookmark');
  assert.equal(nav.state.message, 'bookmark removed: The last river ferry');
  assert.equal(bookmarkOf(mergeReadingStates(nav.state.reading, before), ferry.absPath), undefined, 'the removal outlives a merge with the old state');
});

test('B on the Saved screen takes the highlighted bookmark off; the last one closes the screen', async () => {
  const nav = navigatorOver(envFor(await libraryOf(SAMPLE)));
  nav.run('listTop', 'toggleBookmark', 'listDown', 'toggleBookmark', 'openSaved');
  assert.equal(idsIn(nav.state, nav.env).length, 2);
  const [, older] = idsIn(nav.state, nav.env);
  nav.run('pickerDown', 'toggleBookmark');
  assert.deepEqual(idsIn(nav.state, nav.env).length, 1);
  assert.equal(nav.state.picker?.selected, 0);
  assert.match(nav.state.message ?? '', /^bookmark removed: /);
  assert.ok(!idsIn(nav.state, nav.env).includes(older));
  nav.run('toggleBookmark');
  assert.equal(nav.state.picker, null);
});

test('B on the list bookmarks the selected article at its saved place', async () => {
  const nav = navigatorOver(envFor(await libraryOf(SAMPLE)));
  nav.run('listBottom', 'openSelected', 'pageDown', 'toList', 'toggleBookmark');
  const ferry = nav.env.library.byId.get('world/ferry')!;
  const line = bookmarkOf(nav.state.reading, ferry.absPath)?.position?.line;
  assert.equal(line, 10);
  assert.ok(lineOf(nav.rendered(), 'ferry para') <= 10);
});
