// The running reader and the library channel: a library published while an article is open
// redraws it with the first visible words still at the top, adds and removes list rows, keeps a
// deleted open article readable with a note in the status line, and makes links to it
// unresolved; layouts of articles that did not change are kept.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { loadLibrary } from '../../src/library/index.js';
import { createLibraryChannel, libraryChange } from '../../src/library/libraryUpdates.js';
import type { Library } from '../../src/library/types.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { createRenderCache, renderCacheAfter } from '../../src/ui/renderCache.js';
import { readerUpdatesOf } from '../../src/ui/runReader.js';
import { DELETED_NOTE } from '../../src/ui/views.js';
import { storeOf } from '../library/helpers.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

const paragraphs = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} paragraph ${i + 1} of the log.`).join('\n\n');
const LOG = (extra = '') => `---\ntitle: Harbour log\n---\n\n${extra}${paragraphs('Morning', 12)}\n\n## Evening\n\n${paragraphs('Evening', 12)}\n`;

async function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-live-ui-'));
  writeFileSync(join(root, 'log.md'), LOG());
  writeFileSync(join(root, 'index.md'), '---\ntitle: Index of the harbour\n---\n\nRead [the log](log.md) first.\n');
  let library = await loadLibrary([root]);
  const store = storeOf(library);
  const render = createRenderCache(store, renderArticle, false);
  const channel = createLibraryChannel();
  const reader = renderReader(library, { render, bodyText: (a) => store.read(a.id)?.body ?? null, size: { columns: 50, rows: 10 }, updates: readerUpdatesOf(channel, library, store, render) });
  /** Load the folder again and publish it, as the watcher does. */
  const publish = async (touched: string[], status?: string) => {
    const next: Library = await loadLibrary([root]);
    channel.publish({ library: next, change: libraryChange(library, next, touched), ...(status ? { status } : {}) });
    library = next;
  };
  return { root, reader, publish };
}

test('an edit above the place redraws the article with the same words at the top, in one frame', async () => {
  const { root, reader, publish } = await setUp();
  await reader.waitForText('Harbour log');
  await reader.press('/', 'log', KEYS.enter);
  await reader.waitForText('Morning paragraph 1');
  await reader.press(KEYS.pageDown);
  const top = await reader.waitForFrame((f) => !f.includes('Morning paragraph 1 '), 'a page down');
  const firstLine = top.split('\n')[0];
  assert.match(firstLine, /\S/);
  writeFileSync(join(root, 'log.md'), LOG('Written in from outside.\n\nAnd a second new paragraph.\n\n'));
  const drawn = reader.frames().length;
  await publish(['log']);
  const status = top.split('\n').at(-1);
  await reader.waitForFrame((f) => f.split('\n').at(-1) !== status, 'the status line counting the new lines');
  for (const f of reader.frames().slice(drawn)) assert.equal(f.split('\n')[0], firstLine, 'no frame shows the new text at the old line number');
  await reader.press('g');
  await reader.waitForText('Written in from outside.');
});

test('a new article joins the list; a deleted open one stays readable and says so; links to it become unresolved', async () => {
  const { root, reader, publish } = await setUp();
  await reader.waitForText('Harbour log');
  writeFileSync(join(root, 'tide.md'), '---\ntitle: Tide tables\n---\n\nHigh water at noon.\n');
  await publish(['tide'], 'watching');
  await reader.waitForText('Tide tables');
  assert.match(reader.frame(), /3 articles|watching/);
  await reader.press('/', 'log', KEYS.enter);
  await reader.waitForText('Morning paragraph 1');
  rmSync(join(root, 'log.md'));
  await publish(['log']);
  const frame = await reader.waitForText(DELETED_NOTE);
  assert.ok(frame.includes('Morning paragraph 1'), 'the text is still there');
  await reader.press('j');
  await reader.waitForFrame((f) => f.includes(DELETED_NOTE) && !f.split('\n')[0].includes('Harbour log'), 'a scroll of the deleted article');
  await reader.press('q');
  await reader.waitForFrame((f) => !f.includes(DELETED_NOTE) && f.includes('Index of the harbour') && !f.includes('Harbour log'), 'the list without it');
  await reader.press(KEYS.escape, '/', 'index', KEYS.enter);
  await reader.waitForText('Read the log (not in library) first.');
});

test('the cache for a new library lays out again only what changed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-live-cache-'));
  writeFileSync(join(root, 'a.md'), '# A\n\nAlpha text.\n');
  writeFileSync(join(root, 'b.md'), '# B\n\nBravo text, see [A](a.md).\n');
  writeFileSync(join(root, 'c.md'), '# C\n\nCharlie text.\n');
  const before = await loadLibrary([root]);
  let laidOut: string[] = [];
  const counting: typeof renderArticle = (entry, options) => (laidOut.push(entry.article.id), renderArticle(entry, options));
  const store = storeOf(before);
  const render = createRenderCache(store, counting, false);
  for (const id of ['a', 'b', 'c']) render(id, 40);
  rmSync(join(root, 'a.md'));
  const after = await loadLibrary([root]);
  const change = libraryChange(before, after);
  laidOut = [];
  const next = renderCacheAfter(render, store.withLibrary(after), change);
  for (const id of ['a', 'b', 'c']) next(id, 40);
  assert.deepEqual(laidOut.sort(), ['a', 'b'], 'a from its last body, b for its link; c kept');
  assert.ok(next('a', 40).plainLines.some((l) => l.includes('Alpha text.')), 'the deleted article is still readable');
  assert.ok(next('a', 30).plainLines.some((l) => l.includes('Alpha text.')), 'at another width too');
  assert.equal(next('b', 40).links.find((l) => l.label === 'A')?.target.kind, 'unresolved');
});
