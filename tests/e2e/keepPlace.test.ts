// Keeping one's place across runs, in the built binary in a pseudo-terminal: history that
// survives a relaunch (← goes back to what was read before it, H lists it), bookmarks (B, then
// the Saved screen after a relaunch opens at the place), two readers keeping each other's
// bookmarks. Each test's runs share one state folder, as one person's relaunches do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import { makeLibrary } from '../helpers/runCli.js';
import { sessionsKilledAfterTests, startTerminal, type TerminalSession } from './terminal.js';

const sessions = sessionsKilledAfterTests();

function start(library: string, env: Record<string, string>): TerminalSession {
  const session = startTerminal([library], { env, cols: 100, rows: 20 });
  sessions.push(session);
  return session;
}

async function quit(session: TerminalSession) {
  session.write('Q');
  assert.equal(await session.exited, 0);
}

const paragraphs = (name: string, n = 40) => Array.from({ length: n }, (_, i) => `${name} paragraph ${i + 1}.`).join('\n\n');
const note = (title: string, date: string, extra: string, body: string) => `---\ntitle: ${title}\nsection: Harbour\ndate: ${date}\n${extra}---\n\n${body}\n`;

function harbourLibrary(): string {
  return makeLibrary({
    'tides.md': note('Tide tables', '2025-03-03', 'next: moorings\n', paragraphs('Tides')),
    'moorings.md': note('Mooring fees', '2025-03-02', 'previous: tides\n', paragraphs('Moorings')),
    'cranes.md': note('Crane repairs', '2025-03-01', '', paragraphs('Cranes')),
  });
}

test('after a relaunch, ← goes back to the article read before it, and H lists both with when', async () => {
  const library = harbourLibrary();
  const env = { ...hermeticEnv() };
  const first = start(library, env);
  await first.waitForText('Tide tables');
  first.write('\r');
  await first.waitForText('Tides paragraph 1.');
  first.write(']');
  await first.waitForText('Moorings paragraph 1.');
  await quit(first);

  const second = start(library, env);
  await second.waitFor((s) => /^›.*Mooring fees/m.test(s), 'the last article selected');
  second.write('\r');
  await second.waitForText('Moorings paragraph 1.');
  second.write('\x1b[D'); // ←
  await second.waitForText('Tides paragraph 1.');

  second.write('H');
  // The whole overlay, not its first rows: a frame can arrive in more than one read (CI saw the
  // heading and one row, the second in a later read).
  const screen = await second.waitFor((s) => s.includes('Recent visits') && /^[› ] Harbour › .*Mooring fees/m.test(s), 'the recent visits with both articles');
  const rows = screen.split('\n').filter((line) => /^[› ] Harbour › /.test(line));
  assert.equal(rows.length, 2, screen);
  assert.match(rows[0], /Tide tables.*just now/, 'newest first, with when');
  assert.match(rows[1], /Mooring fees.*(just now|min ago)/);
  second.write('j\r');
  await second.waitForText('Moorings paragraph 1.');
  await quit(second);
});

test('B bookmarks the place; after a relaunch Saved lists it and Enter opens it there', async () => {
  const library = harbourLibrary();
  const env = { ...hermeticEnv() };
  const first = start(library, env);
  await first.waitForText('Crane repairs');
  first.write('jj\r');
  await first.waitForText('Cranes paragraph 1.');
  first.write('d'); // half a page down
  await first.waitFor((s) => !s.includes('Cranes paragraph 1.'), 'scrolled');
  const top = first.screen()[0];
  first.write('B');
  await first.waitForText('bookmarked: Crane repairs');
  first.write('g'); // back to the top: the place left is not the place bookmarked
  await first.waitForText('Cranes paragraph 1.');
  await quit(first);

  const second = start(library, env);
  await second.waitForText('Crane repairs');
  second.write('S');
  const saved = await second.waitForText('Saved — 1');
  assert.match(saved, /Crane repairs\s+just now/);
  second.write('\r');
  await second.waitFor((s) => s.split('\n')[0] === top, `the bookmarked line on top (${top})`);
  await quit(second);
});

