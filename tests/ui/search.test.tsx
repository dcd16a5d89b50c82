// Search in an article (/ n N, Esc, Enter) and across the library (ranked, Enter on a body hit).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { filler, makeLibrary, sampleLibrary } from '../navigation/fakeLibrary.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

const firstLine = (frame: string) => frame.split('\n')[0];
const statusOf = (frame: string) => frame.split('\n').at(-1)!;
const INVERSE = '\u001b[7m';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The current match: underlined and inverse (Ink may write the two codes in either order). */
const current = (text: string) => new RegExp(`(?:\u001b\\[[47]m){2}${escape(text)}(?:\u001b\\[2[47]m){2}`);
/** Another match: inverse only. */
const other = (text: string) => new RegExp(`(?<!\u001b\\[4m)\u001b\\[7m${escape(text)}\u001b\\[27m(?!\u001b\\[24m)`);

test('/ in an article: matches highlighted as you type, a count, n and N wrap around, Enter keeps the place', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press('j', 'j');
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 1', 'two lines down');

  await reader.press('/', 'p', 'a', 'r', 'a', ' ', '2');
  // 'para 2' is in 'ferry para 2' and 'ferry para 20' … 'ferry para 29': eleven matches.
  let frame = await reader.waitForFrame((f) => statusOf(f).includes('/para 2▏') && statusOf(f).includes('1/11'), 'prompt with count');
  assert.equal(firstLine(frame), 'ferry para 1', 'the first match is in view: no scroll');
  assert.match(reader.rawFrame(), current('para 2'), 'the current match is marked');

  // While the prompt is open, n, q and Backspace edit it.
  await reader.press('q');
  await reader.waitForFrame((f) => statusOf(f).includes('/para 2q▏') && statusOf(f).includes('no match'), 'q typed');
  await reader.press(KEYS.backspace, KEYS.enter);
  frame = await reader.waitForFrame((f) => !statusOf(f).includes('▏') && statusOf(f).includes('/para 2 1/11'), 'accepted');
  assert.equal(firstLine(frame), 'ferry para 1', 'Enter keeps the position');

  await reader.press('n');
  frame = await reader.waitForFrame((f) => statusOf(f).includes('2/11'), 'next match');
  assert.equal(firstLine(frame), 'ferry para 20', 'scrolled to the match');
  const raw = reader.rawFrame().split('\n');
  assert.match(raw[0], current('para 2'), 'current match on para 20');
  assert.match(raw[2], other('para 2'), 'other matches in view highlighted too (para 21)');
  assert.doesNotMatch(raw[2], current('para 2'));

  await reader.press('N', 'N');
  frame = await reader.waitForFrame((f) => statusOf(f).includes('11/11'), 'wrapped to the last');
  assert.match(statusOf(frame), /wrapped to the bottom/);
  assert.ok(frame.includes('ferry para 29'));
  await reader.press('n');
  // Not '11/11', which holds '1/11' too: the frame before the key would pass.
  frame = await reader.waitForFrame((f) => /(?<!\d)1\/11/.test(statusOf(f)), 'wrapped to the first');
  assert.match(statusOf(frame), /wrapped to the top/);
  assert.equal(firstLine(frame), 'ferry para 2');
});

test('Esc cancels a search and returns to where it started', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press('j', 'j', 'j', 'j');
  const before = await reader.waitForFrame((f) => firstLine(f) === 'ferry para 2', 'four lines down');
  await reader.press('/', 'TIMETABLE');
  await reader.waitForFrame((f) => firstLine(f) === 'TIMETABLE' && statusOf(f).includes('1/1'), 'smart case: only the heading');
  await reader.press(KEYS.escape);
  const after = await reader.waitForFrame((f) => firstLine(f) === 'ferry para 2' && !statusOf(f).includes('/TIMETABLE'), 'back where it was');
  assert.deepEqual(after.split('\n').slice(0, -1), before.split('\n').slice(0, -1));
  assert.ok(!reader.rawFrame().includes(INVERSE + 'TIMETABLE'), 'no highlight left');
  // Esc again, with no prompt open, goes up to the list as before.
  await reader.press(KEYS.escape);
  await reader.waitForText('broadsheet · 3 articles');
});

