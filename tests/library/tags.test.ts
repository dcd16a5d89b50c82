// Tags from front matter and from `#tags` in a note's text, as Obsidian reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexBody } from '../../src/library/bodyLinks.js';
import { bodyTags, frontMatterTags, uniqueTags } from '../../src/library/tags.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/index.js';
import { libraryOf } from '../navigation/helpers.js';

const tagsOf = (markdown: string) => bodyTags(lexBody(markdown).tokens);

test('front matter tags: a list, or one string split by commas or spaces; a leading # dropped', () => {
  assert.deepEqual(frontMatterTags(['harbour', '#boats', 2025, 'a b']), ['harbour', 'boats', 'a', 'b']);
  assert.deepEqual(frontMatterTags('harbour, boats,tides'), ['harbour', 'boats', 'tides']);
  assert.deepEqual(frontMatterTags({ nested: true }), []);
  assert.deepEqual(frontMatterTags(undefined), []);
});

test('#tags in the text count; in code, headings, links, URLs and HTML they do not', () => {
  const body = [
    '# Heading #notatag',
    '',
    'Notes on the #harbour and #boats/sail, (#paren) too.',
    '',
    'Not `#code` nor [a link](#anchor) nor https://example.com/page#frag nor x#y nor #2025.',
    '',
    '```',
    '#fenced',
    '```',
    '',
    '- a list #item-tag',
    '',
    '<div class="x">#html</div>',
    '',
    '| col |',
    '|---|',
    '| #cell |',
  ].join('\n');
  assert.deepEqual(tagsOf(body), ['harbour', 'boats/sail', 'paren', 'item-tag', 'cell']);
});

test('one tag per spelling, case aside; the first spelling kept', () => {
  assert.deepEqual(uniqueTags(['Harbour', 'boats'], ['harbour', 'Tides']), ['Harbour', 'boats', 'Tides']);
});

test('the loader gives Article.tags: front matter first, then the body’s; raw text pages have none from #', async () => {
  const library = await libraryOf({
    'note.md': '---\ntitle: Note\ntags: [harbour, Boats]\n---\n\nAbout #boats and #tides.\n',
    'page.txt': 'A page\n\nA page\n\n\nTrending #news today.\n',
  });
  assert.deepEqual(library.byId.get('note')!.tags, ['harbour', 'Boats', 'tides']);
  assert.deepEqual(library.byId.get('page')!.tags, []);
});

test('the metadata cache keeps tags: a warm start, and one that reads the cached entries of unchanged files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-tags-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'broadsheet-tags-cache-'));
  writeFileSync(join(root, 'note.md'), '---\ntags: harbour\n---\n\nAbout #boats.\n');
  writeFileSync(join(root, 'other.md'), 'Other.\n');
  await loadLibrary([root], { cacheDir });
  assert.deepEqual((await loadLibrary([root], { cacheDir })).byId.get('note')!.tags, ['harbour', 'boats'], 'warm');
  writeFileSync(join(root, 'other.md'), 'Other, changed at more length.\n');
  assert.deepEqual((await loadLibrary([root], { cacheDir })).byId.get('note')!.tags, ['harbour', 'boats'], 'from its cache entry');
});
