// `/` in an article: incremental search from where `/` was pressed, n and N, over real layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, currentMatchIndex, searchMatches } from '../../src/navigation/index.js';
import { lineOf, navigatorOf, SAMPLE } from './helpers.js';

test('search: typing searches from where / was pressed, Esc goes back, Enter keeps; n and N wrap', async () => {
  const nav = await navigatorOf(SAMPLE, { open: { id: 'world/ferry' }, width: 40, height: 10 });
  nav.run('lineDown', 'lineDown', 'openSearch');
  assert.equal(contextOf(nav.state), 'search');
  nav.run(['promptType', 'timetable']);
  assert.equal(nav.visit().top, lineOf(nav.rendered(), 'Timetable'), 'scrolled to the heading line, the first match below');
  nav.run('promptCancel');
  assert.equal(nav.visit().top, 2, 'back where it was');
  assert.equal(nav.state.search, null);

  nav.run('openSearch', ['promptType', 'para 3'], 'promptAccept');
  assert.equal(contextOf(nav.state), 'article');
  // 'para 3' and 'para 30': two matches.
  assert.equal(searchMatches(nav.state, nav.env)?.length, 2);
  assert.equal(currentMatchIndex(nav.state, nav.env), 0);
  nav.run('searchNext');
  assert.equal(currentMatchIndex(nav.state, nav.env), 1);
  nav.run('searchNext');
  assert.equal(currentMatchIndex(nav.state, nav.env), 0);
  assert.equal(nav.state.message, 'wrapped to the top');
  nav.run('searchPrevious');
  assert.equal(currentMatchIndex(nav.state, nav.env), 1);
  assert.equal(nav.state.message, 'wrapped to the bottom');
});

test('a match already in view does not scroll; one out of view comes to the top', async () => {
  const nav = await navigatorOf(SAMPLE, { open: { id: 'world/ferry' }, width: 40, height: 10 });
  nav.run('openSearch', ['promptType', 'opening']);
  assert.equal(nav.visit().top, 0, 'on screen already');
  nav.run('promptDelete', 'promptDelete', 'promptDelete', 'promptDelete', 'promptDelete', 'promptDelete', 'promptDelete');
  nav.run(['promptType', 'para 12']);
  assert.equal(nav.visit().top, lineOf(nav.rendered(), 'para 12'));
});

test('Enter on no match says so; n with no search says how to start one; the query outlives the article', async () => {
  const nav = await navigatorOf(SAMPLE, { open: { id: 'world/ferry' } });
  nav.run('searchNext');
  assert.equal(nav.state.message, 'no search yet: / searches this article');
  nav.run('openSearch', ['promptType', 'xylophone'], 'promptAccept');
  assert.equal(nav.state.message, 'not found: xylophone');
  nav.run('openSearch', ['promptType', 'opening'], 'promptAccept', 'nextArticle');
  assert.equal(nav.visit().id, 'world/bridge');
  nav.run('searchNext');
  assert.equal(currentMatchIndex(nav.state, nav.env), 0, 'n finds "opening" in the next article, as in less');
  assert.ok(nav.rendered().plainLines[searchMatches(nav.state, nav.env)![0].line].includes('Bridge opening words'));
});

test('the search prompt closes when the article changes under it', async () => {
  const nav = await navigatorOf(SAMPLE, { open: { id: 'world/ferry' } });
  nav.run('openSearch', ['promptType', 'para']);
  nav.dispatch({ type: 'open', id: 'world/bridge' });
  assert.equal(contextOf(nav.state), 'article');
  assert.equal(nav.state.search?.prompt, false);
});
