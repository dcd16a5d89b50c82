// Deep and crowded saved pages: 1,000 nested <div>s (11 KB) took 11 s against half a second
// flat, 2,000 took 77 s, 600 nested <ul><li> 23 s, 40,000 links four times the page without
// them, with every key dead meanwhile. (40,000 links: a page over 20,000 elements is cut.) The page's DOM is bounded before Readability and
// turndown see it: each shape is one problem of its own file, its words kept, while the rest
// of the library lists, checks and shows. The fixtures are generated here, never stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { parseHtmlPage } from '../../src/library/html/parseHtmlPage.js';
import { boundDocument, HTML_LIMITS } from '../../src/library/html/boundDocument.js';
import { makeLibrary, runCli, type CliResult } from '../helpers/runCli.js';
import { tempDir } from './helpers.js';
import { domBounds } from './nesting.js';

const page = (body: string) => `<!doctype html><html><head><title>Deep page</title></head><body>${body}</body></html>`;

/** Each hostile shape, with the word that must survive, and the kind of problem it gives. */
export const DEEP_HTML: Record<string, { html: string; kind: string | null }> = {
  'nested divs (2,000)': { html: page(`${'<div>'.repeat(2000)}<p>deepest words</p>${'</div>'.repeat(2000)}`), kind: 'too-deep' },
  'nested lists (600 ul/li)': { html: page(`${'<ul><li>'.repeat(600)}deepest words${'</li></ul>'.repeat(600)}`), kind: 'too-deep' },
  'nested tables (300)': { html: page(`${'<table><tr><td>'.repeat(300)}deepest words${'</td></tr></table>'.repeat(300)}`), kind: 'too-deep' },
  'unclosed spans and divs (4,000)': { html: page(`${'<div><span>'.repeat(4000)}deepest words`), kind: 'too-deep' },
  'nested quotes (3,000)': { html: page(`${'<blockquote>'.repeat(3000)}deepest words${'</blockquote>'.repeat(3000)}`), kind: 'too-deep' },
  // Repaired into one <html><body> by the parser: nothing deep is left, so no problem.
  'nested bodies (5,000)': { html: `<title>Deep page</title>${'<html><body>'.repeat(5000)}<p>deepest words</p>`, kind: null },
  'links (8,000)': {
    html: page(`<article><h1>Deep page</h1><p>${Array.from({ length: 8_000 }, (_, i) => `<a href="https://news.example/a${i}">link${i}</a>`).join(' ')} deepest words</p></article>`),
    kind: 'too-large',
  },
};


test('boundDocument: past the limits, flattened, cut and unlinked; the words before the cut kept', () => {
  const limits = { maxDepth: 10, maxElements: 200, maxLinks: 20 };
  const deep = parseHTML(page(`${'<div>'.repeat(50)}<p>one</p><p>two</p>${'</div>'.repeat(50)}`)).document;
  const report = boundDocument(deep, limits);
  assert.equal(report.flattened, 1);
  assert.match(report.problem ?? '', /nested deeper than 10 elements/);
  assert.ok(domBounds(deep).depth <= limits.maxDepth + 2, `depth ${domBounds(deep).depth}`);
  assert.deepEqual([...deep.querySelectorAll('p')].map((p) => p.textContent), ['one', 'two'], 'each block one paragraph');

  const many = parseHTML(page(Array.from({ length: 500 }, (_, i) => `<p>para${i}</p>`).join(''))).document;
  const cut = boundDocument(many, limits);
  assert.ok(cut.dropped > 0 && domBounds(many).elements <= limits.maxElements + 1, `${domBounds(many).elements} elements (<html> and what is below it)`);
  assert.match(many.body.textContent ?? '', /para100/);

  const linked = parseHTML(page(Array.from({ length: 100 }, (_, i) => `<a href="/${i}">w${i}</a>`).join(' '))).document;
  const unlinked = boundDocument(linked, limits);
  assert.equal(unlinked.unlinked, 80);
  assert.equal(domBounds(linked).links, 20);
  assert.match(linked.body.textContent ?? '', /w99/, 'an unlinked link keeps its words');

  const fine = parseHTML(page('<article><h1>T</h1><p>Plain <a href="/x">page</a>.</p></article>')).document;
  assert.equal(boundDocument(fine).problem, null);
});

