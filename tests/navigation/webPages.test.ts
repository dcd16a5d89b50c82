// R, a and s in the reducer: what is asked of the UI, what the status says, and what a report back does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf } from '../../src/navigation/index.js';
import { markdown, navigatorOf } from './helpers.js';

const FILES = {
  'a.md': markdown({ title: 'A' }, 'See [B](b.md) and [the council](https://council.example/minutes).'),
  'b.md': markdown({ title: 'B' }, 'Text of B.'),
};

test('R asks to read the focused external link and says why not for any other; q while loading stops it', async () => {
  const nav = await navigatorOf(FILES, { open: { id: 'a' } });
  nav.run('readLink');
  assert.equal(nav.state.message, 'no link focused: Tab focuses one, then R reads it here');
  nav.run('nextLink', 'readLink');
  assert.equal(nav.state.web.request, null, 'an internal link is followed with Enter, not read');
  nav.run('nextLink', 'readLink');
  assert.deepEqual(nav.state.web.request, { kind: 'read', url: 'https://council.example/minutes', seq: 1 });
  assert.equal(nav.state.web.loading, 'https://council.example/minutes');
  nav.run('lineDown');
  assert.equal(nav.state.web.loading, 'https://council.example/minutes', 'other keys leave it loading');
  nav.run('toList');
  assert.equal(nav.state.screen, 'article', 'q first stops the page');
  assert.equal((nav.state.web.request as { kind: string } | null)?.kind, 'cancel');
  assert.equal(nav.state.message, 'stopped loading https://council.example/minutes');
  // A late report for the stopped request changes nothing.
  nav.dispatch({ type: 'webLoaded', seq: 1, id: 'b', message: 'read' });
  assert.equal(nav.visit().id, 'a');
});

test('a report back opens the page read as a new visit (Back returns), and s puts the kept copy in its place', async () => {
  const nav = await navigatorOf(FILES, { open: { id: 'a' } });
  nav.run('nextLink', 'nextLink', 'readLink');
  const seq = nav.state.web.request!.seq;
  nav.dispatch({ type: 'webLoaded', seq, id: 'b', message: 'read it' });
  assert.equal(nav.visit().id, 'b');
  assert.equal(nav.state.web.loading, null);
  assert.equal(nav.state.message, 'read it');
  nav.run('keepArticle');
  assert.deepEqual(nav.state.web.request, { kind: 'keep', id: 'b', seq: seq + 1 });
  nav.dispatch({ type: 'webLoaded', seq: seq + 1, id: 'a', replace: true, message: 'kept' });
  assert.equal(nav.state.history.length, 2, 'the kept copy replaces the visit, no new one');
  nav.run('back');
  assert.equal(nav.visit().id, 'a');
});

test('a opens the address prompt: typing edits it, Enter asks to read it (https when no scheme), Esc closes it', async () => {
  const nav = await navigatorOf(FILES);
  nav.run('openAddress');
  assert.equal(contextOf(nav.state), 'address');
  nav.run(['promptType', 'news.exampleX'], 'promptDelete', 'promptAccept');
  assert.equal(contextOf(nav.state), 'list');
  assert.deepEqual(nav.state.web.request, { kind: 'read', url: 'https://news.example', seq: 1 });
  nav.run('openAddress', ['promptType', 'ftp://x'], 'promptAccept');
  assert.match(nav.state.message ?? '', /only http and https/);
  nav.run('openAddress', 'promptCancel');
  assert.equal(nav.state.web.address, null);
});
