// A footnote marker is a link like any other: Tab focuses it, Enter lands on its definition
// under "Notes", Back returns to where the reader was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filler, linkIndex, markdown, navigatorOf } from './helpers.js';

test('Tab to a footnote marker and Enter lands on its definition; Back returns', async () => {
  const nav = await navigatorOf({
    'notes/moss.md': markdown({ title: 'Moss' }, `Moss grows on walls[^walls].\n\n${filler('para ', 40)}\n\n[^walls]: Old ones, mostly.`),
  });
  nav.open('notes/moss');
  const marker = linkIndex(nav.rendered(), '[1]');
  for (let i = 0; i < 20 && nav.visit().focus !== marker; i++) nav.run('nextLink');
  assert.equal(nav.visit().focus, marker);
  const before = { ...nav.visit() };
  nav.run('followLink');
  const definition = nav.rendered().plainLines.indexOf('1. Old ones, mostly.');
  const { top } = nav.visit();
  // At the top of the view, or in view when the article ends before a screenful below it.
  assert.ok(top > before.top && definition >= top && definition < top + nav.env.viewport.height, `definition line ${definition}, view from ${top}`);
  assert.equal(nav.state.message, null);
  nav.run('back');
  assert.deepEqual(nav.visit(), before);
});
