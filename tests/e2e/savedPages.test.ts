// A folder of saved pages in a real pseudo-terminal (the built binary): the list is on screen
// from the pages' metadata pass, with the progress of their extraction in the status line,
// and `check` counts the pages on a terminal's stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { METADATA_PAGES } from '../library/html/metadataPages.js';
import { startTerminal } from './terminal.js';

const PAGES = Object.keys(METADATA_PAGES).length;

test('the reader lists saved pages at once and counts their extraction in the status line', async () => {
  const library = makeLibrary(METADATA_PAGES);
  const terminal = startTerminal([library]);
  // The first screen: the list, with the count of pages still to read.
  const first = await terminal.waitForText(`reading pages `);
  assert.match(first, /The ferry keeps running/, 'the list is there while the pages are read');
  assert.match(first, new RegExp(`reading pages \\d+/${PAGES}`));
  await terminal.waitForText(`read ${PAGES} pages`, 60_000);
  terminal.write('q');
  assert.equal(await terminal.exited, 0);
});

test('check shows its progress on a terminal, and nothing of it on a pipe', async () => {
  const library = makeLibrary(METADATA_PAGES);
  const terminal = startTerminal(['check', library]);
  assert.equal(await terminal.exited, 1, 'the fixtures hold an unreadable date');
  assert.match(terminal.raw(), new RegExp(`reading pages ${PAGES}/${PAGES}`));
  assert.doesNotMatch(terminal.text(), /reading pages/, 'the progress line is cleared once done');
  const piped = await runCli(['check', library]);
  assert.equal(piped.code, 1);
  assert.equal(piped.stderr, '', 'no progress on a pipe');
  assert.match(piped.stdout, /sometime soon/);
  const listed = await runCli(['list', '--json', library]);
  assert.equal(listed.stderr, '');
  assert.ok(JSON.parse(listed.stdout).every((a: { words: number }) => a.words > 0), 'list --json waits for every page');
});
