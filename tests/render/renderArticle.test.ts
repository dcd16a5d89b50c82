import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { renderArticle } from '../../src/render/renderArticle.js';
import type { LinkTarget } from '../../src/library/types.js';
import type { RenderedArticle, RenderedLink } from '../../src/render/types.js';
import { makeArticle, renderBody, sliceColumns, overWidth, foreignControls } from './helpers.js';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/render/realistic.md'), 'utf8');
const art = (id: string): LinkTarget => ({ kind: 'article', id });
const missing = (title: string): LinkTarget => ({ kind: 'unresolved', ref: title, title, reason: 'missing' });

function ferry() {
  return makeArticle({
    id: 'world/river-ferry',
    title: 'The last river ferry keeps running',
    section: ['World', 'Transport'],
    date: '2025-04-02',
    author: 'Staff reporter',
    body: fixture,
    linkTargets: new Map<string, LinkTarget>([
      ['world/bridge-vote', art('world/bridge-vote')],
      ['Bridge vote', art('world/bridge-vote')],
      ['harbour/history', missing('harbour history')],
    ]),
    related: [
      { title: 'The bridge vote', target: art('world/bridge-vote'), inBody: true },
      { title: 'A night market reopens', target: missing('A night market reopens'), inBody: false },
    ],
    previous: { title: 'The choir sings again', target: art('culture/choir') },
    next: { title: 'Harbour wall repaired', target: missing('Harbour wall repaired') },
  });
}

/** The text a link's spans cover in plainLines, one piece per span. */
function spanTexts(r: RenderedArticle, l: RenderedLink): string[] {
  return l.spans.map((s) => sliceColumns(r.plainLines[s.line], s.start, s.end));
}

test('a realistic article at width 60: no line over 60 columns, no tabs, color on and off', () => {
  for (const color of [true, false]) {
    const r = renderArticle(ferry(), { width: 60, color });
    assert.deepEqual(overWidth(r, 60), []);
    assert.ok(r.lines.every((l) => !l.includes('\t')));
    assert.equal(r.width, 60);
    assert.equal(r.lines.length, r.plainLines.length);
  }
  const r = renderArticle(ferry(), { width: 60, color: false });
  const text = r.plainLines.join('\n');
  // Everything is still there: wide table, code, quote, HTML text, CJK, long URL.
  assert.match(text, /Crossing/);
  assert.match(text, /def fare\(adults, children, bikes\):/);
  assert.match(text, /↪ /, 'long code lines wrap with a ↪ marker');
  assert.match(text, /│ "The river does not care about ministers,"/);
  assert.match(text, /Sidebar: the ferry carries forty people & two cars/);
  assert.doesNotMatch(text, /<p>|<b>|&amp;/);
  assert.match(text, /渡し船は/);
});

test('every width from 1 to 200 keeps every line within the width', () => {
  const a = ferry();
  for (let width = 1; width <= 200; width++) {
    const r = renderArticle(a, { width, color: true });
    assert.deepEqual(overWidth(r, width), [], `width ${width}`);
  }
});

test('title block: title, then section › path, date and author; the body H1 repeating the title is skipped', () => {
  const r = renderArticle(ferry(), { width: 80, color: false });
  assert.equal(r.plainLines[0], 'The last river ferry keeps running');
  assert.equal(r.plainLines[1], 'World › Transport · 2025-04-02 · Staff reporter');
  assert.equal(r.plainLines.filter((l) => l.includes('The last river ferry keeps running')).length, 1);
  assert.ok(!r.plainLines.some((l) => l.startsWith('#')));
});

