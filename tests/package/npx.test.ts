// The package as users get it: `npm pack`, then the tarball run through `npx` in an empty
// folder. A file missing from the package, or a runtime dependency left out of the bundle,
// fails here. `npm test` has just built dist/; packing with --ignore-scripts keeps `prepare`
// from rebuilding it under the tests that are running the binary at the same time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';

test('the packed tarball runs through npx with no install step: --version and list --json', () => {
  const packDir = mkdtempSync(join(tmpdir(), 'broadsheet-pack-'));
  const env = { ...process.env, ...hermeticEnv(), npm_config_yes: 'true', npm_config_cache: join(packDir, 'npm-cache'), npm_config_audit: 'false', npm_config_fund: 'false' };
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: REPO_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed[0].files.map((file: { path: string }) => file.path);
  for (const required of ['LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'bin/broadsheet.js', 'dist/cli.js', 'articles/welcome.md']) {
    assert.ok(files.includes(required), `${required} is in the package`);
  }
  assert.equal(packed[0].files.some((file: { path: string }) => file.path.startsWith('src/') || file.path.startsWith('tests/')), false, 'no sources or tests shipped');
  const tarball = join(packDir, packed[0].filename);
  const userDir = mkdtempSync(join(tmpdir(), 'broadsheet-user-'));
  const npx = (...args: string[]) =>
    execFileSync('npx', ['--yes', `--package=${tarball}`, 'broadsheet', ...args], { cwd: userDir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
  assert.equal(npx('--version').trim(), version);
  const articles = JSON.parse(npx('list', '--json'));
  assert.ok(articles.length >= 10, 'the bundled guide comes with the package');
  assert.ok(articles.some((article: { id: string }) => article.id === 'welcome'));
});
