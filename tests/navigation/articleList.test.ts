// The article list: reading order, selection, the `/` filter and opening from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, currentMatchIndex, visibleArticles } from '../../src/navigation/index.js';
import { lineOf, markdown, navigatorOf, SAMPLE } from './helpers.js';

test('the list is ordered by section, then newest first, then title', async () => {
  const nav = await navigatorOf(SAMPLE);
  assert.deepEqual(
    visibleArticles(nav.state, nav.env).map((a) => a.id),
    ['culture/choir', 'world/bridge', 'world/ferry'],
  );
  assert.equal(nav.state.screen, 'list');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
});

test('list keys move the selection and Enter opens', async () => {
  const nav = await navigatorOf(SAMPLE);
  nav.run('listDown', 'listDown', 'listDown');
  assert.equal(nav.state.list.selectedId, 'world/ferry', 'stops at the last row');
  nav.run('listTop');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
  nav.run('listBottom', 'listUp', 'openSelected');
  assert.equal(nav.state.screen, 'article');
  assert.equal(nav.visit().id, 'world/bridge');
  assert.equal(nav.state.history.length, 1);
});

test('a page of the list moves by the rows shown, and the highlighted row stays on screen', async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) files[`n${String(i).padStart(2, '0')}.md`] = markdown({ title: `Note ${String(i).padStart(2, '0')}` }, 'Text.');
  const nav = await navigatorOf(files, { height: 5 });
  nav.run('listPageDown');
  assert.equal(nav.state.list.selectedId, 'n06');
  assert.equal(nav.state.list.top, 1, 'scrolled just enough to show row 6 of 5 rows');
  nav.run('listBottom');
  assert.equal(nav.state.list.top, 7);
  nav.run('listPageUp', 'listPageUp');
  assert.equal(nav.state.list.selectedId, 'n02');
  assert.equal(nav.state.list.top, 1);
});

test('the list filter keeps title, section and body hits, best first; Esc clears it', async () => {
  const nav = await navigatorOf(SAMPLE);
  nav.run('openFilter');
  assert.equal(contextOf(nav.state), 'filter');
  nav.run(['promptType', 'riv']);
  // "river" is in the ferry's title and in the choir's body.
  assert.deepEqual(visibleArticles(nav.state, nav.env).map((a) => a.id), ['world/ferry', 'culture/choir']);
  assert.equal(nav.state.list.selectedId, 'world/ferry', 'the best hit is highlighted');
  nav.run(['promptType', 'x']);
  assert.deepEqual(visibleArticles(nav.state, nav.env), []);
  nav.run('promptDelete');
  assert.equal(nav.state.list.query, 'riv');
  nav.run('promptSelectDown');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
  nav.run('promptCancel');
  assert.equal(nav.state.list.query, '');
  assert.equal(contextOf(nav.state), 'list');
  assert.equal(visibleArticles(nav.state, nav.env).length, 3);

  nav.run('openFilter', ['promptType', 'CULTURE'], 'promptAccept');
  assert.equal(nav.state.screen, 'article');
  assert.equal(nav.visit().id, 'culture/choir', 'a section hit, case-insensitive, opened by Enter');

  // Back on the list, `/` starts a fresh prompt rather than typing onto the old filter.
  nav.run('toList', 'openFilter');
  assert.equal(nav.state.list.query, '');
  nav.run(['promptType', 'ferry']);
  assert.equal(nav.state.list.query, 'ferry');
});

test('a hit in the body opens the article at the first line that shows it, the match current', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 40, height: 10 });
  nav.run('openFilter', ['promptType', 'crossings'], 'promptAccept');
  assert.equal(nav.visit().id, 'culture/choir');
  const rendered = nav.rendered();
  const line = lineOf(rendered, 'crossings');
  assert.equal(nav.visit().top, Math.min(line, rendered.lines.length - 10));
  assert.equal(nav.state.search?.query, 'crossings');
  assert.equal(currentMatchIndex(nav.state, nav.env), 0, 'n and N go on from it');
});

test('the list is not a history entry: going up to it and back keeps history', async () => {
  const nav = await navigatorOf(SAMPLE);
  nav.open('world/ferry');
  nav.run('nextArticle', 'lineDown', 'lineDown');
  const bridge = { ...nav.visit() };
  nav.run('toList');
  assert.equal(nav.state.screen, 'list');
  assert.equal(nav.state.list.selectedId, 'world/bridge');
  nav.run('openSelected');
  assert.deepEqual(nav.visit(), bridge);
  assert.equal(nav.state.history.length, 2);
  nav.run('toList', 'listUp', 'openSelected'); // another article from the list is a new entry
  assert.equal(nav.visit().id, 'culture/choir');
  assert.equal(nav.state.history.length, 3);
  nav.run('back');
  assert.deepEqual(nav.visit(), bridge);
});

test('an empty library: list keys and Enter only say there is nothing', async () => {
  const nav = await navigatorOf({ 'notes.txt.bak': 'not an article' }, { width: 1, height: 0 });
  assert.equal(nav.env.articles.length, 0);
  for (const command of ['listDown', 'listUp', 'listBottom', 'openFilter', 'promptAccept'] as const) nav.run(command);
  assert.equal(nav.state.message, 'no article matches');
  assert.equal(nav.state.screen, 'list');
  assert.equal(nav.state.list.selectedId, null);
});
