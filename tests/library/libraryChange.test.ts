// What changed between two libraries (libraryUpdates.ts): what the reader lays out again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import { isNoChange, libraryChange } from '../../src/library/libraryUpdates.js';

test('a retitled article is changed, and so are the articles that link to it; a loaded-again library is no change', async () => {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-change-'));
  writeFileSync(join(root, 'tides.md'), '# Tides\n\nHigh water.\n');
  writeFileSync(join(root, 'index.md'), '# Index\n\nSee [the tides](tides.md).\n');
  writeFileSync(join(root, 'alone.md'), '# Alone\n\nNo links.\n');
  const before = await loadLibrary([root]);
  const same = await loadLibrary([root]);
  assert.ok(isNoChange(libraryChange(before, same)), 'equal records are no change');
  assert.deepEqual(libraryChange(before, same, ['alone']).changed, ['alone'], 'a file touched on disk is changed even when its record is not');
  writeFileSync(join(root, 'tides.md'), '# Tide tables\n\nHigh water.\n');
  const after = await loadLibrary([root]);
  assert.deepEqual(libraryChange(before, after), { changed: ['index', 'tides'], added: [], removed: [] });
});