function harbourLibrary() {
  return makeLibrary([
    { id: 'a/quay', title: 'Harbour lamps relit', section: ['Coast'], date: '2025-01-01', body: 'Forty lamps along the quay.' },
    {
      id: 'b/notes',
      title: 'Winter notes',
      section: ['Coast'],
      date: '2025-02-01',
      body: `${filler('note ', 20)}\n\nMasons rebuilt the harbour wall in March.\n\n${filler('later ', 20)}`,
    },
    { id: 'c/other', title: 'Tide tables', section: ['Harbour'], date: '2025-03-01', body: 'High water at six.' },
    { id: 'd/none', title: 'Choir of gulls', section: ['Culture'], body: 'Nothing here.' },
  ]);
}

test('/ in the list: ranked search, title hit above section hit above body hit; Enter on a body hit opens at the match', async () => {
  const reader = renderReader(harbourLibrary(), { size: { columns: 70, rows: 12 } });
  await reader.waitForText('Winter notes');
  // A misspelling only the full-text index forgives: the ranked index is in use.
  await reader.press('/', 'harbout');
  const frame = await reader.waitForFrame((f) => f.split('\n')[2]?.includes('Winter notes') ?? false, 'three hits');
  const rows = frame.split('\n');
  assert.match(rows[0], /^› • Harbour lamps relit/, 'title hit first');
  assert.match(rows[1], /^ {2}• Tide tables/, 'section hit second');
  assert.match(rows[2], /^ {2}• Winter notes/, 'body hit last');
  assert.ok(!frame.includes('Choir of gulls'));
  assert.match(statusOf(frame), /3 of 4/);

  await reader.press(KEYS.down, KEYS.down, KEYS.enter);
  const opened = await reader.waitForText('Masons rebuilt');
  assert.equal(firstLine(opened), 'Masons rebuilt the harbour wall in March.', 'opened at the first match');
  assert.match(reader.rawFrame(), current('harbour'), 'the match is highlighted');
  assert.match(statusOf(opened), /\/harbour 1\/1/);
  // A title hit opens at the top.
  await reader.press('q');
  await reader.waitForText('matching “harbout”');
  await reader.press(KEYS.escape, '/', 'lamps', KEYS.enter);
  await reader.waitForFrame((f) => firstLine(f) === 'Forty lamps along the quay.', 'title hit from the top');
});

test('the list search keeps typing in the prompt: q, j and digits are text there', async () => {
  const reader = renderReader(harbourLibrary());
  await reader.waitForText('Winter notes');
  await reader.press('/', 'qj1');
  await reader.waitForText('/qj1▏');
  await reader.press(KEYS.escape);
  await reader.waitForText('broadsheet · 4 articles');
});

test('Enter on a body hit for several words opens where the words stand together', async () => {
  const library = makeLibrary([
    {
      id: 'notes/links',
      title: 'Keeping notes',
      body: `${filler('note ', 10)}\n\nA link always finds its way back.\n\n${filler('more ', 10)}\n\nA note that is linked cannot run away from you.\n\n${filler('end ', 10)}`,
    },
    { id: 'other', title: 'Tide tables', body: 'High water at six.' },
  ]);
  const reader = renderReader(library, { size: { columns: 70, rows: 12 } });
  await reader.waitForText('Tide tables');
  await reader.press('/', 'run away');
  await reader.waitForFrame((f) => statusOf(f).includes('1 of 2'), 'one hit');
  await reader.press(KEYS.enter);
  const opened = await reader.waitForText('cannot run away');
  assert.equal(firstLine(opened), 'A note that is linked cannot run away from you.', 'opened at the phrase, not at "always"');
});
