#!/usr/bin/env node
// `npm test` after the build: Node's test runner over the files the shell expanded, with TMPDIR
// a fresh folder of this run's own. Tests make a temporary folder for every library, state,
// cache and config they use (thousands per run); this removes all of them when the run ends,
// however it ends, instead of leaving them in the system's /tmp.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = process.argv.slice(2).filter((file) => !file.includes('*'));
if (files.length === 0) {
  // Node 20 finds no .ts tests by itself and would pass with none run.
  console.error('run-tests: no test files given');
  process.exit(1);
}
const runTmp = mkdtempSync(join(tmpdir(), 'broadsheet-test-run-'));
// As /tmp is: some tests run a child as another user (real EACCES as `nobody`).
chmodSync(runTmp, 0o1777);
const cleanUp = () => rmSync(runTmp, { recursive: true, force: true });
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit', env: { ...process.env, TMPDIR: runTmp } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