for (const [shape, { html, kind }] of Object.entries(DEEP_HTML)) {
  test(`reading ${shape}: ${kind ? `one ${kind} problem` : 'no problem'}, bounded before Readability, the words kept`, () => {
    // A clock that stands still: what is checked here is the bounds, not the time budget.
    const saved = parseHtmlPage(html, 'deep.html', { now: () => 0 });
    assert.equal(saved.limit?.kind ?? null, kind, JSON.stringify(saved.limit));
    assert.match(saved.markdown, /deepest words/);
  });
}

test('a page over its time budget is its words as paragraphs and an unreadable problem', () => {
  // A clock that jumps ten seconds after its first look: the budget is gone at the next phase.
  let looks = 0;
  const clock = () => (looks++ === 0 ? 0 : 10_000);
  const html = page(`<article><h1>Deep page</h1>${Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of *the* story.</p>`).join('')}</article>`);
  const saved = parseHtmlPage(html, 'slow.html', { now: clock });
  assert.equal(saved.limit?.kind, 'unreadable');
  assert.match(saved.limit!.message, /page took over 5 s to read; shown as plain paragraphs/);
  assert.match(saved.markdown, /Paragraph 29 of \\\*the\\\* story\./, 'its words, escaped as text');
  assert.equal(parseHtmlPage(html, 'slow.html', { now: () => 0 }).limit, null, 'a clock that stands still: no problem');
});

const env = (): Record<string, string> => {
  const dir = tempDir('deep-html-env');
  return { BROADSHEET_STATE_DIR: `${dir}/state`, BROADSHEET_CACHE_DIR: `${dir}/cache`, BROADSHEET_CONFIG: `${dir}/config.json` };
};

function ok(result: CliResult, what: string): void {
  assert.equal(result.stderr, '', `${what}: ${result.stderr}`);
  assert.doesNotMatch(result.stdout, /Maximum call stack|unexpected error/, what);
}

test('a library holding every deep page: list, check and show of another article still work; each page is one problem', async () => {
  const shapes = Object.entries(DEEP_HTML);
  const files: Record<string, string> = { 'fine.md': '# Fine\n\nA fine article.\n' };
  shapes.forEach(([, { html }], i) => (files[`deep-${i}.html`] = html));
  const root = makeLibrary(files);
  const vars = env();

  const list = await runCli(['list', '--json', root], { env: vars });
  ok(list, 'list');
  assert.equal(list.code, 0);
  assert.deepEqual((JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id), [...shapes.map((_, i) => `deep-${i}`), 'fine'].sort());

  const check = await runCli(['check', '--json', root], { env: vars });
  ok(check, 'check');
  // On a machine loaded enough to spend the time budget, the budget's problem stands in for the
  // bound's: still one problem of that file's own.
  const problems = (JSON.parse(check.stdout) as { problems: { id: string; kind: string; message: string }[] }).problems.map((p) =>
    /took over \d+ s to read/.test(p.message) ? { ...p, kind: 'budget' } : p,
  );
  const said = JSON.stringify(problems).slice(0, 2000);
  shapes.forEach(([shape, { kind }], i) => {
    const own = problems.filter((p) => p.id === `deep-${i}`).map((p) => p.kind);
    const one = kind ? own.length === 1 && (own[0] === kind || own[0] === 'budget') : own.length <= 1 && own.every((k) => k === 'budget');
    assert.ok(one, `${shape}: ${said}`);
  });
  assert.deepEqual(problems.filter((p) => !p.id.startsWith('deep-')), [], 'the other article has none');

  const show = await runCli(['show', 'fine', root], { env: vars });
  ok(show, 'show fine');
  assert.match(show.stdout, /A fine article\./);

  const deep = await runCli(['show', 'deep-0', root], { env: vars });
  ok(deep, 'show a deep page');
  assert.match(deep.stdout, /deepest words/);
});
