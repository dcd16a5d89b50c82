// Measures how broadsheet shows saved web pages against an extractor's own test pages:
// mozilla/readability's test/test-pages layout, one folder per page holding `source.html`,
// `expected.html` (Readability's extracted article) and `expected-metadata.json`.
//
//   node --import tsx scripts/measure-pages.mjs FOLDER [--json OUT] [--page NAME] [--misses]
//
// The pages are copied into a temporary library (one `NAME.html` each, so they link to each other
// as a saved folder would), loaded and rendered as `show` renders them, and compared:
// - recall: the share of expected.html's words (multiset, case-folded; a CJK character is a word)
//   found in the shown text;
// - leaks: Markdown syntax on screen outside code (`](`, `**`, `[#`), beyond what the page's own
//   expected text holds (a "******" scene break is the page's, not ours);
// - "(not in library)" marks on screen, and link problems `check` would report;
// - titles and authors against expected-metadata.json (`title`, and `byline` where it is a name).
// Nothing of the pages is kept: the temporary library is deleted at the end.
// Each figure is one function of a row (`rows` below); add a column and a summary line together.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const folder = args.find((a, i) => !a.startsWith('--') && !['--json', '--page'].includes(args[i - 1]));
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!folder || !existsSync(folder)) {
  console.error('usage: node --import tsx scripts/measure-pages.mjs FOLDER [--json OUT] [--page NAME]');
  process.exit(2);
}

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadLibrary } = await import(path.join(repo, 'src/library/index.ts'));
const { loadBodies } = await import(path.join(repo, 'src/startup.ts'));
const { parseHTML } = await import('linkedom');

const only = option('--page');
const pages = readdirSync(folder)
  .filter((name) => existsSync(path.join(folder, name, 'source.html')) && existsSync(path.join(folder, name, 'expected.html')))
  .filter((name) => !only || name === only)
  .sort();
const libraryDir = mkdtempSync(path.join(tmpdir(), 'measure-pages-'));
process.on('exit', () => rmSync(libraryDir, { recursive: true, force: true }));
for (const name of pages) cpSync(path.join(folder, name, 'source.html'), path.join(libraryDir, `${name}.html`));

const library = await loadLibrary([libraryDir]);
const { store, renderArticle } = await loadBodies(library);

// Chinese and Japanese run words together without spaces and `show` wraps such a run anywhere,
// so a "word" there is one character (Han, kana); elsewhere a run of letters and digits.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');
const words = (text) => text.toLowerCase().match(WORD) ?? [];
const count = (text, needle) => text.split(needle).length - 1;
const LEAKS = ['](', '**', '[#'];
const LINK_PROBLEMS = new Set(['unresolved', 'ambiguous', 'outside-root']);

/** The text of every code block and code span in the tokens: leaks inside code are the page's own. */
function codeText(tokens) {
  let text = '';
  const visit = (token) => {
    if (token.type === 'code' || token.type === 'codespan') text += `${token.text}\n`;
    for (const child of token.tokens ?? []) visit(child);
    for (const item of token.items ?? []) visit(item);
    if (token.type === 'table') for (const cell of [...token.header, ...token.rows.flat()]) for (const child of cell.tokens ?? []) visit(child);
  };
  for (const token of tokens) visit(token);
  return text;
}

/** The share of `expected` words found in `shown`, each shown word used once. */
function recallOf(expected, shown) {
  const have = new Map();
  for (const word of shown) have.set(word, (have.get(word) ?? 0) + 1);
  let hit = 0;
  for (const word of expected) {
    const left = have.get(word) ?? 0;
    if (left > 0) {
      hit++;
      have.set(word, left - 1);
    }
  }
  return expected.length ? hit / expected.length : 1;
}

/** Letters and digits in lower case, everything else one space: titles compare by their words. */
const loose = (text) =>
  (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Separators between a title and a site's name, as pages write them. */
const SEPARATOR = /\s+[|\-–—·:]\s+|\s*[：｜]\s*|\s*_\s*/u;
/**
 * The title is right when it is the expected one, or the expected one without the site's name
 * Readability left on it ("Mozilla - Wikipedia": broadsheet shows "Mozilla"): the expected title
 * less one or two parts of a few words at either end. Both figures are printed.
 */
function titleMatch(ours, expected) {
  if (loose(ours) === loose(expected)) return 'exact';
  const parts = expected.split(SEPARATOR);
  if (parts.length < 2) return null;
  const short = (list) => list.every((part) => loose(part).split(' ').length <= 5);
  const rest = (list) => loose(list.join(' '));
  // One or two parts cut at either end: the site's name, perhaps with its section or owner ("_科技_腾讯网", "- Jane Doe - Medium").
  for (const n of [1, 2]) {
    if (parts.length <= n) break;
    if (short(parts.slice(-n)) && rest(parts.slice(0, -n)) === loose(ours)) return 'site cut';
    if (short(parts.slice(0, n)) && rest(parts.slice(n)) === loose(ours)) return 'site cut';
  }
  return null;
}
/** A byline that names people: no dates, no addresses, a few words. */
const isName = (byline) => !!byline && !/\d|@|https?:|www\./i.test(byline) && loose(byline).split(' ').length <= 12;
const withoutBy = (name) => loose(name).replace(/^(?:by|par|von|por)\s+/, '');
/** Right when the names are the same words, or one holds the other whole ("Jane Doe" in "Jane Doe, Staff Writer"). */
function authorRight(ours, expected) {
  const a = withoutBy(ours);
  const b = withoutBy(expected);
  return !!a && (a === b || ` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `));
}

