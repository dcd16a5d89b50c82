// Links out with the built binary in a pseudo-terminal: external links are OSC 8 hyperlinks
// when forced on (never for javascript: or file: targets), and `y` / `Y` copy a URL through
// OSC 52, saying so in the status line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary } from '../helpers/runCli.js';
import { startTerminal, type TerminalSession } from './terminal.js';

const ARTICLE = `---\ntitle: Harbour links\nsource: https://news.example/harbour-links\n---\n\nSee [the port](https://port.example/harbour), [a trick](javascript:alert(1)) and [a file](file:///etc/passwd).\n`;

function end(terminal: TerminalSession): void {
  try {
    terminal.kill('SIGKILL');
  } catch {
    // Ended.
  }
}

test('--hyperlinks: an external link is an OSC 8 sequence, never a javascript: or file: one', async (t) => {
  const terminal = startTerminal([makeLibrary({ 'links.md': ARTICLE }), '--open', 'links', '--hyperlinks']);
  t.after(() => end(terminal));
  const screen = await terminal.waitForText('See the port');
  assert.doesNotMatch(screen, /\(https:\/\/port/, 'the label shows, not the URL in parentheses');
  const raw = terminal.raw();
  assert.ok(raw.includes('\x1b]8;;https://port.example/harbour\x1b\\'), 'the hyperlink is there');
  assert.doesNotMatch(raw, /\x1b\]8;;(javascript|file):/i);
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});

test('without the flag (and no terminal known to show them) there is no OSC 8', async (t) => {
  const terminal = startTerminal([makeLibrary({ 'links.md': ARTICLE }), '--open', 'links']);
  t.after(() => end(terminal));
  await terminal.waitForText('(https://port.example/harbour)');
  assert.doesNotMatch(terminal.raw(), /\x1b\]8;/);
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});

test('y copies the focused link, Y the article source, as OSC 52 with the URL in base64', async (t) => {
  const terminal = startTerminal([makeLibrary({ 'links.md': ARTICLE }), '--open', 'links']);
  t.after(() => end(terminal));
  await terminal.waitForText('See the port');
  terminal.write('\t');
  await terminal.waitForText('↗ https://port.example/harbour');
  terminal.write('y');
  await terminal.waitForText('copied link: https://port.example/harbour');
  // The sequence follows the frame that says so (it is written once the frame is drawn).
  const osc52 = (url: string) => `\x1b]52;c;${Buffer.from(url).toString('base64')}\x07`;
  await terminal.waitFor(() => terminal.raw().includes(osc52('https://port.example/harbour')), 'OSC 52 holding the link');
  terminal.write('Y');
  await terminal.waitForText('copied source: https://news.example/harbour-links');
  await terminal.waitFor(() => terminal.raw().includes(osc52('https://news.example/harbour-links')), 'OSC 52 holding the source');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});