test('two readers on one library keep each other’s bookmarks, and one’s removal', async () => {
  const library = harbourLibrary();
  const env = { ...hermeticEnv() };
  const one = start(library, env);
  const two = start(library, env);
  await one.waitForText('Crane repairs');
  await two.waitForText('Crane repairs');
  // One bookmarks Tides and quits; two, which never saw it, bookmarks Cranes and quits after.
  one.write('B');
  await one.waitForText('bookmarked: Tide tables');
  await quit(one);
  two.write('jjB');
  await two.waitForText('bookmarked: Crane repairs');
  await quit(two);

  const three = start(library, env);
  await three.waitForText('Crane repairs');
  three.write('S');
  const both = await three.waitForText('Saved — 2');
  assert.match(both, /Tide tables/);
  assert.match(both, /Crane repairs/);
  three.write('\x1b');
  await three.waitFor((s) => !s.includes('Saved — 2'), 'Saved closed');
  // Three takes Tides's bookmark off while four, started before, still holds the old state.
  const four = start(library, env);
  await four.waitForText('Crane repairs');
  three.write('B');
  await three.waitForText('bookmark removed: Tide tables');
  await quit(three);
  four.write('m'); // any change, so four saves its (old) state over three's
  await four.waitForText('marked');
  await quit(four);
  const state = JSON.parse(readFileSync(join(env.BROADSHEET_STATE_DIR, 'reading-state.json'), 'utf8')) as {
    articles: Record<string, { bookmark?: { removed?: true } }>;
  };
  assert.equal(state.articles[join(library, 'tides.md')].bookmark?.removed, true, 'the removal is kept');
  assert.equal(state.articles[join(library, 'cranes.md')].bookmark?.removed, undefined, 'the other bookmark is kept');
});

test('a corrupt or foreign state file is set aside with one line; one of ours with garbled new fields still reads', async () => {
  const library = harbourLibrary();
  for (const [what, text] of [
    ['corrupt', '{"version": 1, "articles": {'],
    ['foreign', '{"bookmarks": ["tides"], "version": 3}'],
  ]) {
    const env = { ...hermeticEnv() };
    mkdirSync(env.BROADSHEET_STATE_DIR, { recursive: true });
    writeFileSync(join(env.BROADSHEET_STATE_DIR, 'reading-state.json'), text);
    const session = start(library, env);
    const screen = await session.waitForText('reading state was corrupt');
    assert.equal(screen.split('\n').filter((line) => line.includes('reading state')).length, 1, `${what}: one line`);
    assert.match(screen, /reading state was corrupt; set aside as /);
    assert.ok(readdirSync(env.BROADSHEET_STATE_DIR).some((name) => name.startsWith('reading-state.json.corrupt-')), `${what}: its bytes kept aside`);
    session.write('H');
    await session.waitForText('no visits yet');
    await quit(session);
  }
  const env = { ...hermeticEnv() };
  mkdirSync(env.BROADSHEET_STATE_DIR, { recursive: true });
  const garbled = {
    version: 1,
    articles: { [join(library, 'tides.md')]: { read: true, bookmark: 7, position: { line: 'x' } }, [join(library, 'cranes.md')]: { read: false, bookmark: { at: 'soon', position: null } } },
    libraries: { [library]: { trail: { ids: [null], index: 'two' }, visits: 'lots', lastArticleId: 'tides' } },
  };
  writeFileSync(join(env.BROADSHEET_STATE_DIR, 'reading-state.json'), JSON.stringify(garbled));
  const session = start(library, env);
  await session.waitFor((s) => /^›.*Tide tables/m.test(s), 'the last article still selected');
  session.write('H');
  await session.waitForText('no visits yet');
  session.write('S');
  await session.waitForText('Saved — 1');
  session.write('\r');
  await session.waitForText('Cranes paragraph 1.');
  session.write('qg\r');
  await session.waitForText('Tides paragraph 1.');
  await quit(session);
});

