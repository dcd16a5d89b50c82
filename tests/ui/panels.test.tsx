// The table of contents (t), the links panel (r) and opening external links (o).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { filler, makeLibrary } from '../navigation/fakeLibrary.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

const firstLine = (frame: string) => frame.split('\n')[0];
const statusOf = (frame: string) => frame.split('\n').at(-1)!;

function library() {
  return makeLibrary([
    {
      id: 'world/ferry',
      title: 'The last river ferry',
      section: ['World'],
      body: [
        'Ferry opening words, see the [timetable site](https://ferry.example/times).',
        '# Crossing',
        filler('crossing ', 12),
        '# Timetable',
        filler('timetable row ', 12),
        '# Fares',
        filler('fare ', 12),
      ].join('\n\n'),
      related: ['world/bridge', '?A night market reopens'],
      next: 'world/bridge',
    },
    { id: 'world/bridge', title: 'Bridge vote delayed', section: ['World'], body: 'Bridge words. Back to [the ferry](world/ferry).' },
    // Names the ferry's title (in other case and quotes) without linking it.
    { id: 'culture/choir', title: 'A choir of gulls', section: ['Culture'], body: 'Choir words. They sang of “the Last River Ferry” at dusk.' },
  ]);
}

test('t: the table of contents lists the headings; j/k move, Enter jumps, q closes without moving', async () => {
  const reader = renderReader(library(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words');
  await reader.press('t');
  let frame = await reader.waitForText('Contents — The last river ferry');
  assert.match(frame, /› Crossing *\n {2}Timetable\n {2}Fares/);
  await reader.press('j', 'j', 'k');
  await reader.waitForFrame((f) => f.includes('› Timetable'), 'Timetable highlighted');
  await reader.press(KEYS.enter);
  frame = await reader.waitForFrame((f) => firstLine(f) === 'TIMETABLE', 'jumped to the heading');
  assert.ok(frame.includes('timetable row 1'));

  await reader.press('t');
  frame = await reader.waitForText('Contents —');
  assert.ok(frame.includes('› Timetable'), 'opens on the heading of the part being read');
  await reader.press(KEYS.down, 'q');
  await reader.waitForFrame((f) => firstLine(f) === 'TIMETABLE' && !f.includes('Contents —'), 'closed where it was');
  await reader.press('t', KEYS.escape);
  await reader.waitForFrame((f) => firstLine(f) === 'TIMETABLE' && !f.includes('Contents —'), 'Esc closes too, and does not leave the article');
});

test('r: links panel with related, next, external, linked from and mentioned in; each followable', async () => {
  const reader = renderReader(library(), { openId: 'world/ferry', size: { columns: 70, rows: 24 } });
  await reader.waitForText('Ferry opening words');
  await reader.press('r');
  const frame = await reader.waitForText('Links — The last river ferry');
  const text = frame.split('\n');
  const section = (title: string) => {
    const start = text.indexOf(title);
    assert.ok(start >= 0, `${title} shown:\n${frame}`);
    const end = text.indexOf('', start);
    return text.slice(start + 1, end < 0 ? undefined : end).join('\n');
  };
  assert.match(section('Related reading'), /› \[1\] Bridge vote delayed *\n {2}\[2\] A night market reopens — not in library/);
  assert.match(section('Previous / next'), /Next: Bridge vote delayed/);
  assert.match(section('External links'), /timetable site ↗ https:\/\/ferry\.example\/times/);
  const linkedFrom = section('Linked from');
  assert.match(linkedFrom, /Bridge vote delayed/);
  assert.doesNotMatch(linkedFrom, /choir/i);
  const mentionedIn = section('Mentioned in');
  assert.match(mentionedIn, /A choir of gulls/);
  assert.doesNotMatch(mentionedIn, /Bridge/);

  // An unresolved entry only says so; the panel stays.
  await reader.press('j', KEYS.enter);
  const after = await reader.waitForText('not in library: A night market reopens');
  assert.ok(after.includes('Links — The last river ferry'));

  // Down to "mentioned in" (the last entry) and follow it; back returns to the ferry.
  await reader.press('j', 'j', 'j', 'j', 'j');
  await reader.waitForFrame((f) => f.includes('› A choir of gulls'), 'mentioned-in entry highlighted');
  await reader.press(KEYS.enter);
  await reader.waitForText('Choir words.');
  await reader.press('h');
  await reader.waitForText('Ferry opening words');
  // And the backlink.
  await reader.press('r', 'j', 'j', 'j', 'j');
  await reader.waitForFrame((f) => /Linked from\n› Bridge vote delayed/.test(f), 'backlink highlighted');
  await reader.press(KEYS.enter);
  await reader.waitForText('Bridge words.');
});

test('o opens the focused external link with the injected opener; without one the URL goes in the status line', async () => {
  const opened: string[] = [];
  const reader = renderReader(library(), { openId: 'world/ferry', opener: async (url) => (opened.push(url), true) });
  await reader.waitForText('Ferry opening words');
  await reader.press('o');
  await reader.waitForText('no link focused');
  await reader.press(KEYS.tab);
  await reader.waitForText('↗ https://ferry.example/times');
  await reader.press('o');
  await reader.waitForText('opened https://ferry.example/times');
  assert.deepEqual(opened, ['https://ferry.example/times']);

  // An opener that cannot (no xdg-open, no browser): the URL is shown instead.
  cleanup();
  const failing = renderReader(library(), { openId: 'world/ferry', size: { columns: 100, rows: 12 }, opener: async () => false });
  await failing.waitForText('Ferry opening words');
  await failing.press(KEYS.tab, 'o');
  const frame = await failing.waitForText('no opener for this link');
  assert.match(statusOf(frame), /https:\/\/ferry\.example\/times/);

  // No opener at all (tests, or none available): the same fallback, nothing launched.
  cleanup();
  const none = renderReader(library(), { openId: 'world/ferry', size: { columns: 100, rows: 12 } });
  await none.waitForText('Ferry opening words');
  await none.press(KEYS.tab, 'o');
  await none.waitForText('its address: https://ferry.example/times');

  // An internal link is followed with Enter, not opened outside.
  await none.press(KEYS.tab, KEYS.tab, 'o');
  await none.waitForText('o opens external links');
});
