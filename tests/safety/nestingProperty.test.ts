// Property: nested Markdown and HTML of random shapes, up to 10,000 levels, never make loading
// throw, and what reaches marked's recursion, Readability and turndown stays within the
// per-file bounds (capNesting.ts, html/boundDocument.ts); past them the file is one problem
// of its own. The bounds are asserted, not the wall clock: the time budget itself is tested
// with a clock of the test's own in deepMarkdown/deepHtml.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadLibrarySync } from '../../src/library/index.js';
import { lexBody } from '../../src/library/bodyLinks.js';
import { loadFileReader } from '../../src/startup.js';
import { MAX_NESTING } from '../../src/library/capNesting.js';
import { HTML_LIMITS, parseBounded } from '../../src/library/html/boundDocument.js';
import { tempDir } from './helpers.js';
import { domBounds, tokenDepth } from './nesting.js';

const reader = await loadFileReader(true);
const RUNS = Number(process.env.BROADSHEET_PROPERTY_RUNS ?? 1000);
const base = tempDir('nesting');
after(() => rmSync(base, { recursive: true, force: true }));

/** Levels from 1 to 10,000, spread evenly over their orders of magnitude (most shapes stay cheap). */
const levels = fc.double({ min: 0, max: 4, noNaN: true }).map((e) => Math.max(1, Math.round(10 ** e)));

const BLOCK_OPENERS = ['- ', '* ', '+ ', '1. ', '2) ', '> ', '>', '> - ', '- > '];
const INLINE = [
  ['*', '*'],
  ['_', '_'],
  ['**', '**'],
  ['~~', '~~'],
  ['*a ', ' a*'],
  ['[', '](https://news.example/x)'],
  ['![', '](https://news.example/i.png)'],
  ['<span>', '</span>'],
  ['[[', ']]'],
];

/** A Markdown body nesting `n` levels: openers on one line, a list indented level by level, or inline wrappers. */
const markdownShape = fc.oneof(
  fc.record({ n: levels, openers: fc.array(fc.constantFrom(...BLOCK_OPENERS), { minLength: 1, maxLength: 4 }) }).map(({ n, openers }) => ({
    n,
    body: `${Array.from({ length: n }, (_, i) => openers[i % openers.length]).join('')}deepest\n`,
  })),
  fc.record({ n: levels.map((n) => Math.min(n, 400)), marker: fc.constantFrom('-', '*', '1.'), quoted: fc.boolean() }).map(({ n, marker, quoted }) => ({
    n,
    body: `${Array.from({ length: n }, (_, i) => `${quoted ? '> ' : ''}${'   '.repeat(i)}${marker} level ${i}`).join('\n')}\n${quoted ? '> ' : ''}deepest\n`,
  })),
  fc.record({ n: levels, wrappers: fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 3 }) }).map(({ n, wrappers }) => {
    const chosen = Array.from({ length: n }, (_, i) => wrappers[i % wrappers.length]);
    return { n, body: `${chosen.map(([open]) => open).join('')}deepest${chosen.reverse().map(([, close]) => close).join('')}\n` };
  }),
);

const TAGS: [string, string][] = [
  ['<div>', '</div>'],
  ['<span>', '</span>'],
  ['<ul><li>', '</li></ul>'],
  ['<ol><li>', '</li></ol>'],
  ['<blockquote>', '</blockquote>'],
  ['<table><tr><td>', '</td></tr></table>'],
  ['<section>', '</section>'],
  ['<a href="https://news.example/a">', '</a>'],
  ['<em>', '</em>'],
  ['<b>', '</b>'],
  ['<p>', '</p>'],
  ['<pre>', '</pre>'],
  ['<h2>', '</h2>'],
];

/** A page nesting `n` tags of a random mix, closed or left open. */
const htmlShape = fc.record({ n: levels, tags: fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 4 }), closed: fc.boolean(), siblings: fc.integer({ min: 0, max: 3 }) }).map(({ n, tags, closed, siblings }) => {
  const chosen = Array.from({ length: n }, (_, i) => tags[i % tags.length]);
  const inner = `${chosen.map(([open]) => open).join('')}deepest words${closed ? chosen.reverse().map(([, close]) => close).join('') : ''}`;
  return { n, html: `<!doctype html><html><head><title>Nested page</title></head><body>${`<p>Before.</p>${inner}`.repeat(siblings + 1)}</body></html>` };
});


/** Problems the loader gives the file at `name` alone in a library. */
let counter = 0;
function load(name: string, content: string): { kinds: string[]; ids: string[] } {
  const root = join(base, String(counter++));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, name), content);
  writeFileSync(join(root, 'other.md'), '# Other\n\nAn ordinary note.\n');
  const library = loadLibrarySync([root], reader);
  // What the guards report (links leading nowhere and missing attachments are other checks).
  const problems = library.problems.filter((p) => p.kind === 'too-deep' || p.kind === 'too-large' || p.kind === 'unreadable');
  return { kinds: problems.map((p) => p.kind), ids: library.articles.map((a) => a.id) };
}

test('nested Markdown of any shape: lexed within the caps, loaded without a throw, past the cap one too-deep problem', () => {
  fc.assert(
    fc.property(markdownShape, ({ n, body }) => {
      // A clock that stands still: the bounds alone must keep the work small.
      const { tokens, problem } = lexBody(body, { now: () => 0 });
      assert.ok(tokenDepth(tokens) <= 4 * MAX_NESTING + 8, `tokens nest ${tokenDepth(tokens)} deep`);
      assert.ok(problem === null || problem.kind === 'too-deep', JSON.stringify(problem));
      if (n <= 8) assert.equal(problem, null, 'a shallow body has no problem');

      const { kinds, ids } = load('deep.md', `# Deep\n\n${body}`);
      assert.deepEqual(ids, ['deep', 'other'], 'both articles load');
      assert.deepEqual(kinds, problem ? [problem.kind] : [], 'the loader reports what the lexer found, once');
    }),
    { numRuns: RUNS / 2 },
  );
});

test('nested HTML of any shape: bounded before Readability, loaded without a throw, past the limits one problem', () => {
  fc.assert(
    fc.property(htmlShape, ({ n, html }) => {
      const { doc, problem } = parseBounded(html);
      const bounds = domBounds(doc);
      // <html> is level 0; a flattened element's paragraphs sit one level below the limit.
      assert.ok(bounds.depth <= HTML_LIMITS.maxDepth + 2, `DOM ${bounds.depth} deep`);
      assert.ok(bounds.elements <= HTML_LIMITS.maxElements + 1, `${bounds.elements} elements`);
      assert.ok(bounds.links <= HTML_LIMITS.maxLinks, `${bounds.links} links`);
      // Past the element limit the markup is cut (the tail left out); within it every word stays.
      const openingTags = html.match(/<[a-z]/g)?.length ?? 0;
      if (openingTags <= HTML_LIMITS.maxElements) assert.match(doc.body.textContent ?? '', /deepest words/, 'the deepest words are kept');
      else assert.match(problem?.message ?? '', /over 20000 elements/);
      if (n <= 8) assert.equal(problem, null, 'a shallow page has no problem');

      const { kinds, ids } = load('deep.html', html);
      assert.deepEqual(ids, ['deep', 'other'], 'both articles load');
      const own = kinds.filter((k) => k === 'too-deep' || k === 'too-large' || k === 'unreadable');
      assert.ok(own.length <= 1, `at most one problem for the page: ${kinds}`);
      if (problem) assert.ok(own.length === 1, `past the limits, a problem: ${kinds}`);
    }),
    { numRuns: RUNS / 2 },
  );
});
