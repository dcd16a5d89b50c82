// Live reload in the built binary, in a real pseudo-terminal: a file edited from outside is
// redrawn with the first visible words still at the top, a new file joins the list, a deleted
// open article says so and stays readable, a link the edit added can be followed, and
// --no-watch leaves the screen as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { scrollUntilTop, startTerminal, type TerminalSession } from './terminal.js';

const paragraphs = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} paragraph ${i + 1} of the log.`).join('\n\n');
const LOG = (before = '', after = '') => `---\ntitle: Harbour log\n---\n\n${before}${paragraphs('Morning', 20)}\n\n## Evening\n\n${paragraphs('Evening', 20)}\n${after}`;
const OTHER = '---\ntitle: Tide tables\n---\n\nHigh water at noon, low water at six.\n';

function library() {
  return makeLibrary({ 'log.md': LOG(), 'tides.md': OTHER });
}

/** Open the log and scroll until "Morning paragraph 9" is the first line. */
async function openLogAt(terminal: TerminalSession) {
  await terminal.waitForText('Harbour log');
  terminal.write('/log\r');
  await terminal.waitForText('Morning paragraph 1 of the log.');
  await scrollUntilTop(terminal, 'Morning paragraph 9 ');
  assert.match(terminal.screen()[0], /Morning paragraph 9 of the log/);
}

const statusOf = (terminal: TerminalSession) => terminal.screen().filter((line) => line.trim() !== '').at(-1) ?? '';

test('an edit from outside re-renders in place, the first visible words kept at the top', async () => {
  const root = library();
  const terminal = startTerminal([root], { cols: 80, rows: 12 });
  try {
    await openLogAt(terminal);
    const status = statusOf(terminal);
    writeFileSync(join(root, 'log.md'), LOG('Written from outside, above the place.\n\nAnd another paragraph.\n\n'));
    await terminal.waitFor((s) => statusOf(terminal) !== status, 'the status line counting the new lines', 5000);
    assert.match(terminal.screen()[0], /Morning paragraph 9 of the log/, 'the same words at the top');
    terminal.write('g');
    await terminal.waitForText('Written from outside, above the place.');
  } finally {
    terminal.write('q');
    terminal.write('q');
    await terminal.exited;
  }
});

test('a new file appears in the list; a link added by an edit is followed', async () => {
  const root = library();
  const terminal = startTerminal([root], { cols: 80, rows: 12 });
  try {
    await terminal.waitForText('Tide tables');
    writeFileSync(join(root, 'quay.md'), '---\ntitle: Quay repairs\n---\n\nThe quay is mended.\n');
    await terminal.waitForText('Quay repairs', 5000);
    terminal.write('/log\r');
    await terminal.waitForText('Morning paragraph 1 of the log.');
    writeFileSync(join(root, 'log.md'), LOG('See [[Quay repairs]] before you go.\n\n'));
    await terminal.waitForText('See Quay repairs before you go.', 5000);
    terminal.write('\t');
    await terminal.waitFor((s) => s.includes('→ Quay repairs') || /Quay repairs\s*│/.test(s), 'the new link focused');
    terminal.write('\r');
    await terminal.waitForText('The quay is mended.');
  } finally {
    terminal.write('q');
    terminal.write('q');
    await terminal.exited;
  }
});

test('a deleted open article says so and stays readable until left', async () => {
  const root = library();
  const terminal = startTerminal([root], { cols: 80, rows: 12 });
  try {
    await openLogAt(terminal);
    rmSync(join(root, 'log.md'));
    await terminal.waitForText('file deleted', 5000);
    assert.match(terminal.screen()[0], /Morning paragraph 9 of the log/, 'still there, where it was');
    terminal.write('j');
    await terminal.waitFor((s) => s.split('\n')[0].includes('Morning paragraph 10') || !s.split('\n')[0].includes('Morning paragraph 9 '), 'it still scrolls');
    terminal.write('q');
    await terminal.waitFor((s) => !s.includes('file deleted') && s.includes('0 articles matching “log”'), 'the list without it');
    terminal.write('\x1b');
    await terminal.waitFor((s) => s.includes('Tide tables') && s.includes('1 article'), 'the whole list: one article');
  } finally {
    // From wherever a failure left it (an article, the filter): Q quits from anywhere.
    terminal.write('Q');
    await terminal.exited;
  }
});

test('--no-watch leaves the reader on the library it started with', async () => {
  const root = library();
  const terminal = startTerminal([root, '--no-watch'], { cols: 80, rows: 12 });
  try {
    await terminal.waitForText('Tide tables');
    writeFileSync(join(root, 'quay.md'), '---\ntitle: Quay repairs\n---\n\nThe quay is mended.\n');
    // The list shows a new file only when the reader is asked to look again: a filter typed now
    // goes through the library the reader holds.
    terminal.write('/quay');
    await terminal.waitForText('No article matches');
    terminal.write('\x1b');
    await terminal.waitForText('2 articles');
  } finally {
    terminal.write('q');
    await terminal.exited;
  }
});
