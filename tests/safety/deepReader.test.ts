// The reader keeps answering keys while deep pages are read behind it: after the first frame
// the search index reads every body, and a page of 4,000 nested <div>s once held the process
// for minutes (Q answered after 8-27 s, Ctrl-C dead). Now each page is bounded and the work
// yields after every file and stops when the reader closes, so Q ends the process at once. Fixtures are generated here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { startTerminal } from '../e2e/terminal.js';
import { tempDir } from './helpers.js';

const deepPage = (i: number) =>
  `<!doctype html><html><head><title>Deep page ${i}</title></head><body>${'<div>'.repeat(4000)}<p>Deep words ${i}.</p>${'</div>'.repeat(4000)}</body></html>`;

test('Q while deep pages are being read: the reader exits within a second', { timeout: 120_000 }, async () => {
  const files: Record<string, string> = {};
  // Enough of them that reading them all behind the reader takes longer than the second Q has.
  for (let i = 0; i < 40; i++) files[`deep/page-${String(i).padStart(2, '0')}.html`] = deepPage(i);
  files['deep/list.md'] = `# Deep list\n\n${'- '.repeat(1500)}deepest\n`;
  files['a-note.md'] = '# A note\n\nAn ordinary note.\n';
  const root = makeLibrary(files);
  const dir = tempDir('deep-reader');
  const env = { BROADSHEET_STATE_DIR: `${dir}/state`, BROADSHEET_CACHE_DIR: `${dir}/cache`, BROADSHEET_CONFIG: `${dir}/config.json` };
  // Warm the metadata cache, so what runs behind the reader is the reading of bodies.
  assert.equal((await runCli(['list', root], { env })).code, 0);

  const term = startTerminal([root], { env });
  const list = await term.waitForText('A note');
  // A key answered: Ink is up, and the index is being built behind it (it starts after the first frame).
  term.write('j');
  await term.waitFor((screen) => screen !== list, 'the selection to move');

  term.write('Q');
  const quitWithin = new Promise<'still running'>((resolve) => setTimeout(resolve, 1000, 'still running').unref());
  const outcome = await Promise.race([term.exited, quitWithin]);
  if (outcome === 'still running') term.kill('SIGKILL');
  assert.equal(outcome, 0, 'Q ended the reader within a second');
});
