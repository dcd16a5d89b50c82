// Reading state through the Reader with a real state directory (a temp folder): positions come
// back after an unmount and a new render, read marks go and stay gone, a corrupt file is set
// aside with a warning in the status line.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { STATE_FILE } from '../../src/state/stateStore.js';
import { makeLibrary, sampleLibrary } from '../navigation/fakeLibrary.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

const freshDir = () => mkdtempSync(join(tmpdir(), 'broadsheet-reading-'));
const firstLine = (frame: string) => frame.split('\n')[0];
const statusOf = (frame: string) => frame.split('\n').at(-1)!;
const rowOf = (frame: string, title: string) => frame.split('\n').find((row) => row.includes(title)) ?? '';

test('the place in an article comes back after an unmount; the list selects the last-read article and Enter resumes it', async () => {
  const dir = freshDir();
  const library = sampleLibrary();
  const first = renderReader(library, { stateDir: dir });
  await first.waitForText('A choir of gulls');
  await first.press('j', 'j', KEYS.enter);
  await first.waitForText('Ferry opening words.');
  await first.press(KEYS.pageDown, KEYS.pageDown);
  await first.waitForFrame((f) => firstLine(f) === 'ferry para 10', 'two pages down');
  await first.press('q');
  await first.waitForText('broadsheet · 3 articles');
  first.unmount();
  assert.ok(existsSync(join(dir, STATE_FILE)), 'saved on leaving');

  const second = renderReader(library, { stateDir: dir });
  const list = await second.waitForText('A choir of gulls');
  assert.match(rowOf(list, 'The last river ferry'), /^› {3}The last river ferry/, 'last-read article selected, no unread mark');
  await second.press(KEYS.enter);
  await second.waitForFrame((f) => firstLine(f) === 'ferry para 10', 'resumed at the saved position');
  second.unmount();

  // --open (openId) opens at the saved position too.
  const third = renderReader(library, { stateDir: dir, openId: 'world/ferry' });
  await third.waitForFrame((f) => firstLine(f) === 'ferry para 10', '--open resumes');
});

test('scrolling is saved after a pause and on unmount, without leaving the article', async () => {
  const dir = freshDir();
  const library = sampleLibrary();
  const first = renderReader(library, { stateDir: dir, openId: 'culture/choir', debounceMs: 10_000 });
  await first.waitForText('Choir opening words.');
  await first.press('j', 'j', 'j', 'j');
  await first.waitForFrame((f) => firstLine(f) === 'choir para 2', 'scrolled');
  // The debounce is long here: nothing but the unmount can have saved this place.
  first.unmount();
  const second = renderReader(library, { stateDir: dir, openId: 'culture/choir' });
  await second.waitForFrame((f) => firstLine(f) === 'choir para 2', 'restored');
  second.unmount();

  const third = renderReader(library, { stateDir: dir, openId: 'culture/choir', debounceMs: 5 });
  await third.waitForText('choir para 2');
  await third.press('j', 'j');
  await third.waitForFrame((f) => firstLine(f) === 'choir para 3', 'scrolled more');
  // Poll the file: the debounced save lands without any further key.
  const path = join(dir, STATE_FILE);
  for (const start = Date.now(); ; ) {
    if (Date.now() - start > 3000) throw new Error('the debounced save never came');
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { articles: Record<string, { position?: { line: number } }> };
    if (saved.articles['/lib/culture/choir.md']?.position?.line === 6) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});

test('unread marks: every article starts unread; reading one takes its mark away, for good; m toggles it', async () => {
  const dir = freshDir();
  const library = sampleLibrary();
  const reader = renderReader(library, { stateDir: dir });
  let frame = await reader.waitForText('A choir of gulls');
  for (const title of ['A choir of gulls', 'Bridge vote delayed', 'The last river ferry']) assert.match(rowOf(frame, title), /• /, `${title} unread`);
  await reader.press('j', KEYS.enter);
  await reader.waitForText('Bridge opening words.');
  await reader.press('q');
  frame = await reader.waitForText('broadsheet · 3 articles');
  assert.doesNotMatch(rowOf(frame, 'Bridge vote delayed'), /•/, 'read now');
  assert.match(rowOf(frame, 'A choir of gulls'), /•/, 'others still unread');
  reader.unmount();

  const again = renderReader(library, { stateDir: dir });
  frame = await again.waitForText('A choir of gulls');
  assert.doesNotMatch(rowOf(frame, 'Bridge vote delayed'), /•/, 'still read after a restart');
  await again.press('m');
  frame = await again.waitForText('marked unread');
  assert.match(rowOf(frame, 'Bridge vote delayed'), /•/);
  await again.press('m');
  await again.waitForFrame((f) => !/•/.test(rowOf(f, 'Bridge vote delayed')), 'marked read again');
});

test('U goes to the next unread article along the chain', async () => {
  const library = makeLibrary([
    { id: 'a', title: 'Part one', body: 'One.', next: 'b' },
    { id: 'b', title: 'Part two', body: 'Two.', next: 'c', previous: 'a' },
    { id: 'c', title: 'Part three', body: 'Three.', previous: 'b', next: 'a' },
  ]);
  const reader = renderReader(library, { openId: 'b' });
  await reader.waitForText('Two.');
  await reader.press('[');
  await reader.waitForText('One.');
  await reader.press('U');
  await reader.waitForText('Three.');
  await reader.press('U');
  await reader.waitForText('no unread article further along the chain');
});

test('a corrupt state file is set aside with a one-line warning in the status line, and reading goes on', async () => {
  const dir = freshDir();
  writeFileSync(join(dir, STATE_FILE), '{"version": 1, "articles": {');
  // Wide enough for the whole path, wherever TMPDIR puts it: the line is cut at the width.
  const reader = renderReader(sampleLibrary(), { stateDir: dir, size: { columns: 200, rows: 12 } });
  const frame = await reader.waitForText('reading state was corrupt');
  assert.match(statusOf(frame), /set aside as .*reading-state\.json\.corrupt-\d+/);
  assert.equal(readdirSync(dir).filter((name) => name.startsWith(`${STATE_FILE}.corrupt-`)).length, 1);
  await reader.press(KEYS.enter);
  await reader.waitForText('Choir opening words.');
  await reader.press('q');
  await reader.waitForText('broadsheet · 3 articles');
  reader.unmount();
  const saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as { version: number; articles: Record<string, { read: boolean }> };
  assert.equal(saved.version, 1);
  assert.equal(saved.articles['/lib/culture/choir.md'].read, true, 'a fresh, valid file was written');
});
