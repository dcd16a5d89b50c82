import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReadingState, removeStaleTemporaryFiles, saveReadingState, STALE_TEMPORARY_MS, STATE_FILE } from '../../src/state/stateStore.js';
import { createReadingStore } from '../../src/state/readingStore.js';
import {
  emptyReadingState,
  isRead,
  lastArticle,
  mergeReadingStates,
  recordLastArticle,
  recordPosition,
  rememberPosition,
  restoredLine,
  setRead,
  type ReadingState,
} from '../../src/state/readingState.js';
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

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second));
const position = (line: number) => ({ line, width: 80, fraction: line / 100 });
const asideFiles = (dir: string, why: string) => readdirSync(dir).filter((name) => name.startsWith(`${STATE_FILE}.${why}-`));

/** A reader's store over one state folder, its state kept in a variable the way the Reader keeps it. */
function reader(dir: string) {
  const store = createReadingStore(dir);
  let state = store.load().state;
  store.setSource(() => state);
  return {
    change(update: (state: ReadingState) => ReadingState) {
      state = update(state);
      store.saveSoon();
      store.flush();
    },
  };
}

test('two readers on one state folder interleave marks, positions and last articles, and both sets survive', () => {
  const dir = freshDir();
  const a = reader(dir);
  const b = reader(dir); // loaded before a saved anything: its snapshot knows nothing of a's marks
  a.change((s) => recordPosition(s, '/lib/a.md', position(10), at(1)));
  b.change((s) => recordPosition(s, '/lib/b.md', position(20), at(2)));
  a.change((s) => recordLastArticle(setRead(s, '/lib/c.md', true, at(3)), ['/lib'], 'c', at(3)));
  b.change((s) => rememberPosition(s, '/lib/b.md', position(25), at(4)));
  a.change((s) => rememberPosition(s, '/lib/a.md', position(15), at(5)));

  const { state } = loadReadingState(dir);
  assert.equal(isRead(state, '/lib/a.md'), true);
  assert.equal(isRead(state, '/lib/b.md'), true);
  assert.equal(isRead(state, '/lib/c.md'), true);
  assert.equal(state.articles['/lib/a.md'].position?.line, 15);
  assert.equal(state.articles['/lib/b.md'].position?.line, 25);
  assert.equal(lastArticle(state, ['/lib']), 'c');
});

test('merging: the newer read mark and the newer position of an article win, each on its own; a tie keeps ours', () => {
  // Reader 1 marked the article unread late; reader 2 scrolled in it later still, its mark older.
  let one = recordPosition(emptyReadingState(), '/lib/x.md', position(5), at(1));
  one = setRead(one, '/lib/x.md', false, at(6));
  let two = recordPosition(emptyReadingState(), '/lib/x.md', position(5), at(1));
  two = rememberPosition(two, '/lib/x.md', position(40), at(8));
  for (const merged of [mergeReadingStates(one, two), mergeReadingStates(two, one)]) {
    assert.equal(merged.articles['/lib/x.md'].read, false, 'the later "unread" stays');
    assert.equal(merged.articles['/lib/x.md'].position?.line, 40, 'the later position stays');
  }
  const ours = recordLastArticle(emptyReadingState(), ['/lib'], 'ours', at(1));
  const theirs = recordLastArticle(emptyReadingState(), ['/lib'], 'theirs', at(1));
  assert.equal(lastArticle(mergeReadingStates(ours, theirs), ['/lib']), 'ours');
  // Entries from a file written before times were kept count as older than any timed change.
  const old: ReadingState = { version: 1, articles: { '/lib/x.md': { read: true } }, libraries: { '/lib': { lastArticleId: 'old' } } };
  const merged = mergeReadingStates(old, setRead(recordLastArticle(emptyReadingState(), ['/lib'], 'new', at(1)), '/lib/x.md', false, at(1)));
  assert.equal(merged.articles['/lib/x.md'].read, false);
  assert.equal(lastArticle(merged, ['/lib']), 'new');
});

test('a state path that cannot be read as a file (a folder in its place: EISDIR) is set aside, never written over', () => {
  const dir = freshDir();
  mkdirSync(join(dir, STATE_FILE));
  writeFileSync(join(dir, STATE_FILE, 'keep-me'), 'precious');
  const loaded = loadReadingState(dir);
  assert.deepEqual(loaded.state, emptyReadingState());
  assert.match(loaded.warning ?? '', /could not be read \(EISDIR\); set aside as /);
  assert.ok(!loaded.warning?.includes('\n'));
  const [aside] = asideFiles(dir, 'unreadable');
  assert.equal(readFileSync(join(dir, aside, 'keep-me'), 'utf8'), 'precious', 'what was there is kept, moved aside');
  saveReadingState(dir, recordPosition(emptyReadingState(), '/lib/a.md', position(3)));
  assert.equal(loadReadingState(dir).state.articles['/lib/a.md'].position?.line, 3, 'and the next save works');
});

