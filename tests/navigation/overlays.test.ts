// Help, the table of contents, the links panel and `o`, over real libraries and layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, linksPanelEntries } from '../../src/navigation/index.js';
import { markdown, navigatorOf, SAMPLE } from './helpers.js';

test('overlays take the keys of their context and close when the article changes', async () => {
  const nav = await navigatorOf(SAMPLE, { open: { id: 'world/ferry' }, width: 40, height: 10 });
  nav.run('openToc');
  assert.equal(contextOf(nav.state), 'toc');
  nav.run('overlayAccept');
  assert.equal(nav.visit().top, nav.rendered().headings.find((h) => h.text === 'Timetable')!.line);
  nav.run('openLinks');
  assert.equal(contextOf(nav.state), 'links');
  nav.run('overlayAccept'); // [1] the bridge
  assert.equal(nav.visit().id, 'world/bridge');
  assert.equal(nav.state.overlay, null);
  const none = await navigatorOf(SAMPLE, { open: { id: 'culture/choir' } });
  none.run('openToc');
  assert.equal(none.state.message, 'no headings in this article');
});

test('the table of contents starts on the part being read; arrows stop at either end', async () => {
  const body = ['## One', 'a\n\n'.repeat(20), '## Two', 'b\n\n'.repeat(20), '## Three', 'c\n\n'.repeat(20)].join('\n\n');
  const nav = await navigatorOf({ 'a.md': markdown({ title: 'Parts' }, body) }, { open: { id: 'a' }, width: 40, height: 5 });
  const [, two] = nav.rendered().headings;
  for (let i = 0; i < two.line + 2; i++) nav.run('lineDown');
  nav.run('openToc');
  assert.equal(nav.state.overlay?.selected, 1, 'on "Two"');
  nav.run('overlayDown', 'overlayDown', 'overlayDown');
  assert.equal(nav.state.overlay?.selected, 2);
  nav.run('overlayUp', 'overlayUp', 'overlayUp');
  assert.equal(nav.state.overlay?.selected, 0);
  nav.run('overlayClose');
  assert.equal(nav.state.overlay, null);
  assert.equal(nav.visit().top, two.line + 2, 'closing does not move');
});

test('links panel entries: related numbered, chain, external, linked from (backlinks), mentioned in', async () => {
  const nav = await navigatorOf({
    'a.md': markdown({ title: 'Harbour wall repaired', related: ['b', 'title: Missing page'], next: 'b' }, 'Wall. [The council](https://council.example/wall)'),
    'b.md': markdown({ title: 'Lamps relit' }, 'See [the wall](a.md).'),
    'c.md': markdown({ title: 'Coast notes' }, 'The harbour wall repaired at last.'),
  });
  const entries = linksPanelEntries(nav.env, 'a');
  assert.deepEqual(
    entries.map((e) => [e.group, e.label, e.number ?? null]),
    [
      ['related', 'Lamps relit', 1],
      ['related', 'Missing page', 2],
      ['next', 'Lamps relit', null],
      ['external', 'The council', null],
      ['linkedFrom', 'Lamps relit', null],
      ['mentionedIn', 'Coast notes', null],
    ],
  );
});

test('the links panel: Enter follows an article, asks to open a URL, and only says so for an unresolved entry', async () => {
  const nav = await navigatorOf({
    'a.md': markdown({ title: 'A', related: ['b', 'title: Missing page'] }, 'Wall. [The council](https://council.example/wall)'),
    'b.md': markdown({ title: 'B' }, 'Text.'),
  }, { open: { id: 'a' } });
  nav.run('openLinks', 'overlayDown');
  nav.run('overlayAccept');
  assert.equal(nav.state.message, 'not in library: Missing page');
  assert.equal(contextOf(nav.state), 'links', 'the panel stays open');
  nav.run('overlayDown', 'overlayAccept');
  assert.deepEqual(nav.state.openRequest, { url: 'https://council.example/wall', seq: 1 });
  assert.equal(nav.state.overlay, null);
  nav.run('openLinks', 'overlayAccept');
  assert.equal(nav.visit().id, 'b');
});

test('o asks to open the focused external link, and says why not for any other', async () => {
  const nav = await navigatorOf({
    'a.md': markdown({ title: 'A' }, 'See [B](b.md) and [the council](https://council.example/).'),
    'b.md': markdown({ title: 'B' }, 'Text.'),
  }, { open: { id: 'a' } });
  nav.run('openExternal');
  assert.equal(nav.state.message, 'no link focused: Tab focuses one, then o opens it');
  nav.run('nextLink', 'openExternal');
  assert.equal(nav.state.message, 'o opens external links; Enter follows this one');
  assert.equal(nav.state.openRequest, null);
  nav.run('nextLink', 'openExternal', 'openExternal');
  assert.deepEqual(nav.state.openRequest, { url: 'https://council.example/', seq: 2 }, 'each request is told apart');
});

test('help opens and closes, and scrolls by half a page up to its end', async () => {
  const nav = await navigatorOf(SAMPLE, { height: 10 });
  nav.env.helpLength = 23;
  nav.run('help');
  assert.equal(contextOf(nav.state), 'help');
  nav.run('helpDown');
  assert.equal(nav.state.help.top, 5);
  nav.run('helpDown', 'helpDown');
  assert.equal(nav.state.help.top, 13, 'the last page of help, not beyond');
  nav.run('helpUp', 'helpUp', 'helpUp', 'helpUp');
  assert.equal(nav.state.help.top, 0);
  nav.run('closeHelp');
  assert.equal(contextOf(nav.state), 'list');
});
