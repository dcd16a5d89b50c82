import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { fakeRender, filler, makeLibrary, memoRender, sampleLibrary } from '../navigation/fakeLibrary.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

const firstLine = (frame: string) => frame.split('\n')[0];

test('the list shows titles with section and date in reading order; Enter opens the highlighted one', async () => {
  const reader = renderReader(sampleLibrary());
  const frame = await reader.waitForText('A choir of gulls');
  const rows = frame.split('\n');
  assert.match(rows[0], /^› • A choir of gulls\s+Culture {2}2024-12-01$/);
  assert.match(rows[1], /^ {2}• Bridge vote delayed\s+World › Transport {2}2025-04-05$/);
  assert.match(rows[2], /^ {2}• The last river ferry/);
  assert.ok(reader.rawFrame().includes('\u001b[7m'), 'the current row is in inverse video');
  assert.match(rows[rows.length - 1], /broadsheet · 3 articles.*\? help/);
  assert.equal(rows.length, 11, 'frame is rows − 1 lines');

  await reader.press(KEYS.down, 'j');
  await reader.waitForFrame((f) => f.split('\n')[2].startsWith('› • The last river ferry'), 'ferry selected');
  await reader.press('k', KEYS.enter);
  const article = await reader.waitForText('Bridge opening words.');
  assert.match(article.split('\n').at(-1)!, /World › Transport › Bridge vote delayed/);
});

test('follow a related link by its number, and by Tab then Enter', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press('1');
  await reader.waitForText('Bridge opening words.');

  // Nothing in view is a link: Tab takes the first link below and scrolls it into view.
  await reader.press(KEYS.tab);
  const focused = await reader.waitForText('→ The last river ferry');
  assert.ok(focused.includes('Back to the ferry'));
  assert.ok(reader.rawFrame().includes('\u001b[7mthe ferry\u001b[27m'), 'the focused link is in inverse video');
  await reader.press(KEYS.tab);
  await reader.waitForText('→ The last river ferry › Timetable');
  await reader.press(KEYS.shiftTab, KEYS.enter);
  await reader.waitForFrame((f) => firstLine(f) === 'Ferry opening words.', 'the ferry from its top');
});

test('] and [ walk the chain; back twice and forward once land on the right article at the right place', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press(KEYS.pageDown);
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 5', 'ferry scrolled a page');

  await reader.press(']');
  await reader.waitForText('Bridge opening words.');
  await reader.press(' ');
  await reader.waitForFrame((f) => firstLine(f) === 'bridge para 5', 'bridge scrolled a page');

  await reader.press(']');
  await reader.waitForText('Choir opening words.');
  await reader.press('[');
  await reader.waitForFrame((f) => firstLine(f) === 'Bridge opening words.', 'previous: the bridge, a new visit from its top');
  await reader.press('[');
  await reader.waitForText('Ferry opening words.');

  // History: ferry, bridge, choir, bridge, ferry. Back twice: choir, then... let's go back to the scrolled visits.
  await reader.press(KEYS.backspace);
  await reader.waitForFrame((f) => firstLine(f) === 'Bridge opening words.', 'back: the second bridge visit');
  await reader.press(KEYS.left);
  await reader.waitForText('Choir opening words.');
  await reader.press('h', 'h');
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 5', 'back twice more: the ferry where it was left');
  await reader.press(KEYS.right);
  await reader.waitForFrame((f) => firstLine(f) === 'bridge para 5', 'forward once: the bridge where it was left');
  assert.match(reader.lines().at(-1)!, /11\/\d+ \d+%/);
});

test('an unresolved link says "not in library" and changes nothing else', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press('j', 'j');
  const before = await reader.waitForFrame((f) => firstLine(f) === 'ferry para 1', 'scrolled two lines');
  await reader.press('3');
  const after = await reader.waitForText('not in library: A night market reopens');
  assert.deepEqual(after.split('\n').slice(0, -1), before.split('\n').slice(0, -1), 'the text did not move');
});

test('the list filter keeps matches as you type; Backspace edits, Esc clears, Enter opens', async () => {
  const reader = renderReader(sampleLibrary());
  await reader.waitForText('A choir of gulls');
  await reader.press('/', 'r', 'i', 'v');
  let frame = await reader.waitForText('/riv▏');
  assert.ok(frame.includes('The last river ferry') && frame.includes('A choir of gulls'));
  assert.ok(!frame.includes('Bridge vote delayed'));
  assert.match(frame.split('\n')[0], /^› • The last river ferry/, 'title hit first');
  await reader.press('x');
  await reader.waitForText('No article matches “rivx”.');
  await reader.press(KEYS.backspace, KEYS.down);
  frame = await reader.waitForFrame((f) => f.split('\n')[1]?.startsWith('› • A choir of gulls') ?? false, 'second match highlighted');
  await reader.press(KEYS.escape);
  await reader.waitForText('broadsheet · 3 articles');
  await reader.press('/', 'bridge', KEYS.enter);
  await reader.waitForText('Bridge opening words.');
});

test('q and Esc go up to the list and back keeps history; ? shows help from the key table', async () => {
  const reader = renderReader(sampleLibrary(), { openId: 'world/ferry' });
  await reader.waitForText('Ferry opening words.');
  await reader.press(']');
  await reader.waitForText('Bridge opening words.');
  await reader.press('q');
  await reader.waitForFrame((f) => f.split('\n')[1].startsWith('›   Bridge vote delayed'), 'the list with the bridge selected');
  await reader.press(KEYS.escape, KEYS.enter);
  await reader.waitForText('Bridge opening words.');
  await reader.press(KEYS.escape);
  await reader.waitForText('broadsheet · 3 articles');
  await reader.press(KEYS.right);
  await reader.waitForText('Bridge opening words.');
  await reader.press('h');
  await reader.waitForText('Ferry opening words.');

  await reader.press('?');
  await reader.waitForText('Scroll down a line');
  await reader.press('j', 'j');
  const help = await reader.waitForText('Follow the focused link');
  assert.ok(help.includes('Shift-Tab'));
  await reader.press('q');
  await reader.waitForText('Ferry opening words.');
});

