import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../src/commands/parseCommandLine.js';
import { chooseColor, chooseWidth } from '../../src/commands/outputOptions.js';

test('no arguments opens the reader on the default library', () => {
  const line = parseCommandLine([]);
  assert.equal(line.command, 'read');
  assert.deepEqual(line.paths, []);
});

test('paths and --open go to the reader', () => {
  const line = parseCommandLine(['notes', 'news', '--open', 'world/ferry']);
  assert.equal(line.command, 'read');
  assert.deepEqual(line.paths, ['notes', 'news']);
  assert.equal(line.open, 'world/ferry');
});

test('show takes a REF then paths', () => {
  const line = parseCommandLine(['show', 'world/ferry', 'lib', '--width', '60', '--no-color']);
  assert.equal(line.command, 'show');
  assert.equal(line.ref, 'world/ferry');
  assert.deepEqual(line.paths, ['lib']);
  assert.equal(line.width, 60);
  assert.equal(line.color, false);
});

test('import needs sources and --out', () => {
  assert.throws(() => parseCommandLine(['import', '--out', 'x']), UsageError);
  assert.throws(() => parseCommandLine(['import', 'a.txt']), /--out/);
  const line = parseCommandLine(['import', 'a.txt', 'b.html', '--out', 'lib', '--force']);
  assert.deepEqual(line.paths, ['a.txt', 'b.html']);
  assert.equal(line.out, 'lib');
  assert.equal(line.force, true);
});

test('mistakes are usage errors with a one-line message', () => {
  for (const argv of [['--bogus'], ['--width', 'wide'], ['--width', '0'], ['show'], ['list', '--open', 'x'], ['show', 'x', '--json'], ['--width']]) {
    assert.throws(
      () => parseCommandLine(argv),
      (error: unknown) => error instanceof UsageError && !error.message.includes('\n'),
      argv.join(' '),
    );
  }
  assert.throws(() => parseCommandLine(['--bogus']), /unknown option --bogus/);
});

test('width: flag, else terminal capped at 100, else 80 in a pipe', () => {
  assert.equal(chooseWidth(42, { isTTY: true, columns: 200 }), 42);
  assert.equal(chooseWidth(undefined, { isTTY: true, columns: 200 }), 100);
  assert.equal(chooseWidth(undefined, { isTTY: true, columns: 70 }), 70);
  assert.equal(chooseWidth(undefined, { isTTY: false }), 80);
});

test('colour: flags win, NO_COLOR and pipes turn it off', () => {
  assert.equal(chooseColor(true, { isTTY: false }, {}), true);
  assert.equal(chooseColor(undefined, { isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(chooseColor(undefined, { isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(chooseColor(undefined, { isTTY: false }, {}), false);
  assert.equal(chooseColor(undefined, { isTTY: true }, { TERM: 'dumb' }), false);
});
