// Scrolling, Tab focus and keeping the place at another width, over real layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filler, lineOf, linkIndex, markdown, navigatorOf, SAMPLE } from './helpers.js';

test('scrolling moves by a line, half a page and a page, and stops at either end', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 40, height: 10 });
  nav.open('world/ferry');
  const last = nav.rendered().lines.length - 10;
  nav.run('lineDown');
  assert.equal(nav.visit().top, 1);
  nav.run('halfDown');
  assert.equal(nav.visit().top, 6);
  nav.run('pageDown');
  assert.equal(nav.visit().top, 16);
  nav.run('halfUp', 'lineUp');
  assert.equal(nav.visit().top, 10);
  nav.run('bottom');
  assert.equal(nav.visit().top, last, 'the last line at the bottom of the view, not above it');
  nav.run('pageDown', 'lineDown');
  assert.equal(nav.visit().top, last);
  nav.run('top', 'pageUp', 'lineUp');
  assert.equal(nav.visit().top, 0);
});

test('Tab with nothing focused takes the first link in view, not the first link of the article', async () => {
  const nav = await navigatorOf(
    {
      'a.md': markdown({ title: 'Links all the way down' }, `[first](b.md)\n\n${filler('filler ', 20)}\n\nNow [second](b.md) and [third](b.md).\n\n${filler('more ', 20)}`),
      'b.md': markdown({ title: 'B' }, 'Text of B.'),
    },
    { width: 40, height: 5 },
  );
  nav.open('a');
  const rendered = nav.rendered();
  const second = linkIndex(rendered, 'second');
  // Scroll so "second" is in view but "first" is not.
  const line = rendered.links[second].spans[0].line;
  for (let i = 0; i < line - 2; i++) nav.run('lineDown');
  assert.equal(nav.visit().focus, null);
  nav.run('nextLink');
  assert.equal(nav.visit().focus, second);
  nav.run('nextLink');
  assert.equal(rendered.links[nav.visit().focus!].label, 'third');
  nav.run('previousLink', 'previousLink');
  const first = linkIndex(rendered, 'first');
  assert.equal(nav.visit().focus, first, 'Shift-Tab walks back to the first link');
  assert.equal(nav.visit().top, rendered.links[first].spans[0].line, 'the view followed the focus up');
});

test('Tab scrolls the focused link into view; scrolling it away lets go of the focus', async () => {
  const nav = await navigatorOf(
    { 'a.md': markdown({ title: 'A' }, `${filler('filler ', 30)}\n\nFar [down](b.md).`), 'b.md': markdown({ title: 'B' }, 'Text of B.') },
    { width: 40, height: 5 },
  );
  nav.open('a');
  nav.run('nextLink');
  const link = nav.rendered().links[nav.visit().focus!];
  assert.equal(link.label, 'down');
  const line = link.spans[0].line;
  assert.ok(line >= nav.visit().top && line < nav.visit().top + 5, 'link scrolled into view');
  nav.run('top');
  assert.equal(nav.visit().focus, null);
});

test('resize keeps the reader at the same words', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 60, height: 6 });
  nav.open('world/ferry');
  const line = lineOf(nav.rendered(), 'ferry para 10');
  for (let i = 0; i < line; i++) nav.run('lineDown');
  const words = nav.rendered().plainLines[nav.visit().top];
  nav.env.viewport = { width: 12, height: 6 };
  nav.dispatch({ type: 'resize' });
  const narrow = nav.rendered();
  assert.equal(narrow.width, 12);
  assert.equal(nav.visit().width, 12);
  assert.ok(words.startsWith(narrow.plainLines[nav.visit().top].split(' ')[0]), `top line at width 12 starts ${words}: ${narrow.plainLines[nav.visit().top]}`);
  nav.env.viewport = { width: 60, height: 6 };
  nav.dispatch({ type: 'resize' });
  assert.equal(nav.visit().top, line, 'and back again to the same line');
});

test('a long line wrapped narrower keeps its place at the words the top line started with', async () => {
  const sentence = Array.from({ length: 40 }, (_, i) => `word${i + 1}`).join(' ');
  const nav = await navigatorOf({ 'a.md': markdown({ title: 'A' }, `${filler('intro ', 10)}\n\n${sentence}\n\n${filler('outro ', 10)}`) }, { width: 30, height: 4 });
  nav.open('a');
  const start = nav.rendered().plainLines.findIndex((line) => line.startsWith('word'));
  for (let i = 0; i < start + 3; i++) nav.run('lineDown'); // the fourth line of the sentence
  const first = nav.rendered().plainLines[nav.visit().top].split(' ')[0];
  nav.env.viewport = { width: 15, height: 4 };
  nav.dispatch({ type: 'resize' });
  const top = nav.rendered().plainLines[nav.visit().top];
  assert.ok(top.split(' ').includes(first), `${first} is on the top line at width 15: ${top}`);
});

test('history visits laid out at an older width are re-anchored when returned to', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 60, height: 6 });
  nav.open('world/ferry');
  for (let i = 0; i < lineOf(nav.rendered(), 'ferry para 4'); i++) nav.run('lineDown');
  const topText = nav.rendered().plainLines[nav.visit().top];
  nav.run('nextArticle');
  nav.env.viewport = { width: 15, height: 6 };
  nav.dispatch({ type: 'resize' });
  nav.run('back');
  assert.equal(nav.visit().width, 15);
  assert.ok(topText.startsWith(nav.rendered().plainLines[nav.visit().top].split(' ')[0]));
});

test('a focused link stays in view when the width changes', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 60, height: 6 });
  nav.open('world/bridge');
  const ferry = linkIndex(nav.rendered(), 'the ferry');
  for (let i = 0; i < 40 && nav.visit().focus !== ferry; i++) nav.run('nextLink');
  assert.equal(nav.visit().focus, ferry);
  nav.env.viewport = { width: 12, height: 6 };
  nav.dispatch({ type: 'resize' });
  const line = nav.rendered().links[ferry].spans[0].line;
  assert.equal(nav.visit().focus, ferry);
  assert.ok(line >= nav.visit().top && line < nav.visit().top + 6, `focused link on line ${line}, view from ${nav.visit().top}`);
});