test('more than nine related links: digits build the number, Enter or a pause follows it', async () => {
  const specs = Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, title: `Related ${i + 1}`, body: `Page ${i + 1}.` }));
  const library = makeLibrary([{ id: 'hub', title: 'Hub', related: specs.map((s) => s.id) }, ...specs]);
  const reader = renderReader(library, { openId: 'hub' });
  await reader.waitForText('Text of Hub.');
  // 1, 2, Enter: the twelfth.
  await reader.press('1');
  await reader.waitForText('follow related link: 1▏');
  await reader.press('2');
  await reader.waitForText('follow related link: 12▏');
  await reader.press(KEYS.enter);
  await reader.waitForText('Page 12.');
  // A single digit and a pause (the one-second timer) follows that one.
  await reader.press('h');
  await reader.waitForText('Text of Hub.');
  await reader.press('1');
  await reader.waitForText('follow related link: 1▏');
  await reader.waitForText('Page 1.', 3000);
  // Esc cancels a number being typed.
  await reader.press('h');
  await reader.waitForText('Text of Hub.');
  await reader.press('1', KEYS.escape);
  await reader.waitForFrame((frame) => !frame.includes('follow related link'), 'the number prompt closed');
  assert.match(reader.frame(), /Text of Hub\./);
  // 1, 1, Enter: the eleventh.
  await reader.press('1', '1', KEYS.enter);
  await reader.waitForText('Page 11.');
});

test('resize re-lays the article out and keeps the reader at the same words', async () => {
  const library = sampleLibrary();
  const reader = renderReader(library, { openId: 'world/ferry', size: { columns: 60, rows: 8 } });
  await reader.waitForText('Ferry opening words.');
  await reader.press(KEYS.pageDown, KEYS.pageDown);
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 6', 'two pages down');
  reader.rerender({ columns: 20, rows: 8 });
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 6', 'same words at the top at width 20');
  for (const line of reader.lines()) assert.ok(line.length <= 20, `line within 20 columns: ${line}`);
  reader.rerender({ columns: 60, rows: 8 });
  await reader.waitForFrame((f) => firstLine(f) === 'ferry para 6', 'and back');
});

test('a 20×6 terminal works: frames stay within 20 columns and 5 lines', async () => {
  const reader = renderReader(sampleLibrary(), { size: { columns: 20, rows: 6 } });
  await reader.waitForText('A choir of');
  for (const keys of [[KEYS.enter], ['?'], ['j', 'q'], [KEYS.tab, KEYS.tab], ['1'], ['G'], [KEYS.escape], ['/', 'zz']]) {
    await reader.press(...keys);
    await new Promise((resolve) => setImmediate(resolve));
    const lines = reader.lines();
    assert.ok(lines.length <= 5, `at most 5 lines: ${lines.length}`);
    for (const line of lines) assert.ok(line.length <= 20, `at most 20 columns: ${JSON.stringify(line)}`);
  }
});

test('a 20,000-line article is laid out once and Ink gets only the visible lines', async () => {
  const library = makeLibrary([{ id: 'long', title: 'Long', body: filler('row ', 10_000) }]);
  const counter = { calls: 0 };
  const reader = renderReader(library, { openId: 'long', render: memoRender(fakeRender(library, counter)), size: { columns: 60, rows: 12 } });
  await reader.waitForText('row 1');
  for (let i = 0; i < 50; i++) await reader.press(KEYS.pageDown);
  await reader.waitForFrame((f) => firstLine(f) === 'row 251', 'fifty pages down');
  assert.equal(reader.lines().length, 11);
  assert.equal(counter.calls, 1, 'laid out once');
  await reader.press('G');
  await reader.waitForFrame((f) => f.includes('row 10000'), 'the end');
});

test('the status line keeps section › title beside a long focused target and a message', async () => {
  const long = 'In the Sahel, a post-Barkhane period fraught with uncertainty for the entire region and beyond';
  const library = makeLibrary([
    { id: 'mali', title: 'Security is deteriorating', section: ['World', 'News'], related: [`?${long}`, '?What are strategic oil reserves used for, and who decides'] },
  ]);
  const reader = renderReader(library, { openId: 'mali', size: { columns: 100, rows: 12 } });
  await reader.waitForText('Text of Security is deteriorating.');
  await reader.press(KEYS.tab);
  let status = (await reader.waitForText('not in library: In the Sahel')).split('\n').at(-1) ?? '';
  assert.match(status, /World › News › Secur/, `the title stays in view: ${status}`);
  // A long message shows whole, without the target beside it; the next key brings the title back.
  await reader.press('2');
  status = (await reader.waitForText('not in library: What are strategic oil reserves used for, and who decides')).split('\n').at(-1) ?? '';
  assert.doesNotMatch(status, /In the Sahel/);
  await reader.press('j');
  status = (await reader.waitForFrame((frame) => !(frame.split('\n').at(-1) ?? '').includes('not in library: What'), 'the message gone')).split('\n').at(-1) ?? '';
  assert.match(status, /World › News › Secur/, `the title is back: ${status}`);
});