const rows = [];
for (const article of library.articles) {
  const name = article.id;
  const entry = store.read(article.id);
  const shown = renderArticle(entry, { width: 100, color: false }).plainLines.join('\n');
  const code = codeText(entry.tokens);
  const expectedHtml = readFileSync(path.join(folder, name, 'expected.html'), 'utf8');
  const expectedText = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body.textContent ?? '';
  const leaks = Object.fromEntries(LEAKS.map((p) => [p, Math.max(0, count(shown, p) - count(code, p) - count(expectedText, p))]));
  rows.push({
    page: name,
    recall: recallOf(words(expectedText), words(shown)),
    expectedWords: words(expectedText).length,
    shownWords: words(shown).length,
    leaks,
    notInLibrary: count(shown, '(not in library)'),
    linkProblems: library.problems.filter((p) => p.id === article.id && LINK_PROBLEMS.has(p.kind)).length,
    ...metadataFigures(article, name),
  });
}

/** Title and author against expected-metadata.json; a page with no expected title counts right when broadsheet said it found none. */
function metadataFigures(article, name) {
  const file = path.join(folder, name, 'expected-metadata.json');
  if (!existsSync(file)) return {};
  const expected = JSON.parse(readFileSync(file, 'utf8'));
  const noTitle = !expected.title && article.problems.some((p) => /no title found/.test(p.message));
  return {
    title: article.title,
    expectedTitle: expected.title ?? '',
    titleMatch: noTitle ? 'none found' : titleMatch(article.title, expected.title ?? ''),
    author: article.author,
    expectedAuthor: expected.byline ?? null,
    authorNamed: isName(expected.byline),
    authorRight: isName(expected.byline) ? authorRight(article.author, expected.byline) : null,
  };
}

const sum = (f) => rows.reduce((total, row) => total + f(row), 0);
const pagesWith = (f) => rows.filter((row) => f(row) > 0).length;
const recalls = rows.map((row) => row.recall).sort((a, b) => a - b);
const median = recalls.length ? (recalls.length % 2 ? recalls[(recalls.length - 1) / 2] : (recalls[recalls.length / 2 - 1] + recalls[recalls.length / 2]) / 2) : 1;
const under = rows.filter((row) => row.recall < 0.9).sort((a, b) => a.recall - b.recall);

console.log(`pages: ${rows.length}`);
console.log(`word recall: mean ${(sum((r) => r.recall) / Math.max(1, rows.length)).toFixed(4)}, median ${median.toFixed(4)}, under 0.9: ${under.length}${under.length ? ` (${under.map((r) => `${r.page} ${r.recall.toFixed(3)}`).join(', ')})` : ''}`);
for (const p of LEAKS) console.log(`leak ${JSON.stringify(p)} outside code: ${sum((r) => r.leaks[p])} on ${pagesWith((r) => r.leaks[p])} pages`);
console.log(`"(not in library)" marks: ${sum((r) => r.notInLibrary)} on ${pagesWith((r) => r.notInLibrary)} pages`);
console.log(`check link problems: ${sum((r) => r.linkProblems)} on ${pagesWith((r) => r.linkProblems)} pages`);
const titled = rows.filter((r) => 'titleMatch' in r);
const exact = titled.filter((r) => r.titleMatch === 'exact').length;
const right = titled.filter((r) => r.titleMatch !== null).length;
const pct = (n, of) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');
console.log(`titles right: ${right}/${titled.length} (${pct(right, titled.length)}; exactly Readability's: ${exact}, with its site name cut: ${titled.filter((r) => r.titleMatch === 'site cut').length}, none in the page: ${titled.filter((r) => r.titleMatch === 'none found').length})`);
const named = titled.filter((r) => r.authorNamed);
console.log(`authors right (bylines that are names): ${named.filter((r) => r.authorRight).length}/${named.length} (${pct(named.filter((r) => r.authorRight).length, named.length)})`);
if (args.includes('--misses')) {
  for (const r of titled) if (r.titleMatch === null) console.log(`title  ${r.page}: ${JSON.stringify(r.title)} ≠ ${JSON.stringify(r.expectedTitle)}`);
  for (const r of named) if (!r.authorRight) console.log(`author ${r.page}: ${JSON.stringify(r.author)} ≠ ${JSON.stringify(r.expectedAuthor)}`);
}
const leaky = rows.filter((r) => LEAKS.some((p) => r.leaks[p]));
if (leaky.length) console.log(`leaky pages: ${leaky.map((r) => `${r.page} ${JSON.stringify(r.leaks)}`).join('; ')}`);
if (option('--json')) writeFileSync(option('--json'), `${JSON.stringify(rows, null, 1)}\n`);
