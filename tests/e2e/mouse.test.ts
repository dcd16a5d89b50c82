// The mouse, opt in, with the built binary in a pseudo-terminal: a wheel report scrolls, a click
// on a link follows it and one on a list row opens it, and reporting is turned off again
// (ESC[?1000l, ESC[?1006l) after q, Q, Ctrl-C and a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { REPO_ROOT, startTerminal, type TerminalSession } from './terminal.js';

const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of the tide tables.`).join('\n\n');
const library = () =>
  makeLibrary({
    'tides.md': `---\ntitle: Tide tables\n---\n\nSee [the harbour](harbour) first.\n\n${paragraphs}\n`,
    'harbour.md': '---\ntitle: The harbour\n---\n\nThe harbour wall is old.\n',
  });
const wheelDown = (x = 10, y = 5) => `\x1b[<65;${x};${y}M`;
const press = (x: number, y: number) => `\x1b[<0;${x};${y}M\x1b[<0;${x};${y}m`;
const ON = '\x1b[?1000h';
const OFF = ['\x1b[?1000l', '\x1b[?1006l'];

function end(terminal: TerminalSession): void {
  try {
    terminal.kill('SIGKILL');
  } catch {
    // Ended.
  }
}

function assertMouseOff(terminal: TerminalSession, how: string): void {
  const raw = terminal.raw();
  assert.ok(raw.includes(ON), `${how}: mouse reporting was on`);
  for (const off of OFF) assert.ok(raw.lastIndexOf(off) > raw.lastIndexOf(ON), `${how}: ${JSON.stringify(off)} after the last ${JSON.stringify(ON)}`);
}

test('--mouse: the wheel scrolls the article, a click on a link follows it, and help says Shift selects', async (t) => {
  const terminal = startTerminal([library(), '--open', 'tides', '--mouse']);
  t.after(() => end(terminal));
  await terminal.waitFor((s) => / 1\/\d+ /.test(s), 'the article at its top');
  await terminal.waitFor(() => terminal.raw().includes(ON), 'mouse reporting on');
  terminal.write(wheelDown());
  await terminal.waitFor((s) => / 4\/\d+ /.test(s), 'three lines down after a wheel step');
  terminal.write('g');
  const screen = await terminal.waitFor((s) => / 1\/\d+ /.test(s), 'back at the top');
  const rows = screen.split('\n');
  const row = rows.findIndex((line) => line.includes('See the harbour'));
  const column = rows[row].indexOf('the harbour');
  terminal.write(press(column + 3, row + 1));
  await terminal.waitForText('The harbour wall is old.');
  terminal.write('?');
  await terminal.waitForText('Hold Shift to select text');
  terminal.write('q');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
  assertMouseOff(terminal, 'Q');
});

test('a click on a list row opens it; without --mouse no reporting is asked for', async (t) => {
  const lib = library();
  const terminal = startTerminal([lib, '--mouse']);
  t.after(() => end(terminal));
  const screen = await terminal.waitForText('Tide tables');
  await terminal.waitFor(() => terminal.raw().includes(ON), 'mouse reporting on');
  const row = screen.split('\n').findIndex((line) => line.includes('Tide tables'));
  terminal.write(press(8, row + 1));
  await terminal.waitForText('Paragraph 1 of the tide tables');
  terminal.write('q');
  await terminal.waitForText('Tide tables');
  terminal.write('q');
  assert.equal(await terminal.exited, 0);
  assertMouseOff(terminal, 'q');

  const plain = startTerminal([lib]);
  t.after(() => end(plain));
  await plain.waitForText('Tide tables');
  plain.write('q');
  await plain.exited;
  assert.ok(!plain.raw().includes(ON), 'no mouse reporting unless asked');
});

test('mouse reporting is off after Ctrl-C and after a crash', async (t) => {
  const lib = library();
  const terminal = startTerminal([lib, '--mouse']);
  t.after(() => end(terminal));
  await terminal.waitForText('Tide tables');
  await terminal.waitFor(() => terminal.raw().includes(ON), 'mouse reporting on');
  terminal.write('\x03');
  await terminal.exited;
  assertMouseOff(terminal, 'Ctrl-C');

  // The real runReader with a list filter that throws (tests/safety/crashReader.ts): `/` then a letter.
  const harness = join(REPO_ROOT, 'tests', 'safety', 'crashReader.ts');
  const crash = startTerminal([], { shell: `"${process.execPath}" --import tsx "${harness}" "${lib}" --mouse; echo "exit=$?"` });
  t.after(() => end(crash));
  await crash.waitForText('Tide tables', 30_000);
  await crash.waitFor(() => crash.raw().includes(ON), 'mouse reporting on');
  crash.write('/');
  crash.write('x');
  await crash.waitForText('exit=1');
  assertMouseOff(crash, 'a crash');
});
