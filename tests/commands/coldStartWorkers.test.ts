// A cold start of a library large enough to be read in worker threads (over 1,000 files to
// read, the built binary): the same library as one read on a single thread, from the sources
// (which read on this thread). Markdown, raw pages and saved pages, linked to each other, with a
// file that is not an article among them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import { articleJson } from '../../src/commands/articleJson.js';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';

function bigLibrary(count: number) {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < count; i++) {
    const next = (i + 1) % count;
    if (i % 3 === 0) files[`md/n${i}.md`] = `---\ntitle: Note ${i}\nrelated: [n${next}]\n---\n\nSee [note ${next}](n${next}.md) and [[Note ${(i * 7) % count}]].\n`;
    else if (i % 3 === 1) files[`raw/r${i}.txt`] = `Home World Raw ${i}\n\nRaw page ${i}\n\n\nThe body of raw page ${i}.\n`;
    else files[`web/p${i}.html`] = `<!doctype html><html><head><title>Page ${i}</title></head><body><article><h1>Page ${i}</h1><p>Text of page ${i}.</p></article></body></html>`;
  }
  files['md/picture.png'] = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  return makeLibrary(files);
}

test('a cold start read across worker threads gives the library a single thread gives', async () => {
  const root = bigLibrary(1500);
  const env = hermeticEnv();
  const cold = await runCli(['list', '--json', root], { env: { ...env } });
  assert.equal(cold.code, 0, cold.stderr);
  const expected = (await loadLibrary([root])).articles.map(articleJson);
  const listed = JSON.parse(cold.stdout);
  assert.equal(listed.length, 1500);
  assert.deepEqual(listed, JSON.parse(JSON.stringify(expected)));
  // What the workers read went into the cache: the warm start says the same.
  const warm = await runCli(['list', '--json', root], { env: { ...env } });
  assert.deepEqual(JSON.parse(warm.stdout), listed);
  assert.ok(listed.some((a: { path: string }) => a.path === join('web', 'p2.html').replace(/\\/g, '/')), 'saved pages among them');
});
