// Block references (Obsidian's `[[note#^id]]`, `[[#^id]]`): following one opens at the block
// that ends with `^id`, and the marker itself is never shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filler, navigatorOf } from './helpers.js';

const VAULT = {
  'source.md': [
    '# Source',
    '',
    filler('Opening', 30),
    '',
    'The claim worth quoting. ^quote-1',
    '',
    filler('Middle', 30),
    '',
    '- first point',
    '- second point',
    '',
    '^list-2',
    '',
    'A paragraph whose marker',
    'is on its last line.',
    '^own-line',
    '',
    filler('After', 30),
    '',
    'Back up: [[#^quote-1]].',
  ].join('\n'),
  'reader.md': '# Reader\n\nSee [[source#^quote-1]], [[source#^list-2|the list]] and [[source#^nothing]].\n',
};

test('[[note#^id]] opens at the block ending with ^id; a marker alone names the block above; the markers are not shown', async () => {
  const nav = await navigatorOf(VAULT, { width: 60, height: 8 });
  nav.open('source');
  const rendered = nav.rendered();
  const text = rendered.plainLines.join('\n');
  assert.doesNotMatch(text, /\^(quote-1|list-2|own-line)/, 'no marker in the text');
  assert.ok(rendered.plainLines.includes('The claim worth quoting.'), text);
  const quoteLine = rendered.plainLines.findIndex((l) => l.includes('The claim worth quoting.'));
  const listLine = rendered.plainLines.findIndex((l) => l.includes('first point'));
  const ownLine = rendered.plainLines.findIndex((l) => l.includes('A paragraph whose marker'));
  assert.deepEqual(rendered.blocks, [
    { id: 'quote-1', line: quoteLine },
    { id: 'list-2', line: listLine },
    { id: 'own-line', line: ownLine },
  ]);

  nav.dispatch({ type: 'open', id: 'reader' });
  nav.run('nextLink').run('followLink');
  assert.equal(nav.visit().id, 'source');
  assert.equal(nav.visit().top, quoteLine, 'at the quoted block');
  assert.equal(nav.state.message, null);

  nav.dispatch({ type: 'open', id: 'reader' });
  nav.run('nextLink').run('nextLink').run('followLink');
  assert.equal(nav.visit().top, listLine, 'at the list the marker under it names');

  nav.dispatch({ type: 'open', id: 'reader' });
  nav.run('nextLink').run('nextLink').run('nextLink').run('followLink');
  assert.equal(nav.visit().top, 0);
  assert.equal(nav.state.message, 'no block "^nothing" in Source');
});

test('[[#^id]] jumps within the note; the link reads as its place', async () => {
  const nav = await navigatorOf(VAULT, { width: 60, height: 8 });
  nav.open('source');
  const rendered = nav.rendered();
  assert.ok(rendered.plainLines.some((l) => l.includes('Back up: block.')), 'the link reads as a block, never its ^id');
  const back = rendered.links.findIndex((l) => l.label === 'block');
  for (let i = 0; i < 20 && nav.visit().focus !== back; i++) nav.run('nextLink');
  nav.run('followLink');
  assert.equal(nav.visit().id, 'source');
  assert.equal(nav.visit().top, rendered.blocks[0].line);
});