test('related-reading links in place carry their number, and the end list numbers every entry', () => {
  const r = renderArticle(ferry(), { width: 80, color: false });
  const inPlace = r.links.find((l) => l.role === 'body' && l.number !== undefined);
  assert.ok(inPlace);
  assert.equal(inPlace.label, 'The bridge vote');
  assert.equal(inPlace.number, 1);
  const line = r.plainLines[inPlace.spans[0].line];
  assert.match(line, /^Read: The bridge vote \[1\]$/);
  // The same target outside a related paragraph gets no number.
  const second = r.links.find((l) => l.label === 'second mention');
  assert.ok(second && second.number === undefined);

  const related = r.links.filter((l) => l.role === 'related');
  assert.deepEqual(related.map((l) => [l.number, l.label]), [[1, 'The bridge vote'], [2, 'A night market reopens']]);
  const headingLine = r.plainLines.indexOf('Related reading');
  assert.ok(headingLine > 0);
  assert.equal(r.plainLines[related[0].spans[0].line], '[1] The bridge vote');
  assert.equal(r.plainLines[related[1].spans[0].line], '[2] A night market reopens (not in library)');
  assert.ok(related[0].spans[0].line > headingLine);
});

test('previous/next footer comes last, as links', () => {
  const r = renderArticle(ferry(), { width: 80, color: false });
  const prev = r.links.find((l) => l.role === 'previous');
  const next = r.links.find((l) => l.role === 'next');
  assert.ok(prev && next);
  assert.equal(r.plainLines[prev.spans[0].line], '← Previous: The choir sings again');
  assert.equal(r.plainLines[next.spans[0].line], 'Next: Harbour wall repaired (not in library) →');
  assert.deepEqual(prev.target, art('culture/choir'));
  assert.equal(next.spans[0].line, r.plainLines.length - 1);
  assert.equal(r.links[r.links.length - 1], next);
});

test('link spans point at the label text in plainLines, in reading order', () => {
  for (const width of [30, 60, 100]) {
    const r = renderArticle(ferry(), { width, color: true });
    assert.ok(r.links.length >= 8);
    r.links.forEach((l, i) => {
      assert.equal(l.index, i);
      const pieces = spanTexts(r, l);
      assert.ok(pieces.join(' ') === l.label || pieces.join('') === l.label, `width ${width}: ${JSON.stringify(pieces)} vs ${l.label}`);
      if (i > 0) {
        const p = r.links[i - 1].spans[0];
        const s = l.spans[0];
        assert.ok(p.line < s.line || (p.line === s.line && p.start < s.start), 'reading order');
      }
    });
  }
});

test('a wrapped link label gets one span per line', () => {
  const a = makeArticle({
    body: 'Start [a label that is long enough to wrap](https://example.com) end.',
    linkTargets: new Map(),
  });
  const r = renderArticle(a, { width: 20, color: false });
  const [l] = r.links;
  assert.equal(l.label, 'a label that is long enough to wrap');
  assert.ok(l.spans.length >= 2);
  assert.equal(spanTexts(r, l).join(' '), l.label);
  assert.equal(l.spans[1].line, l.spans[0].line + 1);
  assert.equal(l.spans[1].start, 0);
});

test('links resolve from linkTargets; fallbacks: external for http/mailto, missing otherwise', () => {
  const r = renderArticle(ferry(), { width: 80, color: false });
  const byLabel = (s: string) => r.links.find((l) => l.label === s)!;
  assert.deepEqual(byLabel('Bridge vote').target, art('world/bridge-vote'));
  assert.deepEqual(byLabel('report by the river authority').target, {
    kind: 'external',
    url: 'https://news.example/reports/2025/river-authority-annual-report-on-crossings-and-ferries.pdf',
  });
  assert.equal(byLabel('harbour history').target.kind, 'unresolved');
  const b = renderArticle(makeArticle({ body: '[x](nowhere) [m](mailto:a@b.c) [[Ghost]] ![[Pic.png]]' }), { width: 80, color: false });
  assert.deepEqual(b.links.map((l) => l.target.kind), ['unresolved', 'external', 'unresolved', 'unresolved']);
  assert.equal(b.links[3].label, 'Pic.png', 'an embed is a link, never inlined');
});

