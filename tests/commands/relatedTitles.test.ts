// A related title from a raw page stays one link whatever it holds (SPEC §1b: a raw page is not
// Markdown), and import writes it back so it reads as the same title (issue 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeTitle } from '../../src/library/index.js';
import { parseRawPage } from '../../src/library/parseRawPage.js';
import { scanBody } from '../../src/library/bodyLinks.js';
import { unresolvedLink } from '../../src/commands/importedMarkdown.js';


// Pieces that are syntax somewhere in Markdown or in our wikilinks, and some plain words.
const piece = fc.constantFrom(
  '[', ']', '(', ')', '[[', ']]', '<', '>', '\\', '`', '*', '_', '~', '&', '#', '|', '!', ':', '/', '^', '$', '%', '=', '-', '+', '1.',
  'https://evil.example/login', 'www.example.org', 'mail@example.org', '&#27;', '&amp;', '&#x9b;', '<b>', '![x](y)', '[a](b)', '[[REF|label]]',
  ' ', '\u00a0', '‘', '’', '“', '”', '"', "'", 'word', 'é', '漢字',
);
const title = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').replace(/[\s\u00a0]+/gu, ' ').trim())
  .filter((t) => /[\p{L}\p{N}]/u.test(t));

test('a raw page’s related title becomes one link, labelled and resolved by that title as typed', () => {
  fc.assert(
    fc.property(title, (t) => {
      const page = parseRawPage(`Front page\n\nText first.\n\nRead:\u00a0 ${t}\n\nText after.`);
      assert.equal(page.related.length, 1);
      const links = scanBody(page.body).links;
      assert.equal(links.length, 1, page.body);
      assert.equal(links[0].inRelated, true);
      assert.equal(links[0].href, page.related[0].title, page.body);
      assert.equal(links[0].label, t, page.body);
    }),
    { numRuns: 1000 },
  );
});

test('import writes an unresolved title as one link showing it whole, resolving by it, never to a heading', () => {
  fc.assert(
    fc.property(title, (t) => {
      const written = unresolvedLink(t);
      const links = scanBody(`Read: ${written}\n`).links;
      assert.equal(links.length, 1, written);
      assert.equal(links[0].inRelated, true);
      assert.equal(links[0].label, t, written);
      assert.equal(links[0].href.includes('#'), false, written);
      assert.equal(normalizeTitle(links[0].href), normalizeTitle(t), written);
    }),
    { numRuns: 1000 },
  );
});