test('tag:x in the list filter keeps the tagged articles; T lists the tags with counts', async () => {
  const library = makeLibrary({
    'tides.md': note('Tide tables', '2025-03-03', 'tags: [harbour, boats]\n', 'High water.'),
    'cranes.md': note('Crane repairs', '2025-03-02', 'tags: harbour\n', 'Cranes.'),
    'lofts.md': note('Sail lofts', '2025-03-01', '', 'The lofts make sails. #boats'),
  });
  const session = start(library, { ...hermeticEnv() });
  await session.waitForText('Sail lofts');
  session.write('/tag:harbour');
  const filtered = await session.waitForText('2 of 3');
  assert.match(filtered, /Tide tables/);
  assert.match(filtered, /Crane repairs/);
  assert.doesNotMatch(filtered, /Sail lofts/);
  session.write('\x1b');
  await session.waitForText('3 articles');
  session.write('T');
  // The picker's rows may reach the terminal in more than one read: wait for the whole screen.
  const tags = await session.waitFor((screen) => screen.includes('Tags — 2') && /#harbour\s+2 articles/.test(screen), 'the Tags screen with both tags');
  assert.match(tags, /#boats\s+2 articles/);
  assert.match(tags, /#harbour\s+2 articles/);
  session.write('\r'); // the first: boats
  const boats = await session.waitForText('matching “tag:boats”');
  assert.match(boats, /Sail lofts/, 'a #tag in the text counts');
  assert.doesNotMatch(boats, /Crane repairs/);
  await quit(session);
});

test('the fourth of a twelve-article chain shows “4 of 12” and how many are unread', async () => {
  const files: Record<string, string> = {};
  const id = (n: number) => `part-${String(n).padStart(2, '0')}`;
  for (let n = 1; n <= 12; n++) {
    const links = `${n > 1 ? `previous: ${id(n - 1)}\n` : ''}${n < 12 ? `next: ${id(n + 1)}\n` : ''}`;
    files[`${id(n)}.md`] = note(`Serial part ${n}`, `2025-01-${String(n).padStart(2, '0')}`, links, `Part ${n} begins.`);
  }
  const library = makeLibrary(files);
  const session = startTerminal([library, '--open', id(1)], { env: { ...hermeticEnv() }, cols: 100, rows: 20 });
  sessions.push(session);
  await session.waitForText('1 of 12 · 11 unread');
  session.write(']]]');
  // The frame's rows may reach the terminal in more than one read: wait for its status line too.
  const fourth = await session.waitFor((screen) => screen.includes('Part 4 begins.') && screen.includes('4 of 12'), 'the fourth part with its status line');
  assert.match(fourth, /4 of 12 · 8 unread/);
  await quit(session);
});

test('an article edited above the saved passage reopens at that passage', async () => {
  const library = makeLibrary({ 'log.md': note('Harbour log', '2025-03-03', '', paragraphs('Log', 60)) });
  const env = { ...hermeticEnv() };
  const first = start(library, env);
  await first.waitForText('Harbour log');
  first.write('\r');
  await first.waitForText('Log paragraph 1.');
  first.write('dd'); // a page down: the top line is whatever the scroll left there, blank or not
  await first.waitFor((s) => !s.includes('Log paragraph 1.'), 'scrolled');
  const screen = first.screen();
  const passage = screen.find((line) => /Log paragraph \d+\./.test(line))!;
  const offset = screen.indexOf(passage);
  await quit(first);

  // New paragraphs written at the top: the saved line number now points well above the passage.
  const path = join(library, 'log.md');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.replace('Log paragraph 1.', `${paragraphs('Preface', 12)}\n\nLog paragraph 1.`));
  const second = start(library, env);
  await second.waitForText('Harbour log');
  second.write('\r');
  await second.waitFor((s) => s.split('\n')[offset] === passage, `“${passage}” on row ${offset} again`);
  await quit(second);
});