test('styling: unresolved links dim and marked "not in library", external links show their URL, internal links underlined', () => {
  const a = makeArticle({
    body: '[In](in) and [Out](https://out.example/x) and [https://same.example](https://same.example) and [[Ghost]].',
    linkTargets: new Map([['in', art('in')]]),
  });
  const plain = renderArticle(a, { width: 100, color: false }).plainLines[2];
  assert.equal(plain, 'In and Out (https://out.example/x) and https://same.example and Ghost (not in library).');
  const styled = renderArticle(a, { width: 100, color: true }).lines[2];
  assert.ok(styled.includes('\x1b[4;36mIn\x1b[0m'), styled);
  assert.ok(styled.includes('\x1b[4;34mOut\x1b[0m'), styled);
  assert.ok(/\x1b\[2mGhost(\x1b\[0m\x1b\[2m)? \(not in library\)\x1b\[0m/.test(styled), styled);
});

test('headings: recorded with level, line and GitHub slug; the line shows the heading text', () => {
  const a = makeArticle({ body: '# Intro\n\ntext\n\n## Fares & Times\n\n### Fares & Times\n\n#### Ünïcode Ω title\n' });
  const r = renderArticle(a, { width: 60, color: true });
  assert.deepEqual(
    r.headings.map((h) => [h.text, h.level, h.slug]),
    [['Intro', 1, 'intro'], ['Fares & Times', 2, 'fares--times'], ['Fares & Times', 3, 'fares--times-1'], ['Ünïcode Ω title', 4, 'ünïcode-ω-title']],
  );
  for (const h of r.headings) assert.equal(r.plainLines[h.line], h.text);
  assert.ok(!r.plainLines.some((l) => l.startsWith('#')));
  assert.ok(r.lines[r.headings[0].line].includes('\x1b[1;4;35m'), 'H1 bold, underlined, coloured');
  const real = renderArticle(ferry(), { width: 60, color: false });
  assert.deepEqual(real.headings.map((h) => h.text), ['Timetable and fares', 'Further notes']);
  for (const h of real.headings) assert.equal(real.plainLines[h.line], h.text);
});

const HOSTILE = [
  'Title \x1b]0;pwned\x07 here',
  '',
  'Clip \x1b]52;c;ZWNobyBoaQ==\x07 and clear \x1b[2J and entity &#27;[31m red &#x1b;]8;;http://x\x07 and &#155;2J',
  '',
  'C1 \u009b31m and bidi \u202eevil\u202c and \u2066iso\u2069 and DEL \x7f and BEL \x07.',
  '',
  '`code \x1b[2J &#27;` and [label \x1b[5m](https://e.x/\x1b[1m) and [[Ref\x1b[2J|lab\x1b]8;;\x07el]]',
  '',
  '```',
  'code block \x1b]52;c;AAAA\x07 \u009b2J',
  '```',
  '',
  '<div>html &#27;[2J block \x1b[2J</div>',
  '',
  '| a\x1b[2J | b |',
  '|---|---|',
  '| \u009b | &#x9b; |',
].join('\n');

test('safety: no control sequence from the article reaches the output', () => {
  const a = makeArticle({
    title: 'Evil \x1b]0;title\x07 \u202eTitle',
    section: ['Sec\x1b[2J', 'Two\u009b'],
    author: 'A\x07uthor',
    body: HOSTILE,
    related: [{ title: 'Rel \x1b[31m', target: missing('Rel \x1b[31m'), inBody: false }],
    previous: { title: 'Prev\x1b]52;c;x\x07', target: { kind: 'external', url: 'https://x/\x1b[2J' } },
    next: null,
  });
  for (const width of [5, 40, 80]) {
    const plain = renderArticle(a, { width, color: false });
    for (const l of plain.lines) assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(l), JSON.stringify(l));
    const styled = renderArticle(a, { width, color: true });
    assert.deepEqual(foreignControls(styled.lines), []);
    for (const l of styled.lines) for (const m of l.matchAll(/\x1b/g)) assert.match(l.slice(m.index), /^\x1b\[[0-9;]*m/);
    for (const link of styled.links) {
      const t = link.target;
      const s = JSON.stringify([link.label, t.kind === 'external' ? t.url : t.kind === 'unresolved' ? [t.ref, t.title] : '']);
      assert.ok(!/\\u001b|\\u009b/.test(s), s);
    }
    assert.deepEqual(overWidth(styled, width), []);
  }
  const text = renderArticle(a, { width: 200, color: false }).plainLines.join('\n');
  assert.match(text, /␛\]52;c;ZWNobyBoaQ==␇/, 'visible placeholders, not silent removal');
  assert.match(text, /entity ␛\[31m red/, 'entities decoded first, then cleaned');
  assert.match(text, /`?code ␛\[2J &#27;/, 'code spans are literal but cleaned');
  assert.match(text, /evil/);
});

test('a 20,000-line article renders completely: every line and every link', () => {
  // Speed is measured by `npm run bench`, not asserted here; this pins that nothing is dropped.
  const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} with [a link](https://e.x/${i}) and some words`).join('\n');
  const r = renderArticle(makeArticle({ body: lines }), { width: 80, color: true });
  assert.equal(r.links.length, 20_000);
  assert.match(r.plainLines.join('\n'), /line\s+19999\s+with\s+a\s+link/);
});

test('CJK, emoji and combining marks are measured in columns', () => {
  const a = makeArticle({ body: '中文'.repeat(40) + ' 🚢🚢 e\u0301e\u0301' });
  for (const width of [1, 2, 3, 7, 10]) {
    const r = renderArticle(a, { width, color: false });
    assert.deepEqual(overWidth(r, width), []);
  }
  const r = renderArticle(a, { width: 10, color: false });
  const first = r.plainLines.find((l) => l.includes('中'))!;
  assert.equal(stringWidth(first), 10);
  assert.equal(first, '中文中文中');
});

test('tables too wide to squeeze are stacked as "Header: value" rows', () => {
  const a = makeArticle({ body: '| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |' });
  const r = renderArticle(a, { width: 12, color: false });
  assert.deepEqual(overWidth(r, 12), []);
  assert.ok(r.plainLines.includes('A: 1'));
  const wide = renderArticle(a, { width: 60, color: false });
  assert.ok(wide.plainLines.includes('A │ B │ C │ D │ E │ F'));
});

test('a no-break space (NBSP) is never a place to break a line', () => {
  const distances = Array.from({ length: 12 }, (_, i) => `${i + 1}\u00a0km`);
  for (const width of [12, 16, 19, 20, 23, 31]) {
    const lines = renderBody(distances.join(' '), { width, color: false }).plainLines;
    for (const distance of distances) {
      assert.equal(lines.filter((line) => line.split(' ').includes(distance)).length, 1, `${JSON.stringify(distance)} whole on one line at width ${width}: ${JSON.stringify(lines)}`);
    }
    assert.ok(!lines.some((line) => line.startsWith('km')), `no line starts with the unit at width ${width}`);
  }
});

test('a date with a time is shown as YYYY-MM-DD HH:MM in the title block (the record keeps ISO 8601 for list --json)', () => {
  const article = makeArticle({ title: 'Ferry', section: ['World'], date: '2025-04-02T09:30:00+02:00', author: 'Staff reporter', body: 'Text.' });
  assert.equal(article.article.date, '2025-04-02T09:30:00+02:00');
  const r = renderArticle(article, { width: 80, color: false });
  assert.equal(r.plainLines[1], 'World · 2025-04-02 09:30 · Staff reporter');
});

test('an HTML table in Markdown shows its cells apart, never run together', async () => {
  const { renderBody } = await import('./helpers.js');
  const text = renderBody('<table>\n  <tr><td>v3</td><td>v4 and v5</td><th>v6</th></tr>\n</table>\n', { width: 80, color: false }).plainLines.join('\n');
  assert.match(text, /v3 v4 and v5 v6/);
});
