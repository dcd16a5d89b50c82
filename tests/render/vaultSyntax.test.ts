// Notes-vault syntax as a reader sees it: callouts, footnotes, comments, highlights, math,
// <sup>/<sub> and <pre>, over bodies written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderBody } from './helpers.js';
import { scanBody } from '../../src/library/bodyLinks.js';

const plain = (body: string, width = 60) => renderBody(body, { width, color: false });
/** The body's lines (the title block and the blank line after it dropped). */
const bodyLines = (body: string, width = 60) => plain(body, width).plainLines.slice(2);

test('a callout is a titled block: its title on a line of its own, the body below, no [!type] marker', () => {
  const lines = bodyLines('> [!info] Before you start\n> Back up the vault first.\n> It takes a minute.');
  assert.deepEqual(lines, ['┃ Before you start', '┃ Back up the vault first. It takes a minute.']);
});

test('a callout without a title is headed by its type; folded and open marks show it open', () => {
  for (const fold of ['', '-', '+']) {
    const lines = bodyLines(`> [!warning]${fold}\n> Mind the gap.\n\nAfter.`);
    assert.deepEqual(lines, ['┃ Warning', '┃ Mind the gap.', '', 'After.'], `fold mark ${JSON.stringify(fold)}`);
  }
  const folded = bodyLines('> [!faq]- Why is it slow?\n> Indexing.');
  assert.deepEqual(folded, ['┃ Why is it slow?', '┃ Indexing.']);
});

test("a callout's header is styled apart from its body", () => {
  const r = renderBody('> [!tip] Shortcut\n> Press t.', { width: 60, color: true });
  const header = r.lines[2];
  const body = r.lines[3];
  assert.match(header, /\x1b\[1;36mShortcut/);
  assert.doesNotMatch(body, /\x1b\[1;36m/);
});

test('an ordinary quote stays a quote', () => {
  assert.deepEqual(bodyLines('> [not a callout] just words'), ['│ [not a callout] just words']);
});

test('footnote markers are numbers in the text and the definitions are listed under Notes, in order', () => {
  const body = [
    'Moss grows north[^moss] and ferns like shade[^1].',
    '',
    'Again the moss[^moss].',
    '',
    '[^1]: Mostly.',
    '[^moss]: On old walls, anyway;',
    '    more so in towns.',
    '[^spare]: Never referred to.',
  ].join('\n');
  const lines = bodyLines(body);
  assert.deepEqual(lines, [
    'Moss grows north[1] and ferns like shade[2].',
    '',
    'Again the moss[1].',
    '',
    'Notes',
    '─────',
    '1. On old walls, anyway; more so in towns.',
    '2. Mostly.',
    '3. Never referred to.',
  ]);
  const text = lines.join('\n');
  assert.doesNotMatch(text, /\^|not in library/);
});

test('a footnote marker is a link to its definition, a named block of the article', () => {
  const r = plain('Text[^a].\n\n[^a]: The note.');
  const marker = r.links.find((l) => l.label === '[1]');
  assert.ok(marker, 'the marker is focusable');
  assert.equal(marker.target.kind, 'article');
  const heading = marker.target.kind === 'article' ? marker.target.heading : undefined;
  const block = r.blocks.find((b) => `^${b.id}` === heading);
  assert.ok(block, 'the definition is a named block');
  assert.equal(r.plainLines[block.line], '1. The note.');
});

test('footnotes are never links to check, and a marker without a definition stays as written', () => {
  const scan = scanBody('See[^1] and [^x].\n\n[^1]: Defined, with a [real link](other.md).');
  assert.deepEqual(scan.links.map((l) => l.href), ['other.md']);
  assert.deepEqual(bodyLines('Dangling [^x] marker.'), ['Dangling [^x] marker.']);
});

test('%% comments %% are hidden, inline and across lines, and links in them are not scanned', () => {
  const body = 'Shown %%hidden [[Secret]]%% text.\n\n%%\nA whole\n\nhidden [[Draft]] block\n%%\n\nLast line.';
  const text = bodyLines(body).join('\n');
  assert.equal(text, 'Shown text.\n\nLast line.');
  assert.deepEqual(scanBody(body).links, []);
});

test('==highlights== lose their marks and are styled as highlighted', () => {
  assert.deepEqual(bodyLines('A ==bright idea== here, but a == b stays.'), ['A bright idea here, but a == b stays.']);
  const r = renderBody('A ==bright== idea', { width: 60, color: true });
  assert.match(r.lines[2], /\x1b\[43;30mbright\x1b\[0m/);
});

test('math is shown verbatim, every backslash kept, styled as code; links in it are not scanned', () => {
  const body = 'Inline $a \\\\ b_{[[x]]}$ here, dollars $5 and $10 stay.\n\n$$\n\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}\n$$';
  const lines = bodyLines(body);
  assert.deepEqual(lines, ['Inline a \\\\ b_{[[x]]} here, dollars $5 and $10 stay.', '', '  \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}']);
  assert.deepEqual(scanBody(body).links, []);
  const r = renderBody('Inline $x^2$ math', { width: 60, color: true });
  assert.match(r.lines[2], /\x1b\[33mx\^2\x1b\[0m/);
});

test('<sup> and <sub> stay readable: Unicode where it has the characters, else ^ and _', () => {
  assert.deepEqual(bodyLines('2<sup>n</sup> and 10<sup>-3</sup>, H<sub>2</sub>O, 1<sup>st</sup>, e<sup>i pi</sup>.'), [
    '2ⁿ and 10⁻³, H₂O, 1^st, e^(i pi).',
  ]);
  assert.deepEqual(bodyLines('<p>x<sup>2</sup></p>'), ['x²']);
});

test('<pre> keeps its lines and their spaces', () => {
  assert.deepEqual(bodyLines('<pre>\nfirst  line\n    indented &amp; more\n</pre>'), ['  first  line', '      indented & more']);
});

test('a link whose label starts with ^ stays a link', () => {
  assert.deepEqual(scanBody('See [^up](top.md) and [^\\[x\\]](other.md).').links.map((l) => l.href), ['top.md', 'other.md']);
});

test('a raw text page is not a vault: $math$, %%comments%% and ==marks== in it show as typed', async () => {
  const { parseRawPage } = await import('../../src/library/parseRawPage.js');
  const line = 'Costs $x$ or %%y%% and ==z== today, a=b.';
  const page = parseRawPage(`Front page\n\n${line}\n\nEnd of it all here.`);
  assert.ok(bodyLines(page.body, 80).includes(line), bodyLines(page.body, 80).join('\n'));
});
