// runReader's promises about the terminal: alternate screen in and out, cursor shown, raw mode
// off, on every way out, and a one-line error instead of a stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReader } from '../../src/ui/runReader.js';
import type { Library } from '../../src/library/types.js';
import { fakeBodies, sampleLibrary } from '../navigation/fakeLibrary.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 60;
  rows = 12;
  written = '';
  write = (data: string) => {
    this.written += data;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  private data: string | null = null;
  send(data: string) {
    this.data = data;
    this.emit('readable');
  }
  setRawMode(mode: boolean) {
    this.rawModes.push(mode);
    this.emit('rawmode', mode);
    return this;
  }
  /** Resolves once the app takes raw mode: it is listening for keys from then on. */
  listening(): Promise<unknown> {
    return this.rawModes.includes(true) ? Promise.resolve() : once(this, 'rawmode');
  }
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
}

function start(library: Library = sampleLibrary(), extra: { openId?: string } = {}) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const stderr = new FakeStdout();
  const done = runReader({
    library,
    ...extra,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    color: false,
    bodies: fakeBodies(library),
    exitAfterSignal: false,
    stateDir: mkdtempSync(join(tmpdir(), 'broadsheet-run-')),
    cacheDir: mkdtempSync(join(tmpdir(), 'broadsheet-run-cache-')),
    opener: async () => false,
  });
  return { stdin, stdout, stderr, done };
}

function assertRestored(stdin: FakeStdin, stdout: FakeStdout) {
  assert.ok(stdout.written.startsWith('\u001b[?1049h'), 'entered the alternate screen first');
  assert.ok(stdout.written.endsWith('\u001b[?25h\u001b[?1049l'), 'cursor shown and alternate screen left last');
  assert.equal(stdin.rawModes.at(-1), false, 'raw mode off');
}

test('q on the list quits with 0 and restores the terminal', async () => {
  const { stdin, stdout, done } = start();
  await stdin.listening();
  assert.deepEqual(stdin.rawModes, [true]);
  stdin.send('q');
  assert.equal(await done, 0);
  assertRestored(stdin, stdout);
});

test('Q and Ctrl-C quit from an article', async () => {
  for (const key of ['Q', '\u0003']) {
    const { stdin, stdout, done } = start(sampleLibrary(), { openId: 'world/ferry' });
    await stdin.listening();
    stdin.send(key);
    assert.equal(await done, 0);
    assertRestored(stdin, stdout);
  }
});

test('SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the terminal and give 128 + signal', async () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130], ['SIGQUIT', 131]] as const) {
    await new Promise((resolve) => setImmediate(resolve)); // earlier runs drop their handlers a turn late
    const before = process.listenerCount(signal);
    const { stdin, stdout, done } = start();
    await stdin.listening();
    assert.ok(process.listenerCount(signal) > before, `handler installed for ${signal}: ${before} → ${process.listenerCount(signal)}`);
    process.emit(signal);
    assert.equal(await done, code);
    assertRestored(stdin, stdout);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(process.listenerCount(signal) <= before, 'handler removed');
  }
});

test('an error while drawing leaves one line on stderr, no stack, and the terminal restored', async () => {
  const library = sampleLibrary();
  // A malformed article (section missing) makes the list view throw.
  (library.byId.get('culture/choir') as unknown as { section: unknown }).section = null;
  const before = process.listenerCount('uncaughtException');
  const { stdin, stdout, stderr, done } = start(library);
  assert.equal(await done, 1);
  assertRestored(stdin, stdout);
  const lines = stderr.written.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${stderr.written}`);
  assert.match(lines[0], /^broadsheet: /);
  assert.ok(!stdout.written.includes('    at '), 'no stack on the screen');
  assert.ok(process.listenerCount('uncaughtException') <= before);
});
