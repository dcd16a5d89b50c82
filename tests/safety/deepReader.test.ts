// The reader keeps answering keys while deep pages are read behind it: after the first frame
// the search index reads every body, and a page of 4,000 nested <div>s once held the process
// for minutes (Q answered after 8-27 s, Ctrl-C dead). Now each page is bounded and the work
// yields after every file and stops when the reader closes, so Q ends the process at once. Fixtures are generated here.
// "At once" is measured against this machine, not a fixed second (a loaded machine took 1.5-2 s
// to leave even so): Q on a library with nothing to read behind the screen sets the scale, and
// a hundred deep pages are far more than two seconds of reading for a reader that waited for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { startTerminal } from '../e2e/terminal.js';
import { tempDir } from './helpers.js';

const deepPage = (i: number) =>
  `<!doctype html><html><head><title>Deep page ${i}</title></head><body>${'<div>'.repeat(4000)}<p>Deep words ${i}.</p>${'</div>'.repeat(4000)}</body></html>`;

/** Milliseconds from Q (pressed once the reader answers keys) to the end of the process, or 'still running' after `limitMs`. */
async function quitTime(root: string, name: string, limitMs: number): Promise<number | 'still running'> {
  const dir = tempDir(name);
  const env = { BROADSHEET_STATE_DIR: `${dir}/state`, BROADSHEET_CACHE_DIR: `${dir}/cache`, BROADSHEET_CONFIG: `${dir}/config.json` };
  // Warm the metadata cache, so what runs behind the reader is the reading of bodies.
  assert.equal((await runCli(['list', root], { env })).code, 0);
  const term = startTerminal([root], { env });
  const list = await term.waitForText('A note');
  // A key answered: Ink is up, and the index is being built behind it (it starts after the first frame).
  term.write('j');
  await term.waitFor((screen) => screen !== list, 'the selection to move');
  const pressed = performance.now();
  term.write('Q');
  const limit = new Promise<'still running'>((resolve) => setTimeout(resolve, limitMs, 'still running').unref());
  const outcome = await Promise.race([term.exited, limit]);
  if (outcome === 'still running') {
    term.kill('SIGKILL');
    return outcome;
  }
  assert.equal(outcome, 0, `${name}: the reader exits with 0`);
  return performance.now() - pressed;
}

test('Q while deep pages are being read: the reader exits about as fast as with nothing to read', { timeout: 180_000 }, async () => {
  const plain = await quitTime(makeLibrary({ 'a-note.md': '# A note\n\nAn ordinary note.\n', 'b-note.md': '# B note\n\nAnother.\n' }), 'plain-reader', 30_000);
  assert.notEqual(plain, 'still running', 'Q ends a reader with nothing behind it');
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) files[`deep/page-${String(i).padStart(3, '0')}.html`] = deepPage(i);
  files['deep/list.md'] = `# Deep list\n\n${'- '.repeat(1500)}deepest\n`;
  files['a-note.md'] = '# A note\n\nAn ordinary note.\n';
  const allowedMs = (plain as number) + 2000;
  const deep = await quitTime(makeLibrary(files), 'deep-reader', allowedMs);
  assert.notEqual(deep, 'still running', `Q ended the reader within ${Math.round(allowedMs)} ms (with nothing to read it took ${Math.round(plain as number)} ms)`);
});
