// What the search indexes of each file is the body the reader shows (the body store's read),
// read without lexing it: Markdown after its front matter, a raw page as escaped Markdown, a
// saved page's extracted text, and for a file gone since the load, the same one-line note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { libraryOf, storeOf } from '../library/helpers.js';

test("a body store's text is its read's body, for every kind of file and for one gone", async () => {
  const { dir, lib } = await libraryOf({
    'notes/tides.md': '---\ntitle: Tide tables\ntags: [sea]\n---\n\n# High water\n\nAt *noon*, see [[Harbour log]].\n',
    'notes/Harbour log.md': 'The gulls came back.\n',
    'news/ferry.txt': 'Home News Ferry times\n\nFerry times\n\nThe ferry leaves at noon_sharp * 2.\n\nRead:\u00a0 Tide tables\n',
    'pages/quay.html': '<!doctype html><html><head><title>Quay wall | Gazette</title></head><body><article><h1>Quay wall</h1><p>Stones &amp; mortar, set in 1820.</p><p>More stones.</p></article></body></html>',
    'notes/gone.md': 'Soon removed.\n',
  });
  const store = storeOf(lib);
  rmSync(join(dir, 'notes/gone.md'));
  assert.equal(lib.articles.length, 5);
  for (const article of lib.articles) assert.equal(store.text(article.id), store.read(article.id)!.body, article.id);
  assert.match(store.text('notes/gone')!, /could no longer be read/);
  assert.match(store.text('pages/quay')!, /Stones/);
  assert.equal(store.text('no/such'), null);
});
