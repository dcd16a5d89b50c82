import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReadingState, saveReadingState, STATE_FILE } from '../../src/state/stateStore.js';
import { emptyReadingState, recordLastArticle, recordPosition, restoredLine } from '../../src/state/readingState.js';
import { stateDirectory } from '../../src/state/statePaths.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'broadsheet-state-'));

test('a saved position and last article come back after a restart', () => {
  const dir = freshDir();
  let state = recordPosition(emptyReadingState(), '/lib/a.md', { line: 40, width: 80, fraction: 0.5 });
  state = recordLastArticle(state, ['/lib'], 'a');
  saveReadingState(dir, state);
  const loaded = loadReadingState(dir);
  assert.equal(loaded.warning, undefined);
  assert.equal(loaded.state.articles['/lib/a.md'].read, true);
  assert.equal(loaded.state.articles['/lib/a.md'].position?.line, 40);
  assert.equal(loaded.state.libraries['/lib'].lastArticleId, 'a');
});

test('no state file means a clean start, silently', () => {
  const loaded = loadReadingState(freshDir());
  assert.deepEqual(loaded.state, emptyReadingState());
  assert.equal(loaded.warning, undefined);
});

test('a corrupt state file is set aside with a one-line warning', () => {
  for (const content of ['{"version": 1, "articles": ', '[1,2,3]', '\u0000\u0001binary']) {
    const dir = freshDir();
    writeFileSync(join(dir, STATE_FILE), content);
    const loaded = loadReadingState(dir);
    assert.deepEqual(loaded.state, emptyReadingState());
    assert.match(loaded.warning ?? '', /corrupt.*set aside/);
    assert.ok(!loaded.warning?.includes('\n'));
    assert.equal(existsSync(join(dir, STATE_FILE)), false);
    assert.equal(readdirSync(dir).filter((name) => name.startsWith(`${STATE_FILE}.corrupt-`)).length, 1);
    // And the next save works.
    saveReadingState(dir, emptyReadingState());
    assert.equal(loadReadingState(dir).warning, undefined);
  }
});

test('a position saved at another width is restored by fraction', () => {
  assert.equal(restoredLine({ line: 40, width: 80, fraction: 0.5 }, 80, 100), 40);
  assert.equal(restoredLine({ line: 40, width: 80, fraction: 0.5 }, 60, 140), 70);
  assert.equal(restoredLine({ line: 400, width: 80, fraction: 1 }, 80, 100), 99);
  assert.equal(restoredLine(undefined, 80, 100), 0);
});

test('BROADSHEET_STATE_DIR overrides the platform folder', () => {
  assert.equal(stateDirectory({ BROADSHEET_STATE_DIR: '/tmp/x' }), '/tmp/x');
  assert.match(stateDirectory({ HOME: '/home/u' }), /broadsheet/);
});
