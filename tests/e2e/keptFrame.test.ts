// The first frame kept for the next start (ui/frameSnapshot.ts), in the built binary: a reader
// that quits keeps the frame the next start would paint; that start paints it before loading
// the rest, and its usual first paint writes the frame again only when it differs. A change in
// anything the frame was made from (here: a config file) means it is not painted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { hermeticEnv, type HermeticEnv } from '../helpers/hermeticEnv.js';
import { startTerminal } from './terminal.js';

const note = (title: string) => `---\ntitle: ${title}\n---\n\nA short note.\n`;
const ENTER = '\u001b[?1049h';

async function quitAfterList(root: string, env: HermeticEnv) {
  const session = startTerminal([root, '--no-watch'], { cols: 80, rows: 12, env: { ...env } });
  await session.waitForText('Beta note');
  session.write('q');
  assert.equal(await session.exited, 0);
}

function keptFrameFile(env: HermeticEnv): string {
  const dir = join(env.BROADSHEET_CACHE_DIR, 'first-frame');
  const files = readdirSync(dir);
  assert.equal(files.length, 1, 'one frame kept');
  return join(dir, files[0]);
}

test('the frame kept at quit is painted first by the next start, and corrected when it differs', async () => {
  const root = makeLibrary({ 'alpha.md': note('Alpha note'), 'beta.md': note('Beta note') });
  const env = hermeticEnv();
  await quitAfterList(root, env); // writes the index
  await quitAfterList(root, env); // the reading state as it will stay: the frame is kept for it
  const file = keptFrameFile(env);
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  assert.match(kept.text, /Alpha note/);
  // The same frame but for one word, so which start painted what can be told apart.
  writeFileSync(file, JSON.stringify({ ...kept, text: kept.text.replace('Alpha note', 'Kept frame') }));

  const second = startTerminal([root, '--no-watch'], { cols: 80, rows: 12, env: { ...env } });
  try {
    await second.waitFor((screen) => screen.includes('Alpha note') && screen.includes('Beta note'), 'the list as it is');
    const raw = second.raw();
    const keptAt = raw.indexOf('Kept frame');
    assert.ok(keptAt >= 0, 'the kept frame was painted');
    assert.ok(keptAt < raw.indexOf('Alpha note'), 'first, then corrected by the usual first paint');
    assert.ok(raw.indexOf(ENTER) < keptAt, 'on the alternate screen');
  } finally {
    second.write('q');
    await second.exited;
  }
});

test('a kept frame is not painted once a file it was made from has changed', async () => {
  const root = makeLibrary({ 'alpha.md': note('Alpha note'), 'beta.md': note('Beta note') });
  const env = hermeticEnv();
  await quitAfterList(root, env);
  await quitAfterList(root, env);
  const file = keptFrameFile(env);
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...kept, text: kept.text.replace('Alpha note', 'Kept frame') }));
  // A config file written since (with nothing in it the frame would show differently).
  writeFileSync(env.BROADSHEET_CONFIG, '# nothing set yet\n');

  const second = startTerminal([root, '--no-watch'], { cols: 80, rows: 12, env: { ...env } });
  try {
    await second.waitForText('Alpha note');
    assert.ok(!second.raw().includes('Kept frame'), 'the kept frame was not painted');
  } finally {
    second.write('q');
    await second.exited;
  }
});
