// The built binary in a real pseudo-terminal on a notes vault: Tab reaches a footnote marker and
// Enter lands on its definition (Back returns), and Tab reaches an attachment and Enter hands its
// path to the system opener. The opener is the real one (the `open` package): it runs
// `xdg-open`, found on PATH, so the test puts a stand-in there that writes down what it was
// given and exits 0; the reader then says "opened …", the event the test waits for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { startTerminal } from './terminal.js';

const filler = Array.from({ length: 40 }, (_, i) => `Filler paragraph ${i + 1}, about the wall again.`).join('\n\n');

function vault(): string {
  return makeLibrary({
    'moss.md': `# Moss\n\nMoss grows on walls[^walls]. A picture: ![[Engelbart.jpg|100]] of the man.\n\n${filler}\n\n[^walls]: Old ones, mostly, facing north.\n`,
    'pics/Engelbart.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  });
}

/** A folder holding an `xdg-open` that records its arguments in `log`, one per line. */
function recordingOpener(): { bin: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), 'broadsheet-opener-'));
  const log = join(bin, 'opened.log');
  const script = join(bin, 'xdg-open');
  writeFileSync(script, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\nexit 0\n`);
  chmodSync(script, 0o755);
  return { bin, log };
}

test('Tab to a footnote marker, Enter lands on its definition, Back returns to the marker', async (t) => {
  const terminal = startTerminal([vault(), '--open', 'moss']);
  t.after(() => terminal.kill()); // a failed wait must not leave the reader running
  await terminal.waitForText('Moss grows on walls[1].');
  assert.equal(terminal.text().includes('Old ones, mostly'), false, 'the definition starts out of view');

  terminal.write('\t');
  const focused = await terminal.waitFor((screen) => /→ Moss › Notes /.test(screen), 'the footnote marker focused, the status saying where it leads');
  assert.doesNotMatch(focused, /\^\[\^|\[\^walls/, 'no footnote syntax in the status line');
  terminal.write('\r');
  const atDefinition = await terminal.waitForText('1. Old ones, mostly, facing north.');
  assert.equal(atDefinition.includes('Moss grows on walls'), false, 'the view moved to the definition');

  terminal.write('h'); // back
  await terminal.waitForText('Moss grows on walls[1].');
  assert.equal(terminal.text().includes('Old ones, mostly'), false, 'back where the reader was');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});

test('Tab to an attachment and Enter calls the system opener with its absolute path', async (t) => {
  const library = vault();
  const { bin, log } = recordingOpener();
  const terminal = startTerminal([library, '--open', 'moss'], { env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
  t.after(() => terminal.kill());
  await terminal.waitForText('[image: Engelbart.jpg]');

  terminal.write('\t');
  await terminal.waitFor((screen) => /→ Moss › Notes /.test(screen), 'the footnote marker focused');
  terminal.write('\t');
  await terminal.waitForText('↗ image: pics/Engelbart.jpg');
  terminal.write('\r');
  await terminal.waitForText('opened ');

  assert.deepEqual(readFileSync(log, 'utf8').split('\n').filter(Boolean), [join(library, 'pics/Engelbart.jpg')]);
  assert.ok(terminal.text().includes('Moss grows on walls'), 'the reader stays on the note');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
});
