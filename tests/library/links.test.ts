import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Marked } from 'marked';
import { targetKey } from '../../src/library/index.js';
import { wikilinkExtension } from '../../src/library/wikilinks.js';
import { scanBody, lexBody, lexBodyPlain, countWords } from '../../src/library/bodyLinks.js';
import fc from 'fast-check';
import { libraryOf, article, linkId } from './helpers.js';


test('wikilinks in every form become tokens; inside code they stay text', () => {
  const tokens = new Marked().use({ extensions: [wikilinkExtension] }).lexer(
    'See [[a]], [[b|Bee]], [[c#Part two]], [[d#Part|Dee]] and ![[e]]. `[[not]]`\n\n```\n[[nor]]\n```\n',
  );
  const found: unknown[] = [];
  const walk = (list: unknown[]) => {
    for (const t of list as { type: string; tokens?: unknown[] }[]) {
      if (t.type === 'wikilink') {
        const { ref, label, embed } = t as unknown as { ref: string; label: string; embed: boolean };
        found.push([ref, label, embed]);
      }
      if (t.tokens) walk(t.tokens);
    }
  };
  walk(tokens);
  assert.deepEqual(found, [
    ['a', 'a', false],
    ['b', 'Bee', false],
    ['c#Part two', 'c#Part two', false],
    ['d#Part', 'Dee', false],
    ['e', 'e', true],
  ]);
  assert.deepEqual(scanBody('`[[x]]`\n\n    [[y]]\n').links, []);
});

test('wikilinks resolve, headings kept, embeds are links', async () => {
  const { lib } = await libraryOf({
    'notes/a.md': '[[b]] [[b#Later part|later]] ![[c]] [[Missing note]]\n',
    'notes/b.md': '# B\n',
    'c.md': '# C\n',
  });
  const a = article(lib, 'notes/a');
  assert.deepEqual(a.linkTargets.get('b'), { kind: 'article', id: 'notes/b' });
  assert.deepEqual(a.linkTargets.get('b#Later part'), { kind: 'article', id: 'notes/b', heading: 'Later part' });
  assert.deepEqual(a.linkTargets.get('c'), { kind: 'article', id: 'c' });
  assert.equal(a.linkTargets.get('Missing note')?.kind, 'unresolved');
  assert.deepEqual(a.problems.map((p) => p.message), ['notes/a.md: link "Missing note" not found in library']);
});

test('links are found in lists, tables, quotes and nested emphasis; images are found as images', async () => {
  const scan = scanBody('- [l1](one)\n  - **[l2](two)**\n\n| h |\n|---|\n| [l3](three) |\n\n> [l4](four)\n\n![img](pic.png)\n');
  assert.deepEqual(scan.links.map((l) => [l.href, l.label, l.image]), [
    ['one', 'l1', false],
    ['two', 'l2', false],
    ['three', 'l3', false],
    ['four', 'l4', false],
    ['pic.png', 'img', true],
  ]);
});

test('related reading: links in place in body order, then front matter not already among them, one number per target', async () => {
  const { lib } = await libraryOf({
    'ferry.md': `---
related:
  - bridge
  - market
  - title: Lost story
  - {title: "Lost  story!"}
---
Intro with a [plain link](choir).

Read: [The bridge](bridge)

See also: [[market]]

→ READ. [Bridge again](bridge.md)

Read also: [“Lost story”](<Lost story>)
`,
    'bridge.md': '# Bridge vote\n',
    'market.md': '# Night market\n',
    'choir.md': '# Choir\n',
  });
  const a = article(lib, 'ferry');
  assert.deepEqual(
    a.related.map((r) => [r.title, linkId(r), r.inBody]),
    [
      ['Bridge vote', 'bridge', true],
      ['Night market', 'market', true],
      ['Lost story', null, true],
    ],
  );
  assert.equal(targetKey({ kind: 'unresolved', ref: 'x', title: 'Lost  story!', reason: 'missing' }), targetKey(a.related[2].target));
});

test('a related opener counts behind markup (after an image, in bold); a word that only starts like one does not', async () => {
  const { lib } = await libraryOf({
    'ferry.md': `![](pic.png) Read: [The bridge](bridge)

**See also:** [[market]]

Reading [the choir](choir) is no opener.

See [the dock](dock) neither.
`,
    'bridge.md': '# Bridge vote\n',
    'market.md': '# Night market\n',
    'choir.md': '# Choir\n',
    'dock.md': '# Dock\n',
  });
  assert.deepEqual(
    article(lib, 'ferry').related.map((r) => [r.title, r.inBody]),
    [
      ['pic.png', true],
      ['Bridge vote', true],
      ['Night market', true],
    ],
  );
});

test('backlinks: body links, related, previous and next count; self links and repeats do not', async () => {
  const { lib } = await libraryOf({
    'a.md': '---\nnext: c\n---\n[to b](b.md) [again](b) [me](#top) [[a]]\n',
    'b.md': '---\nrelated: [c]\n---\n',
    'c.md': '---\nprevious: a\n---\n[[b]]\n',
    'd.md': '[[a]]',
  });
  assert.deepEqual(article(lib, 'a').backlinks, ['c', 'd']);
  assert.deepEqual(article(lib, 'b').backlinks, ['a', 'c']);
  assert.deepEqual(article(lib, 'c').backlinks, ['a', 'b']);
  assert.deepEqual(article(lib, 'd').backlinks, []);
});

test('a link cycle loads fine', async () => {
  const { lib } = await libraryOf({ 'a.md': '---\nnext: b\nprevious: b\n---\n[[b]]', 'b.md': '---\nnext: a\nprevious: a\n---\n[[a]]' });
  assert.equal(linkId(article(lib, 'a').next), 'b');
  assert.equal(linkId(article(lib, 'b').next), 'a');
});

test('words count whitespace-separated words of the text, not the markup', async () => {
  const { lib } = await libraryOf({ 'a.md': '---\ntitle: T\n---\n# Two words\n\nOne [two three](<some long target>) **four**.\n' });
  assert.equal(article(lib, 'a').words, 6);
});

test('the library lexes bodies exactly as marked does (plain inline text skips the inline pass); words as the regex counts them', () => {
  const piece = fc.constantFrom(
    'word', 'two words', ' ', '  ', '\n', '\n\n', '  \n', '# ', '## ', '- ', '1. ', '> ', '```\n', '    ', '|', '---\n', '*', '_', '~', '`',
    '[', ']', '(', ')', '[[', ']]', '![', '<', '>', '&', '&amp;', '&#27;', '\\', '@', 'a@b.co', 'http://x.example', 'www.x.example', 'Read: ',
    'See also: ', '→ READ. ', '\u00a0', '\u200b', '\u3000', 'é', '🙂', '\t', '!', '.', ':',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const md = parts.join('');
      assert.deepEqual(lexBody(md).tokens, lexBodyPlain(md), JSON.stringify(md));
      const expected = md.match(/[^\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu)?.length ?? 0;
      assert.equal(countWords(md), expected, JSON.stringify(md));
    }),
    { numRuns: 2000 },
  );
});
