// Only regular files and folders are read. A device or a named pipe given on the command line is
// refused at once with one line (a device stats as size 0, so no size cap would stop it), and the
// file reader itself checks the open file, so a path that became a pipe or a device after the
// scan is never read without bound (nor waited on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary, REPO_ROOT, runCli } from '../helpers/runCli.js';

const hermetic = () => ({
  BROADSHEET_CACHE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-special-cache-')),
  BROADSHEET_STATE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-special-state-')),
  BROADSHEET_CONFIG: join(tmpdir(), 'broadsheet-no-config.yaml'),
});

function namedPipe(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'broadsheet-fifo-')), 'pipe.md');
  execFileSync('mkfifo', [path]);
  return path;
}

test('list, check, show and the reader refuse a device or a named pipe with one line, at once', { timeout: 60_000 }, async () => {
  const pipe = namedPipe();
  for (const [args, kind] of [
    [['list', '/dev/zero'], 'a character device'],
    [['check', '/dev/zero'], 'a character device'],
    [['/dev/zero'], 'a character device'], // stdout a pipe: the reader behaves like list
    [['list', pipe], 'a named pipe'],
    [['show', '/dev/zero'], 'a character device'],
    [['show', pipe], 'a named pipe'],
    [['show', 'anything', '/dev/zero'], 'a character device'],
  ] as const) {
    const result = await runCli([...args], { env: hermetic() });
    assert.equal(result.code, 2, `${args.join(' ')}: exit 2`);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.match(lines[0], new RegExp(`^broadsheet: .*${kind}, not a file`), `${args.join(' ')}: ${result.stderr}`);
    assert.ok(lines.length <= 2, 'one line (and the usage hint)');
  }
});

test('a pipe inside a folder is skipped; the folder still lists', async () => {
  const root = makeLibrary({ 'a.md': '# Alpha\n' });
  execFileSync('mkfifo', [join(root, 'b.md')]);
  const result = await runCli(['list', root, '--json'], { env: hermetic() });
  assert.equal(result.code, 0);
  assert.deepEqual((JSON.parse(result.stdout) as { id: string }[]).map((a) => a.id), ['a']);
});

test('the file reader checks the open file: a pipe or a device where a file was is one problem, read at once', () => {
  const pipe = namedPipe();
  const grown = join(mkdtempSync(join(tmpdir(), 'broadsheet-grown-')), 'grown.md');
  writeFileSync(grown, 'x'.repeat(3000));
  // In a child with a time limit: the old reader looped on /dev/zero or waited on the pipe forever.
  const script = `
    import { loadFileReader } from './src/startup.ts';
    const reader = await loadFileReader(false);
    const file = (absPath) => ({ absPath, relPath: 'x.md', format: 'markdown' });
    const out = {
      zero: reader.read(file('/dev/zero'), 1 << 20, 0),
      pipe: reader.read(file(${JSON.stringify(pipe)}), 1 << 20, 0),
      // Its stat said 10 bytes; it has 3000 now, over a 1000-byte cap.
      grown: reader.read(file(${JSON.stringify(grown)}), 1000, 10),
    };
    console.log(JSON.stringify(out));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...hermetic() } });
  assert.equal(child.signal, null, 'finished in time');
  assert.equal(child.status, 0, child.stderr);
  const out = JSON.parse(child.stdout) as Record<string, { ok: boolean; kind: string; why: string }>;
  assert.deepEqual([out.zero.ok, out.zero.kind], [false, 'unreadable']);
  assert.match(out.zero.why, /a character device, not a regular file/);
  assert.deepEqual([out.pipe.ok, out.pipe.kind], [false, 'unreadable']);
  assert.match(out.pipe.why, /a named pipe, not a regular file/);
  assert.deepEqual([out.grown.ok, out.grown.kind], [false, 'too-large']);
});
