// The reader on a small library read by the real loader and laid out by the real renderer:
// Markdown with front matter, a wikilink to a heading, an unresolved related entry and a
// file whose title carries a control sequence.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { loadLibrary } from '../../src/library/index.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { createRenderCache } from '../../src/ui/renderCache.js';
import { storeOf } from '../library/helpers.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

function writeLibrary(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-ui-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const paragraphs = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} paragraph ${i + 1} of the story.`).join('\n\n');

test('read a real library: list, related by number, wikilink to a heading, chain, history, unresolved', async () => {
  const root = writeLibrary({
    'world/ferry.md': [
      '---',
      'title: The last river ferry',
      'section: World / Transport',
      'date: 2025-04-02',
      'related:',
      '  - world/bridge',
      '  - title: A night market reopens',
      'next: world/bridge',
      '---',
      '',
      'Ferry opening words.',
      '',
      paragraphs('Ferry', 20),
      '',
      'See [[world/bridge#Vote count|the count]].',
    ].join('\n'),
    'world/bridge.md': [
      '---',
      'title: Bridge vote delayed',
      'section: World / Transport',
      'date: 2025-04-05',
      'previous: world/ferry',
      '---',
      '',
      'Bridge opening words.',
      '',
      paragraphs('Bridge', 20),
      '',
      '## Vote count',
      '',
      'Forty for, thirty against.',
      '',
      paragraphs('After', 15),
    ].join('\n'),
    'culture/evil.md': '---\ntitle: "Evil \\e]0;pwned\\a title"\nsection: Culture\n---\n\nBody.\n',
  });
  const library = await loadLibrary([root]);
  const render = createRenderCache(storeOf(library), renderArticle, false);
  const reader = renderReader(library, { render, bodyText: (article) => storeOf(library).read(article.id)?.body ?? null, size: { columns: 70, rows: 14 } });

  const list = await reader.waitForText('The last river ferry');
  assert.ok(!reader.rawFrame().includes('\u001b]0;'), 'no control sequence from a title reaches the screen');
  assert.ok(list.includes('Evil'), list);

  await reader.press('/', 'ferry', KEYS.enter);
  await reader.waitForText('Ferry opening words.');
  await reader.press('2');
  await reader.waitForText('not in library: A night market reopens');
  await reader.press('1');
  await reader.waitForText('Bridge opening words.');
  await reader.press('[');
  await reader.waitForText('Ferry opening words.');

  // Tab to the wikilink (first link below the view), Enter: the bridge at its heading.
  await reader.press(KEYS.tab);
  await reader.waitForText('Bridge vote delayed › Vote count');
  await reader.press(KEYS.enter);
  const atHeading = await reader.waitForText('Forty for, thirty against.');
  assert.match(atHeading.split('\n')[0], /Vote count/i, `opens at the heading:\n${atHeading}`);

  await reader.press(KEYS.backspace);
  await reader.waitForText('→ Bridge vote delayed › Vote count');
  await reader.press(KEYS.left, KEYS.left);
  await reader.waitForText('Ferry opening words.');
  await reader.press(KEYS.right);
  await reader.waitForText('Bridge opening words.');
});

test('Tab to an attachment and Enter: the system opener gets its file path; o does the same', async () => {
  const root = writeLibrary({
    'notes/Home.md': '# Home\n\nThe portrait: ![[Engelbart.jpg|100]] and the board [[Board.canvas]].\n',
    'notes/attachments/Engelbart.jpg': 'not really a jpeg',
    'Board.canvas': '{"nodes":[]}',
  });
  const library = await loadLibrary([root]);
  const render = createRenderCache(storeOf(library), renderArticle, false);
  const opened: string[] = [];
  const reader = renderReader(library, {
    render,
    openId: 'notes/Home',
    size: { columns: 120, rows: 10 },
    opener: async (file) => (opened.push(file), true),
  });
  await reader.waitForText('[image: Engelbart.jpg]');
  await reader.press(KEYS.tab);
  await reader.waitForText('↗ image: notes/attachments/Engelbart.jpg');
  await reader.press(KEYS.enter);
  await reader.waitForText(`opened ${join(root, 'notes/attachments/Engelbart.jpg')}`);
  assert.deepEqual(opened, [join(root, 'notes/attachments/Engelbart.jpg')]);
  await reader.press(KEYS.tab, 'o');
  await reader.waitForFrame(() => opened.length === 2, 'the second open');
  assert.equal(opened[1], join(root, 'Board.canvas'));
  assert.ok(reader.frame().includes('The portrait:'), 'still on the note');
});

test('following an unresolved link says "not in library" once in the status line', async () => {
  const root = writeLibrary({ 'note.md': '# Note\n\nSee [[No such note]] for more.\n' });
  const library = await loadLibrary([root]);
  const render = createRenderCache(storeOf(library), renderArticle, false);
  const reader = renderReader(library, { render, openId: 'note', size: { columns: 100, rows: 8 } });
  await reader.waitForText('See No such note (not in library)');
  await reader.press(KEYS.tab);
  await reader.waitForText('not in library: No such note');
  await reader.press(KEYS.enter);
  const status = (await reader.waitForFrame((f) => /not in library: No such note/.test(f.split('\n').at(-1) ?? ''), 'the status line')).split('\n').at(-1)!;
  assert.equal(status.split('not in library: No such note').length - 1, 1, status);
});
