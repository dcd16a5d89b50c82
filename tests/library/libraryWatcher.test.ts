// Live reload's change detection (library/libraryWatcher.ts): a change under the roots becomes
// one new library, published with what changed, after the changes pause; dot-folders and the
// app's own folders are never watched; a folder that cannot be watched is polled (said once);
// a root that vanishes empties the list without an error and fills it again when it is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import type { LibraryUpdate } from '../../src/library/libraryUpdates.js';
import { watchLibrary, type WatchOptions } from '../../src/library/libraryWatcher.js';

const note = (title: string, body = 'Some words.') => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** A library folder, its watcher, and the updates it publishes, awaited one at a time. */
async function watched(files: Record<string, string>, extra: Partial<WatchOptions> = {}) {
  const base = mkdtempSync(join(tmpdir(), 'broadsheet-watch-'));
  const root = join(base, 'notes');
  const cacheDir = join(root, 'cache-inside');
  mkdirSync(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  let loads = 0;
  const load = (paths: string[]) => {
    loads++;
    return loadLibrary(paths, { cacheDir });
  };
  const library = await load([root]);
  const updates: LibraryUpdate[] = [];
  let wake: (() => void) | null = null;
  const watcher = watchLibrary([root], library, {
    load,
    publish: (update) => {
      updates.push(update);
      wake?.();
    },
    ignore: [cacheDir],
    debounceMs: 30,
    ...extra,
  });
  await watcher.ready;
  /** The next update that passes `accept` (earlier ones are skipped). */
  const next = async (accept: (u: LibraryUpdate) => boolean = () => true, what = 'an update'): Promise<LibraryUpdate> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const i = updates.findIndex(accept);
      if (i >= 0) return updates.splice(0, i + 1).at(-1)!;
      if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(updates.map((u) => [u.change, u.status]))}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  };
  return { base, root, watcher, next, loads: () => loads, updates };
}

test('an edited file is one update, changed by id, after the writes pause', async () => {
  const w = await watched({ 'log.md': note('Harbour log'), 'other.md': note('Other') });
  try {
    writeFileSync(join(w.root, 'log.md'), note('Harbour log', 'First edit.'));
    writeFileSync(join(w.root, 'log.md'), note('Harbour log', 'Second edit.'));
    writeFileSync(join(w.root, 'log.md'), note('Harbour log', 'Third edit, and the last.'));
    const update = await w.next();
    assert.deepEqual(update.change, { changed: ['log'], added: [], removed: [] });
    assert.equal(w.loads(), 2, 'three writes, one reload');
    assert.equal(update.library.byId.get('log')!.words, 5);
  } finally {
    w.watcher.close();
  }
});

test('a new file in a new folder is added; a deleted one removed, and what linked to it changes', async () => {
  const w = await watched({ 'index.md': note('Index', 'See [[Tides]].'), 'tides.md': note('Tides') });
  try {
    mkdirSync(join(w.root, 'deep', 'er'), { recursive: true });
    writeFileSync(join(w.root, 'deep', 'er', 'new.md'), note('Newcomer'));
    let update = await w.next((u) => u.change.added.length > 0, 'the new file');
    assert.deepEqual(update.change.added, ['deep/er/new']);
    // A folder made after the watch started is watched too.
    writeFileSync(join(w.root, 'deep', 'er', 'new.md'), note('Newcomer', 'Edited in the new folder.'));
    update = await w.next((u) => u.change.changed.includes('deep/er/new'), 'the edit in the new folder');
    rmSync(join(w.root, 'tides.md'));
    update = await w.next((u) => u.change.removed.length > 0, 'the deletion');
    assert.deepEqual(update.change.removed, ['tides']);
    assert.ok(update.change.changed.includes('index'), 'the article that linked to it shows its link unresolved now');
  } finally {
    w.watcher.close();
  }
});

test('dot-folders, node_modules and the cache folder are not watched; swap files are not changes', async () => {
  const folders: string[] = [];
  const w = await watched(
    { 'a.md': note('A'), '.git/objects/x': 'blob', '.obsidian/app.json': '{}', 'node_modules/p/readme.md': note('P'), 'sub/b.md': note('B') },
    {
      watchFolder: (folder, onChange) => {
        folders.push(folder);
        if (folder.endsWith('notes')) setImmediate(() => onChange('.a.md.swp'));
        return { close() {} };
      },
    },
  );
  try {
    assert.deepEqual(folders.map((f) => f.slice(w.root.length)).sort(), ['', '/sub'], 'the root and sub only (the cache folder is made by the first load)');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 60)); // past the debounce: a swap file's event would have reloaded by now
    assert.equal(w.loads(), 1);
  } finally {
    w.watcher.close();
  }
});

test('where a folder cannot be watched, its root is polled, and the status line says so once', async () => {
  const failing: WatchOptions['watchFolder'] = () => {
    throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
  };
  const w = await watched({ 'a.md': note('A') }, { watchFolder: failing, pollMs: 40 });
  try {
    const notice = await w.next((u) => u.status !== undefined, 'the notice');
    assert.match(notice.status!, /by polling \(ENOSPC/);
    writeFileSync(join(w.root, 'b.md'), note('B'));
    const update = await w.next((u) => u.change.added.includes('b'), 'the new file, found by polling');
    assert.equal(update.status, undefined);
    assert.equal(w.updates.filter((u) => u.status?.includes('polling')).length, 0, 'said once');
  } finally {
    w.watcher.close();
  }
});

test('a root that vanishes empties the list without an error, and fills it again when it is back', async () => {
  const w = await watched({ 'a.md': note('A'), 'sub/b.md': note('B') }, { pollMs: 40 });
  try {
    const away = join(w.base, 'away');
    renameSync(w.root, away);
    const gone = await w.next((u) => u.change.removed.length === 2, 'every article removed');
    assert.equal(gone.library.articles.length, 0);
    renameSync(away, w.root);
    const back = await w.next((u) => u.change.added.length === 2, 'the articles back');
    assert.deepEqual(back.change.added, ['a', 'sub/b']);
    writeFileSync(join(w.root, 'sub', 'b.md'), note('B', 'Watched again after coming back.'));
    await w.next((u) => u.change.changed.includes('sub/b'), 'an edit after it came back');
  } finally {
    w.watcher.close();
  }
});
