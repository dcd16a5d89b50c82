// Markdown and text nobody here wrote: every package's README, licence and changelog under
// node_modules (read only). The loader must never throw and must give every file a title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../../src/library/index.js';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

test('loading all of node_modules never throws; every article has a title and one-line problems', async () => {
  assert.ok(existsSync(nodeModules), 'the tests run with node_modules installed');
  const lib = await loadLibrary([nodeModules]);
  assert.ok(lib.articles.length > 20, `only ${lib.articles.length} articles`);
  for (const a of lib.articles) {
    assert.ok(/[\p{L}\p{N}]/u.test(a.title), `${a.path}: title ${JSON.stringify(a.title)}`);
    assert.ok(!a.id.includes('node_modules/'), `${a.path}: nested node_modules are skipped`);
    assert.ok(a.words >= 0);
  }
  for (const p of lib.problems) assert.ok(!p.message.includes('\n'), p.message);
  // Ids unique, articles sorted by id.
  const ids = lib.articles.map((a) => a.id);
  assert.deepEqual(ids, [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  assert.equal(new Set(ids).size, ids.length);
});

test('each README alone, as a file given on the command line, loads without throwing', async () => {
  const { readdir } = await import('node:fs/promises');
  const readmes: string[] = [];
  for (const entry of await readdir(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    for (const name of ['README.md', 'readme.md', 'Readme.md']) {
      const p = `${nodeModules}/${entry.name}/${name}`;
      if (existsSync(p)) {
        readmes.push(p);
        break;
      }
    }
  }
  const lib = await loadLibrary(readmes);
  assert.equal(lib.articles.length, readmes.length);
});
