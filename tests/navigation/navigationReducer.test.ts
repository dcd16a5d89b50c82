// The reducer as a whole: which context reads the keys, where a typed key goes, what every
// action ends with, and that nothing throws on a tiny screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS, contextOf, initialNavigationState, navigationReducer } from '../../src/navigation/index.js';
import { envFor, libraryOf, markdown, navigatorOf, navigatorOver, SAMPLE } from './helpers.js';

test('the context follows what is open: help over an overlay over a prompt over the screen', async () => {
  const nav = await navigatorOf(SAMPLE);
  assert.equal(contextOf(nav.state), 'list');
  nav.run('openFilter');
  assert.equal(contextOf(nav.state), 'filter');
  nav.run('promptCancel', 'openSelected');
  assert.equal(contextOf(nav.state), 'article');
  nav.run('openSearch');
  assert.equal(contextOf(nav.state), 'search');
  nav.run('promptCancel', 'openLinks');
  assert.equal(contextOf(nav.state), 'links');
  nav.run('help');
  assert.equal(contextOf(nav.state), 'help');
  nav.run('closeHelp', 'overlayClose');
  assert.equal(contextOf(nav.state), 'article');
});

test('typed keys edit the prompt that is open, and only that one', async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) files[`r${i}.md`] = markdown({ title: `Related ${i}` }, `Text ${i}.`);
  files['hub.md'] = markdown({ title: 'Hub', related: Array.from({ length: 12 }, (_, i) => `r${i + 1}`) }, 'The hub.');
  const nav = await navigatorOf(files);
  nav.run('openFilter', ['promptType', 'hub'], 'promptAccept');
  assert.equal(nav.visit().id, 'hub');
  assert.equal(nav.state.list.query, 'hub');
  nav.run('openSearch', ['promptType', 'hu']);
  assert.equal(nav.state.search?.query, 'hu');
  assert.equal(nav.state.list.query, 'hub', 'the list filter is not typed onto');
  nav.run('promptAccept', ['followNumber', '1'], ['promptType', '1']);
  assert.equal(nav.state.digits, '11');
  assert.equal(nav.state.search?.query, 'hu', 'the search query is not typed onto');
  nav.run('promptDelete');
  assert.equal(nav.state.digits, '1');
  assert.equal(nav.state.search?.query, 'hu');
});

test('a message lasts until the next key; quit sets quit', async () => {
  const nav = await navigatorOf({ 'a.md': markdown({ title: 'Alone' }, 'Text.') }, { width: 40, height: 5 });
  nav.run('openSelected', 'nextArticle');
  assert.equal(nav.state.message, 'no next article');
  nav.run('lineDown');
  assert.equal(nav.state.message, null, 'a message lasts until the next key');
  nav.dispatch({ type: 'message', message: 'opened https://example.org/' });
  assert.equal(nav.state.message, 'opened https://example.org/');
  nav.run('quit');
  assert.equal(nav.state.quit, true);
});

test('opening at start: --open resumes there, an id not in the library stays on the list', async () => {
  const env = envFor(await libraryOf(SAMPLE));
  const opened = initialNavigationState(env, { id: 'world/bridge' });
  assert.equal(opened.screen, 'article');
  assert.equal(opened.history[0].id, 'world/bridge');
  const missing = initialNavigationState(env, { id: 'world/nowhere' });
  assert.equal(missing.screen, 'list');
  assert.equal(missing.list.selectedId, 'culture/choir', 'the first in reading order');
});

test('a tiny viewport does not throw, whatever the command', async () => {
  const small = navigatorOver(envFor(await libraryOf(SAMPLE), 3, 1));
  small.open('world/ferry');
  small.run('pageDown', 'nextLink', 'bottom', 'halfUp', 'previousLink', 'followLink');
  assert.ok(small.visit());
  for (const opened of [undefined, { id: 'world/ferry' }]) {
    for (const command of COMMANDS) {
      const state = initialNavigationState(small.env, opened);
      assert.doesNotThrow(() => navigationReducer(state, { type: 'command', command, text: '1' }, small.env), command);
    }
  }
});
