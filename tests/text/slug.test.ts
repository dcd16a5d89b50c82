// Heading slugs by GitHub's rules (github-slugger), and the contents list and a `#slug` link
// agreeing on them over the real renderer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSlugger, headingSlug } from '../../src/text/slug.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { headingLine } from '../../src/navigation/index.js';
import { makeArticle } from '../render/helpers.js';

test('headingSlug: GitHub\'s slugs, marks and every script kept, punctuation dropped, each space a hyphen', () => {
  assert.equal(headingSlug('Fares & Times'), 'fares--times');
  assert.equal(headingSlug('What’s new?'), 'whats-new');
  assert.equal(headingSlug('Cafe\u0301 menu'), 'cafe\u0301-menu'); // the combining mark stays
  assert.equal(headingSlug('日本語 見出し'), '日本語-見出し');
  assert.equal(headingSlug('foo_bar-baz A.B.C'), 'foo_bar-baz-abc');
  assert.equal(headingSlug('a\u00a0b'), 'ab'); // a no-break space is not a space to GitHub
});

test('createSlugger: a repeated heading gets -1, -2 in order, as on GitHub', () => {
  const slug = createSlugger();
  assert.deepEqual(['Notes', 'Notes', 'Notes-1', 'Notes'].map(slug), ['notes', 'notes-1', 'notes-1-1', 'notes-2']);
});

test('the contents list and #Heading links agree: every heading is found by its slug and by its text', () => {
  const body = ['# Menu', '', '## Fish & Chips!', '', 'a', '', '## Fish & Chips!', '', 'b', '', '### Cafe\u0301 — prices', '', 'c'].join('\n');
  const rendered = renderArticle(makeArticle({ title: 'Menu', body }), { width: 60, color: false });
  const headings = rendered.headings.filter((h) => h.level > 1);
  assert.deepEqual(headings.map((h) => h.slug), ['fish--chips', 'fish--chips-1', 'cafe\u0301--prices']);
  for (const h of headings) assert.equal(headingLine(rendered, h.slug), h.line, `#${h.slug}`);
  assert.equal(headingLine(rendered, 'Fish & Chips!'), headings[0].line, 'by its text, as written');
  assert.equal(headingLine(rendered, 'Cafe\u0301 — prices'), headings[2].line);
});
