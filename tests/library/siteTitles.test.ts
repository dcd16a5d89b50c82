// The site's name shared by a site's saved pages (issue 14): a title part at the same end of two
// pages' titles of one site is cut from both, by the loader and by the body store alike, and a
// warm start gives the same titles. Pages of our own writing; the site names are made up and
// unlike their domains, so only the shared-part rule can find them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadLibrary, type Library } from '../../src/library/index.js';
import { makeFolder, libraryOf, bodyOf } from './helpers.js';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A saved page with this <title> and, when given, this canonical address. */
function page(title: string, address?: string): string {
  const canonical = address ? `<link rel="canonical" href="${address}">` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${canonical}</head>
<body><article><p>The harbour master keeps the tide book on a nail by the door, and every skipper reads it before the boats go out at dawn.</p>
<p>Nobody remembers who started the habit, but it has outlasted three harbour masters and a flood.</p></article></body></html>`;
}

const titles = (lib: Library) => Object.fromEntries(lib.articles.map((a) => [a.id, a.title]));

test('two pages of one site sharing "… | Site Name" lose it; a page alone on its site keeps its title', async () => {
  const { lib } = await libraryOf({
    'a.html': page('Reading the tide book | Tidewater Weekly', 'https://quay-notes.example/tide-book'),
    'b.html': page('Mending nets in winter | Tidewater Weekly', 'https://www.quay-notes.example/nets'),
    'c.html': page('A lighthouse repainted | Gull Point Gazette', 'https://gull-gazette.example/paint'),
    // Another site that happens to end its title the same way once: not quay-notes' name.
    'd.html': page('Ferry times | Tidewater Weekly', 'https://ferries.example/times'),
  });
  assert.deepEqual(titles(lib), {
    a: 'Reading the tide book',
    b: 'Mending nets in winter',
    c: 'A lighthouse repainted | Gull Point Gazette',
    d: 'Ferry times | Tidewater Weekly',
  });
  // The open article says what the list says.
  for (const id of ['a', 'b', 'c', 'd']) assert.equal(bodyOf(lib, id).article.title, lib.byId.get(id)!.title, id);
});

test('pages with no address are one site per folder; a leading shared part is cut too', async () => {
  const { lib } = await libraryOf({
    'quay/one.html': page('Tidewater Weekly – Reading the tide book'),
    'quay/two.html': page('Tidewater Weekly – Mending nets in winter'),
    'other/three.html': page('Tidewater Weekly – Ferry times'),
  });
  assert.deepEqual(titles(lib), {
    'other/three': 'Tidewater Weekly – Ferry times',
    'quay/one': 'Reading the tide book',
    'quay/two': 'Mending nets in winter',
  });
});

test('a part that is the whole title of a page is never cut, and no title is cut to nothing', async () => {
  const { lib } = await libraryOf({
    'a.html': page('Reading the tide book | Harbour Diary', 'https://quay-notes.example/a'),
    'b.html': page('Mending nets in winter | Harbour Diary', 'https://quay-notes.example/b'),
    // A page called just that: "Harbour Diary" is a title here, not only a name.
    'c.html': page('Harbour Diary', 'https://quay-notes.example/c'),
    // Two parts, both shared: one is kept.
    'd.html': page('Tidewater Weekly | Notes', 'https://quay-notes.example/d'),
    'e.html': page('Tidewater Weekly | Notes', 'https://quay-notes.example/e'),
  });
  assert.equal(lib.byId.get('a')!.title, 'Reading the tide book | Harbour Diary');
  assert.equal(lib.byId.get('b')!.title, 'Mending nets in winter | Harbour Diary');
  assert.equal(lib.byId.get('c')!.title, 'Harbour Diary');
  assert.equal(lib.byId.get('d')!.title, 'Tidewater Weekly');
  assert.equal(bodyOf(lib, 'd').article.title, 'Tidewater Weekly');
});

test('a warm start and a metadata-pass start give the same titles, and the store agrees', async () => {
  const dir = await makeFolder({
    'a.html': page('Reading the tide book | Tidewater Weekly', 'https://quay-notes.example/a'),
    'b.html': page('Mending nets in winter | Tidewater Weekly', 'https://quay-notes.example/b'),
    'note.md': '# A note\n\nLinks to [[Reading the tide book]].\n',
  });
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'broadsheet-cache-'));
  made.push(cacheDir);
  const cold = await loadLibrary([dir], { cacheDir, pages: 'metadata' });
  const warm = await loadLibrary([dir], { cacheDir, pages: 'metadata' });
  const full = await loadLibrary([dir], { cacheDir });
  const expected = { a: 'Reading the tide book', b: 'Mending nets in winter', note: 'A note' };
  for (const lib of [cold, warm, full]) {
    assert.deepEqual(titles(lib), expected);
    assert.deepEqual(lib.siteTitles, cold.siteTitles);
    assert.equal(bodyOf(lib, 'a').article.title, 'Reading the tide book');
  }
  // Links by title see the title as listed.
  const link = bodyOf(full, 'note').linkTargets.get('Reading the tide book');
  assert.deepEqual(link && link.kind === 'article' ? link.id : link, 'a');
});