test('stale temporary files of interrupted saves are removed at start; a fresh one (a save under way) and other files stay', () => {
  const dir = freshDir();
  const stale = join(dir, `${STATE_FILE}.123456`);
  const fresh = join(dir, `${STATE_FILE}.654321`);
  writeFileSync(stale, ''); // what a `kill -9` between open and write leaves
  writeFileSync(fresh, '');
  writeFileSync(join(dir, `${STATE_FILE}.corrupt-1`), 'x');
  writeFileSync(join(dir, 'notes.123'), 'x');
  const old = (Date.now() - STALE_TEMPORARY_MS - 5_000) / 1000;
  utimesSync(stale, old, old);
  utimesSync(join(dir, 'notes.123'), old, old);
  const store = createReadingStore(dir);
  store.load();
  assert.equal(existsSync(stale), false, 'the stale temporary file is gone');
  assert.equal(existsSync(fresh), true);
  assert.equal(existsSync(join(dir, `${STATE_FILE}.corrupt-1`)), true);
  assert.equal(existsSync(join(dir, 'notes.123')), true);
  assert.deepEqual(removeStaleTemporaryFiles(join(dir, 'missing')), [], 'no folder yet: nothing to do, no error');
});

// EACCES for real: root reads any file whatever its mode, so as root these run in a child process
// that has dropped to the `nobody` user (uid 65534); as anyone else, in a child as that user.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const STORE_MODULE = new URL('../../src/state/stateStore.ts', import.meta.url).href;
const REPO = fileURLToPath(new URL('../..', import.meta.url));

function ownedByTester(path: string) {
  if (asRoot) chownSync(path, NOBODY, NOBODY);
}

/** Runs `body` (an ES module's text; `store` is stateStore.ts) as the unprivileged user; returns what it printed, parsed. */
function runUnprivileged(body: string): Record<string, unknown> {
  const code = `import * as store from ${JSON.stringify(STORE_MODULE)};\n${body}`;
  const home = mkdtempSync(join(tmpdir(), 'broadsheet-home-'));
  ownedByTester(home);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, BROADSHEET_STATE_DIR: home, BROADSHEET_CACHE_DIR: home, BROADSHEET_CONFIG: join(home, 'config.yaml') },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  assert.equal(result.status, 0, `child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const GOOD = JSON.stringify(recordPosition(emptyReadingState(), '/lib/a.md', position(42)));

test('a state file that cannot be read (EACCES, real permissions) is set aside with its bytes, not overwritten', () => {
  const dir = freshDir();
  ownedByTester(dir);
  const file = join(dir, STATE_FILE);
  writeFileSync(file, GOOD);
  ownedByTester(file);
  chmodSync(file, 0o000);
  const out = runUnprivileged(`
    const loaded = store.loadReadingState(${JSON.stringify(dir)});
    store.saveReadingState(${JSON.stringify(dir)}, loaded.state);
    console.log(JSON.stringify(loaded));`);
  assert.match(String(out.warning), /could not be read \(EACCES\); set aside as /);
  const [aside] = asideFiles(dir, 'unreadable');
  assert.equal(readFileSync(join(dir, aside), 'utf8'), GOOD, 'the history is kept, byte for byte');
});

test('a state file that can be neither read nor set aside (EACCES on both) is left exactly as it is', () => {
  // A folder the unprivileged child may enter and read but not change (no rename, no new file):
  // the permissions keep the file safe here; what is checked is that the reader knows it and says so.
  const dir = freshDir();
  chmodSync(dir, asRoot ? 0o755 : 0o555);
  const file = join(dir, STATE_FILE);
  writeFileSync(file, GOOD);
  ownedByTester(file);
  chmodSync(file, 0o000);
  const out = runUnprivileged(`
    const loaded = store.loadReadingState(${JSON.stringify(dir)});
    let saveError = null;
    try { store.saveReadingState(${JSON.stringify(dir)}, loaded.state); } catch (error) { saveError = error.message; }
    console.log(JSON.stringify({ ...loaded, saveError }));`);
  assert.match(String(out.warning), /could not be set aside/);
  assert.ok(out.mustNotWrite);
  assert.match(String(out.saveError), /left as it is/);
  assert.equal(readFileSync(file, 'utf8'), GOOD);
  assert.deepEqual(asideFiles(dir, 'unreadable'), []);
});

test('a state file that becomes unreadable while the reader runs is set aside at the next save, not overwritten', () => {
  const dir = freshDir();
  ownedByTester(dir);
  const file = join(dir, STATE_FILE);
  writeFileSync(file, GOOD);
  ownedByTester(file);
  const out = runUnprivileged(`
    import { chmodSync } from 'node:fs';
    const loaded = store.loadReadingState(${JSON.stringify(dir)});
    chmodSync(${JSON.stringify(file)}, 0o000);
    const saved = store.saveReadingState(${JSON.stringify(dir)}, { ...loaded.state, articles: { ...loaded.state.articles, '/lib/b.md': { read: true } } });
    console.log(JSON.stringify(saved));`);
  assert.match(String(out.warning), /could not be read \(EACCES\); set aside/);
  const [aside] = asideFiles(dir, 'unreadable');
  assert.equal(readFileSync(join(dir, aside), 'utf8'), GOOD, 'the unreadable file is kept');
  assert.equal(isRead(loadReadingState(dir).state, '/lib/b.md'), true, 'the new save is in place');
});
