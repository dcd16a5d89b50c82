// One title, shown one way by every command: decoded once and sanitised once by the library,
// whatever the format it came from (issue 11), invisible marks gone (issue 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/runCli.js';
import { TITLE_CASES, titleLibrary } from '../helpers/titleFixtures.js';

const { root, env } = titleLibrary();

test('list --json: each title and section decoded once, no raw surrogate, no invisible mark', async () => {
  const result = await runCli(['list', '--json', root], { env });
  assert.equal(result.code, 0, result.stderr);
  const items = JSON.parse(result.stdout) as { id: string; title: string; section: string[] }[];
  for (const { id, title, section } of TITLE_CASES) {
    const item = items.find((i) => i.id === id);
    assert.ok(item, `${id} listed`);
    assert.equal(item.title, title, id);
    assert.deepEqual(item.section, section, id);
  }
  assert.doesNotMatch(result.stdout, /[\ud800-\udfff]|\\ud[89ab]/i, 'no surrogate, raw or escaped');
  assert.doesNotMatch(result.stdout, /[\u200b-\u200f\u2060]|\\u200[b-f]|\\u2060/i, 'no invisible mark, raw or escaped');
});

test('list: the same titles as list --json', async () => {
  const result = await runCli(['list', '--no-color', '--width', '120', root], { env });
  assert.equal(result.code, 0, result.stderr);
  for (const { id, title } of TITLE_CASES) {
    const row = result.stdout.split('\n').find((line) => line.trimEnd().endsWith(id));
    assert.ok(row, `${id} has a row`);
    assert.equal(row.trim().replace(/\s{2,}\S+$/, ''), title, id);
  }
  assert.ok(result.stdout.includes('Food & drink\n'), 'the section heading is decoded too');
});

test('show: the title block is the same title, on its first line', async () => {
  for (const { id, title } of TITLE_CASES) {
    const result = await runCli(['show', '--no-color', '--width', '80', id, root], { env });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], title, id);
    // The first heading that became the title is not shown a second time.
    assert.equal(lines.filter((line) => line === title).length, 1, `${id}: title once`);
  }
});
