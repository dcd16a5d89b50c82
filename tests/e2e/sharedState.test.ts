// Two real readers (the built binary, each in its own pseudo-terminal) on one library and one
// state folder: both start before either saves, each reads a different article and quits. Each
// save merges with the other's, so both read marks and the place in each article are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { sessionsKilledAfterTests, startTerminal, type TerminalSession } from './terminal.js';

const paragraphs = (name: string) => Array.from({ length: 60 }, (_, i) => `${name} paragraph ${i + 1}.`).join('\n\n');

const sessions = sessionsKilledAfterTests();

test('two readers on one library keep both sets of read marks and positions', async () => {
  const library = makeLibrary({
    'alpha.md': `---\ntitle: Alpha piece\nsection: News\ndate: 2025-01-02\n---\n\n${paragraphs('Alpha')}\n`,
    'beta.md': `---\ntitle: Beta piece\nsection: News\ndate: 2025-01-01\n---\n\n${paragraphs('Beta')}\n`,
  });
  const env = {
    BROADSHEET_STATE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-shared-state-')),
    BROADSHEET_CACHE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-shared-cache-')),
    BROADSHEET_CONFIG: join(tmpdir(), 'broadsheet-no-config.yaml'),
  };
  const one = startTerminal([library], { env });
  const two = startTerminal([library], { env });
  sessions.push(one, two);
  // Both have loaded the (empty) state before either saves.
  await one.waitForText('Beta piece');
  await two.waitForText('Beta piece');

  // One reads Alpha (the first row, newest) and scrolls; two reads Beta (the second row).
  one.write('\r');
  await one.waitForText('Alpha paragraph 1.');
  one.write('jjjj');
  await one.waitFor((s) => !s.includes('Alpha paragraph 1.'), 'alpha scrolled');
  two.write('j');
  await two.waitFor((s) => /^›.*Beta piece/m.test(s), 'beta selected');
  two.write('\r');
  await two.waitForText('Beta paragraph 1.');
  two.write('jjjjjj');
  await two.waitFor((s) => !s.includes('Beta paragraph 2.'), 'beta scrolled');

  // One quits first and saves; two, whose snapshot never saw one's marks, saves after it.
  one.write('Q');
  assert.equal(await one.exited, 0);
  two.write('Q');
  assert.equal(await two.exited, 0);

  const state = JSON.parse(readFileSync(join(env.BROADSHEET_STATE_DIR, 'reading-state.json'), 'utf8')) as {
    articles: Record<string, { read: boolean; position?: { line: number } }>;
  };
  const alpha = state.articles[join(library, 'alpha.md')];
  const beta = state.articles[join(library, 'beta.md')];
  assert.equal(alpha?.read, true, `alpha's read mark kept: ${JSON.stringify(state)}`);
  assert.equal(beta?.read, true, 'beta read');
  assert.ok((alpha.position?.line ?? 0) > 0, "alpha's place kept");
  assert.ok((beta.position?.line ?? 0) > 0, "beta's place kept");
});
