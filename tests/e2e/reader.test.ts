// The built binary in a real pseudo-terminal: a person walking seed-shaped raw pages
// through related and previous/next links, then quitting, and the terminal coming back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { BIN, startTerminal } from './terminal.js';

const NBSP = '\u00a0';

const rawPage = (breadcrumb: string, title: string, paragraphs: string[], previous: string, next: string) =>
  [`${breadcrumb} ${title}`, '', title, '', '', ...paragraphs.flatMap((paragraph) => [paragraph, '']), `Previous article${previous}`, `Next article${next}`].join('\n');

const WALL = 'The harbour wall is repaired';
const GULLS = 'Gulls return to the quay';
const LAMPS = 'New lamps for the promenade';

function seedShapedLibrary(): string {
  return makeLibrary({
    'coast/harbour-wall.txt': rawPage(
      'Home Local Coast',
      WALL,
      ['Masons worked through the winter on the old wall.', 'Stone by stone', `Read:${NBSP} “${GULLS}”`, `→ READ. ${LAMPS}`, 'The work ends in May.'],
      LAMPS,
      GULLS,
    ),
    'coast/gulls.txt': rawPage('Home Local Nature', GULLS, ['They came back in March, louder than ever.'], WALL, LAMPS),
    'coast/lamps.txt': rawPage('Home Local Town', LAMPS, ['Forty lamps, each one brighter than the last.'], GULLS, WALL),
  });
}

const stateDir = () => mkdtempSync(join(tmpdir(), 'broadsheet-e2e-state-'));

test('walk raw pages by related number, previous/next and history, then Ctrl-C restores the terminal', async () => {
  const library = seedShapedLibrary();
  const terminal = startTerminal([], {
    env: { BROADSHEET_STATE_DIR: stateDir() },
    // `stty -a` after the reader shows whether echo and canonical mode came back.
    shell: `"${process.execPath}" "${BIN}" "${library}"; echo "exit=$?"; stty -a`,
  });

  await terminal.waitForText(WALL);
  assert.equal(terminal.isAlternateScreen(), true, 'the reader runs on the alternate screen');

  // Open the harbour wall article through the list filter.
  terminal.write('/');
  terminal.write('harbour');
  terminal.write('\r');
  await terminal.waitForText('Masons worked through the winter');

  // Related link 1 by its number.
  terminal.write('1');
  await terminal.waitForText('They came back in March');

  // Next article in the gulls' own chain: the lamps.
  terminal.write(']');
  await terminal.waitForText('Forty lamps');

  // Previous in the lamps' chain: back to the gulls (a new history entry).
  terminal.write('[');
  await terminal.waitForText('They came back in March');

  // History: back twice lands on the lamps, then the gulls… back, back.
  terminal.write('h');
  await terminal.waitForText('Forty lamps');
  terminal.write('h');
  await terminal.waitForText('They came back in March');
  terminal.write('\x1b[C'); // forward
  await terminal.waitForText('Forty lamps');

  terminal.write('\x03');
  const output = await terminal.waitForText('exit=');
  await terminal.exited.catch(() => undefined);
  assert.equal(terminal.isAlternateScreen(), false, 'alternate screen left');
  const raw = terminal.raw();
  assert.ok(raw.lastIndexOf('\x1b[?25h') > raw.lastIndexOf('\x1b[?25l'), 'cursor shown again');
  assert.match(output, /exit=(0|130)/);
  const stty = terminal.text();
  assert.match(stty, /(^|\s)echo(\s|$)/m, 'echo back on');
  assert.match(stty, /(^|\s)icanon(\s|$)/m, 'canonical mode back on');
});

test('Q quits from an article and SIGTERM restores the terminal too', async () => {
  const library = seedShapedLibrary();
  const quit = startTerminal([library, '--open', 'coast/gulls'], { env: { BROADSHEET_STATE_DIR: stateDir() } });
  await quit.waitForText('They came back in March');
  quit.write('Q');
  assert.equal(await quit.exited, 0);
  assert.equal(quit.isAlternateScreen(), false);

  const term = startTerminal([library], { env: { BROADSHEET_STATE_DIR: stateDir() } });
  await term.waitForText(GULLS);
  term.kill('SIGTERM');
  await term.exited;
  assert.equal(term.isAlternateScreen(), false, 'alternate screen left after SIGTERM');
  const raw = term.raw();
  assert.ok(raw.lastIndexOf('\x1b[?25h') > raw.lastIndexOf('\x1b[?25l'), 'cursor shown after SIGTERM');
});

test('the built reader saves where you stopped and resumes there on the next launch', async () => {
  const library = makeLibrary({
    'long.md': `---\ntitle: A long read\n---\n${Array.from({ length: 120 }, (_, i) => `Paragraph number ${i}.`).join('\n\n')}\n`,
    'short.md': '---\ntitle: A short note\n---\nNothing much.\n',
  });
  const state = stateDir();
  const first = startTerminal([library, '--open', 'long'], { env: { BROADSHEET_STATE_DIR: state } });
  await first.waitForText('Paragraph number 0.');
  first.write('\x1b[6~'); // PgDn
  await first.waitFor((screen) => !screen.includes('Paragraph number 0.'), 'a page down');
  const top = first.screen().find((line) => line.startsWith('Paragraph number'));
  first.write('q');
  await first.waitForText('A short note');
  first.write('q');
  assert.equal(await first.exited, 0);
  assert.ok(existsSync(join(state, 'reading-state.json')), 'state written by the bundled app');

  const second = startTerminal([library], { env: { BROADSHEET_STATE_DIR: state } });
  await second.waitForText('A short note');
  second.write('\r'); // the last-read article is selected: Enter resumes it
  await second.waitForText(top ?? 'Paragraph number');
  assert.equal(second.text().includes('Paragraph number 0.'), false, 'resumed, not from the top');
  second.write('Q');
  await second.exited;
});
