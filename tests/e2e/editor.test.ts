// `e` in the built binary, in a real pseudo-terminal: the editor gets the terminal with the
// file and `+N` (N the file's line at the top of the screen), and the reader comes back at the
// same place with the file read again; an editor that cannot start is one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { scrollUntilTop, startTerminal, type TerminalSession } from './terminal.js';

const paragraphs = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} paragraph ${i + 1} of the log.`).join('\n\n');
const LOG = `---\ntitle: Harbour log\nsection: Logs\n---\n\n${paragraphs('Morning', 20)}\n`;

/** An editor named vi (so it is given +N) that records its arguments and appends a line to the file. */
function fakeVi(): { editor: string; argsFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-editor-'));
  const argsFile = join(dir, 'args');
  const editor = join(dir, 'vi');
  writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nfor last; do :; done\nprintf '\\nAppended by the editor.\\n' >> "$last"\n`);
  chmodSync(editor, 0o755);
  return { editor, argsFile };
}

const statusOf = (terminal: TerminalSession) => terminal.screen().filter((line) => line.trim() !== '').at(-1) ?? '';
const entered = (terminal: TerminalSession) => terminal.raw().split('\u001b[?1049h').length - 1;

async function openLogAt(terminal: TerminalSession, words: string) {
  await terminal.waitForText('Harbour log');
  terminal.write('/log\r');
  await terminal.waitForText('Morning paragraph 1 of the log.');
  await scrollUntilTop(terminal, words);
  assert.ok(terminal.screen()[0].includes(words));
}

for (const watch of [true, false]) {
  test(`e opens the file at the line in view and comes back to the same place, the file read again${watch ? '' : ' (--no-watch)'}`, async () => {
    const root = makeLibrary({ 'log.md': LOG, 'other.md': '# Other\n\nText.\n' });
    const { editor, argsFile } = fakeVi();
    const terminal = startTerminal(watch ? [root] : [root, '--no-watch'], { cols: 80, rows: 12, env: { EDITOR: editor, VISUAL: '' } });
    try {
      await openLogAt(terminal, 'Morning paragraph 7 of the log.');
      const screens = entered(terminal);
      terminal.write('e');
      await terminal.waitFor(() => entered(terminal) > screens, 'the reader back on its screen');
      await terminal.waitFor((s) => s.split('\n')[0].includes('Morning paragraph 7 of the log.') && s.includes('Harbour log'), 'the same place');
      const file = join(root, 'log.md');
      const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('Morning paragraph 7 of')) + 1;
      assert.deepEqual(readFileSync(argsFile, 'utf8').trim().split('\n'), [`+${line}`, file]);
      terminal.write('G');
      await terminal.waitForText('Appended by the editor.');
      terminal.write('j');
      await terminal.waitFor(() => !statusOf(terminal).includes('Morning'), 'keys read again');
    } finally {
      terminal.write('q');
      terminal.write('q');
      await terminal.exited;
    }
  });
}

test('an editor that cannot start is one line in the status line, and the reader carries on', async () => {
  const root = makeLibrary({ 'log.md': LOG });
  const terminal = startTerminal([root], { cols: 100, rows: 12, env: { EDITOR: '/nonexistent/editor', VISUAL: '' } });
  try {
    await terminal.waitForText('Harbour log');
    terminal.write('/log\r');
    await terminal.waitForText('Morning paragraph 1 of the log.');
    terminal.write('e');
    await terminal.waitForText('could not start the editor /nonexistent/editor: not found');
    terminal.write('j');
    await terminal.waitFor((s) => !s.includes('could not start'), 'the next key');
  } finally {
    terminal.write('q');
    terminal.write('q');
    await terminal.exited;
  }
});
