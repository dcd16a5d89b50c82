// Starting in the built binary, in a real pseudo-terminal (issue 17). A cold start (no index
// yet) shows a progress line before it reads a file. A warm start's first frame is
// painted from the library's index, before any file is looked at, and what changed since the
// index was written (a file edited, one deleted, one added) is corrected on screen afterwards
// by the freshness check. --no-watch, so the watcher is not what corrects it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import { startTerminal } from './terminal.js';

const note = (title: string, text = 'A short note.') => `---\ntitle: ${title}\n---\n\n${text}\n`;

test('a warm start paints from the index, then shows the files as they are now', async () => {
  const root = makeLibrary({ 'alpha.md': note('Alpha note'), 'beta.md': note('Beta note', 'See [alpha](alpha.md).') });
  const env = hermeticEnv();
  // The first start writes the index.
  const first = startTerminal([root, '--no-watch'], { cols: 80, rows: 12, env: { ...env } });
  await first.waitForText('Beta note');
  first.write('q');
  await first.exited;

  writeFileSync(join(root, 'alpha.md'), note('Alpha renamed since'));
  rmSync(join(root, 'beta.md'));
  writeFileSync(join(root, 'gamma.md'), note('Gamma arrived since'));

  const second = startTerminal([root, '--no-watch'], { cols: 80, rows: 12, env: { ...env } });
  try {
    await second.waitForText('Gamma arrived since', 10_000);
    const screen = second.text();
    assert.match(screen, /Alpha renamed since/);
    assert.doesNotMatch(screen, /Beta note|Alpha note/);
    // The first frame was the index's: the titles as they were, painted before the check.
    const raw = second.raw();
    assert.ok(raw.includes('Alpha note') && raw.includes('Beta note'), 'the first frame shows the library as indexed');
    assert.ok(raw.indexOf('Beta note') < raw.indexOf('Gamma arrived since'), 'the indexed frame came first');
  } finally {
    second.write('q');
    await second.exited;
  }
});

test('a cold start shows its progress line before it reads a file, then the list', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`notes/n${i}.md`] = note(`Numbered note ${i}`);
  const root = makeLibrary(files);
  const terminal = startTerminal([root, '--no-watch'], { cols: 80, rows: 12 });
  try {
    await terminal.waitForText('Numbered note');
    const raw = terminal.raw();
    const progress = raw.indexOf('broadsheet · reading the library');
    assert.ok(progress >= 0, 'the progress line');
    assert.ok(raw.includes('reading files 0/300'), 'counting the files to read');
    assert.ok(progress < raw.indexOf('Numbered note'), 'before the list');
  } finally {
    terminal.write('q');
    await terminal.exited;
  }
  assert.ok(terminal.isAlternateScreen() === false, 'the terminal as it was');
});
