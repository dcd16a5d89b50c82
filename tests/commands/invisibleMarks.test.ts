// Zero-width and bidi marks (issue 12) never reach a surface raw: removed from what is shown
// (titles, sections, link labels and targets), escaped in JSON where they are data (ids, paths).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary, runCli } from '../helpers/runCli.js';

const MARKS = /[\u061c\u200b-\u200f\u2060\ufeff]/;
const home = mkdtempSync(join(tmpdir(), 'broadsheet-marks-home-'));
const env = { BROADSHEET_STATE_DIR: join(home, 'state'), BROADSHEET_CACHE_DIR: join(home, 'cache'), BROADSHEET_CONFIG: join(home, 'config.json') };

const root = makeLibrary({
  'news/ferry.md': [
    '---',
    'title: "Ferry\\u200f news\\u061c"',
    'section: "Wor\\u200bld"',
    'related:',
    '  - title: "Brid\\u2060ge vote"',
    '---',
    '',
    'See [the site](https://exa\u200bmple.org/\u200epath) and [the bridge](<wor\u200bld bridge.md>).',
    '',
  ].join('\n'),
  'news/wor\u200bld bridge.md': '# Bridge\ufeff vote\n\nText.\n',
});

test('list --json: shown words lose the marks, ids keep them escaped as \\u200b', async () => {
  const result = await runCli(['list', '--json', root], { env });
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stdout, MARKS, 'no raw mark in the JSON text');
  const items = JSON.parse(result.stdout) as { id: string; title: string; section: string[]; related: { title: string; id: string | null }[] }[];
  const ferry = items.find((i) => i.id === 'news/ferry')!;
  assert.equal(ferry.title, 'Ferry news');
  assert.deepEqual(ferry.section, ['World']);
  assert.deepEqual(ferry.related.map((r) => r.title), ['Bridge vote']);
  const bridge = items.find((i) => i.title === 'Bridge vote')!;
  assert.equal(bridge.id, 'news/wor\u200bld bridge', 'the id is a key: kept, and escaped on the way out');
  assert.ok(result.stdout.includes('"news/wor\\u200bld bridge"'), 'visible as \\u200b in the JSON');
});

test('list and show: no mark on screen, in titles, ids or link targets', async () => {
  const list = await runCli(['list', '--no-color', '--width', '120', root], { env });
  assert.equal(list.code, 0, list.stderr);
  assert.doesNotMatch(list.stdout, MARKS);
  assert.ok(list.stdout.includes('Ferry news'), list.stdout);
  const show = await runCli(['show', '--no-color', '--width', '100', 'news/ferry', root], { env });
  assert.equal(show.code, 0, show.stderr);
  assert.doesNotMatch(show.stdout, MARKS);
  assert.ok(show.stdout.includes('the site (https://example.org/path)'), show.stdout);
});
