// The article renderer: Markdown tokens (marked's lexer, with the library's wikilink
// extension) laid out into lines at a width by our own block layout. marked-terminal is
// not used: every block it renders breaks a promise (lists/tables/code/HTML overflow,
// paragraphs wrap by UTF-16 length so CJK overflows, links may emit OSC 8, hr reads
// process.stdout.columns, `:emoji:` rewriting), and importing it loads highlight.js.
//
// Built from its dependencies (createRenderer) so tests can run it before the library
// modules exist; renderArticle.ts wires in the real ones.
import { Marked, type MarkedExtension } from 'marked';
import type { Article, LinkTarget } from '../library/types.js';
import type { RenderedArticle, RenderOptions } from './types.js';
import { sanitizeText, expandTabs } from './sanitizeText.js';
import { clean, cleanLine, collapse } from './cleanText.js';
import { plainInline, plainPrefix } from './plainInline.js';
import type { Ctx, LinkInfo, RenderDeps, Tok } from './renderContext.js';
import { emit } from './emitLines.js';
import { cellWidth } from './textWidth.js';
import { type Frag, type Line, alignLine, emptyLine, frag, hardWrap, lineOf, prefixLines, pushAll, ruleLine } from './lines.js';
import { type Atom, isBreak, measureAtoms, wrapAtoms } from './wrapAtoms.js';
import { BOLD, DIM, STYLE, headingStyle, linkStyle } from './styles.js';
import { addLink, linkSuffix } from './links.js';
import { inlineAtoms } from './inlineAtoms.js';
import { layoutHtmlBlock } from './htmlText.js';

const MAX_DEPTH = 64;

// ---- blocks ----
function layoutBlocks(tokens: Tok[] | undefined, width: number, ctx: Ctx, tight: boolean): Line[] {
  const out: Line[] = [];
  if (!tokens) return out;
  let lead: Atom[] = [];
  for (const t of tokens) {
    if (t.type === 'checkbox') {
      lead.push({ text: t.checked ? '[x] ' : '[ ] ', style: STYLE.listMarker, link: -1 });
      continue;
    }
    const lines = layoutBlock(t, width, ctx, lead);
    lead = [];
    if (lines.length === 0) continue;
    if (out.length && !tight) out.push(emptyLine());
    pushAll(out, lines);
  }
  if (lead.length) {
    if (out.length && !tight) out.push(emptyLine());
    pushAll(out, wrapAtoms(lead, width));
  }
  return out;
}

function layoutBlock(t: Tok, width: number, ctx: Ctx, lead: Atom[]): Line[] {
  if (ctx.depth > MAX_DEPTH) {
    // Pathological nesting: flatten what is left to plain text.
    return wrapAtoms([{ text: clean(String(t.raw ?? t.text ?? '')), style: 0, link: -1 }], width);
  }
  ctx.depth++;
  try {
    return layoutBlockInner(t, width, ctx, lead);
  } finally {
    ctx.depth--;
  }
}

function layoutBlockInner(t: Tok, width: number, ctx: Ctx, lead: Atom[]): Line[] {
  switch (t.type) {
    case 'space':
    case 'def':
      return [];
    case 'paragraph':
    case 'text': {
      const atoms: Atom[] = [...lead];
      const wasRelated = ctx.inRelated;
      if (t.type === 'paragraph' || Array.isArray(t.tokens)) {
        ctx.inRelated = ctx.deps.startsWithRelatedOpener(collapse(plainPrefix(t.tokens)));
      }
      try {
        if (Array.isArray(t.tokens)) inlineAtoms(t.tokens, 0, ctx, atoms, -1);
        else atoms.push({ text: clean(t.text), style: 0, link: -1 });
      } finally {
        ctx.inRelated = wasRelated;
      }
      return wrapAtoms(atoms, width);
    }
    case 'heading':
      return layoutHeading(t.tokens, Number(t.depth) || 1, width, ctx);
    case 'code':
      return layoutCode(String(t.text ?? ''), width);
    case 'blockquote': {
      if (width < 4) return layoutBlocks(t.tokens, width, ctx, false);
      const inner = layoutBlocks(t.tokens, width - 2, ctx, false);
      const bar = [frag('│ ', STYLE.quoteBar)];
      return prefixLines(inner, bar, bar);
    }
    case 'list':
      return layoutList(t, width, ctx);
    case 'table':
      return layoutTable(t, width, ctx);
    case 'hr':
      return [ruleLine(width)];
    case 'html':
      return layoutHtmlBlock(String(t.text ?? t.raw ?? ''), width);
    default:
      if (Array.isArray(t.tokens)) {
        const atoms: Atom[] = [...lead];
        inlineAtoms(t.tokens, 0, ctx, atoms, -1);
        return wrapAtoms(atoms, width);
      }
      if (typeof t.text === 'string' && t.text !== '') return wrapAtoms([{ text: clean(t.text), style: 0, link: -1 }], width);
      return [];
  }
}

function layoutHeading(tokens: Tok[] | undefined, level: number, width: number, ctx: Ctx): Line[] {
  const style = headingStyle(level);
  const atoms: Atom[] = [];
  inlineAtoms(tokens, style, ctx, atoms, -1);
  const lines = wrapAtoms(atoms, width);
  lines[0].heading = { text: collapse(plainInline(tokens)), level };
  if (level <= 2) {
    let w = 0;
    for (const l of lines) w = Math.max(w, l.w);
    lines.push(ruleLine(Math.min(width, Math.max(1, w)), level === 1 ? '═' : '─'));
  }
  return lines;
}

/** Code: no highlighting; indented 2; long lines wrapped, continuation lines marked `↪`. */
function layoutCode(text: string, width: number): Line[] {
  const out: Line[] = [];
  const src = text.replace(/\n+$/, '');
  const indent = width >= 6 ? 2 : 0;
  const inner = width - indent;
  for (const raw of src.split('\n')) {
    const line = sanitizeText(expandTabs(raw));
    const parts = hardWrap(line, STYLE.code, inner);
    if (indent) prefixLines(parts, [frag('  ')], [frag('↪ ', STYLE.codeMarker)]);
    pushAll(out, parts);
  }
  return out;
}

const BULLETS = ['•', '◦', '▪'];

function layoutList(t: Tok, width: number, ctx: Ctx): Line[] {
  const items: Tok[] = Array.isArray(t.items) ? t.items : [];
  const ordered = !!t.ordered;
  const start = Number.isFinite(Number(t.start)) && t.start !== '' ? Number(t.start) : 1;
  const markers = items.map((_, i) => (ordered ? `${start + i}.` : BULLETS[ctx.listDepth % BULLETS.length]));
  let mw = 0;
  for (const m of markers) mw = Math.max(mw, cellWidth(m));
  mw += 1;
  const out: Line[] = [];
  const loose = !!t.loose || items.some((it) => it.loose);
  ctx.listDepth++;
  try {
    items.forEach((item, i) => {
      const m = ordered ? markers[i].padStart(mw - 1) : markers[i];
      if (loose && i > 0) out.push(emptyLine());
      if (width - mw >= 2) {
        const body = layoutBlocks(item.tokens, width - mw, ctx, !item.loose);
        if (body.length === 0) body.push(emptyLine());
        prefixLines(body, [frag(m.padEnd(mw), STYLE.listMarker)], [frag(' '.repeat(mw))]);
        pushAll(out, body);
      } else {
        // Too narrow to indent: the marker on its own line, the item below it.
        pushAll(out, hardWrap(m, STYLE.listMarker, width));
        pushAll(out, layoutBlocks(item.tokens, width, ctx, !item.loose));
      }
    });
  } finally {
    ctx.listDepth--;
  }
  return out;
}

function layoutTable(t: Tok, width: number, ctx: Ctx): Line[] {
  const header: Tok[] = Array.isArray(t.header) ? t.header : [];
  const rows: Tok[][] = Array.isArray(t.rows) ? t.rows : [];
  const n = Math.max(header.length, ...rows.map((r) => r.length));
  if (n === 0) return [];
  const align: (string | null)[] = Array.isArray(t.align) ? t.align : [];
  const cellAtoms = (cell: Tok | undefined, style: number): Atom[] => {
    const atoms: Atom[] = [];
    if (cell) inlineAtoms(cell.tokens, style, ctx, atoms, -1);
    return atoms;
  };
  // Lay out cells once, in reading order (row by row), so links are numbered in that order.
  const grid: Atom[][][] = [header.map((c) => cellAtoms(c, BOLD)), ...rows.map((r) => r.map((c) => cellAtoms(c, 0)))];
  const natural = new Array<number>(n).fill(1);
  const minimum = new Array<number>(n).fill(1);
  for (const row of grid) {
    row.forEach((atoms, j) => {
      const m = measureAtoms(atoms);
      natural[j] = Math.max(natural[j], m.natural);
      minimum[j] = Math.max(minimum[j], m.longestWord);
    });
  }
  const SEP = ' │ ';
  const avail = width - 3 * (n - 1);
  if (avail < 3 * n) return layoutTableStacked(grid, n, width);
  const widths = columnWidths(natural, minimum, avail);
  const out: Line[] = [];
  const sepFrag = frag(SEP, STYLE.rule);
  grid.forEach((row, r) => {
    const cells = widths.map((w, j) => wrapAtoms(row[j] ?? [], w));
    const h = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < h; k++) {
      const frags: Frag[] = [];
      widths.forEach((w, j) => {
        if (j > 0) frags.push(sepFrag);
        const a = align[j];
        const cellLine = cells[j][k] ?? emptyLine();
        const padded = j === n - 1 && (a == null || a === 'left') ? cellLine : alignLine(cellLine, w, (a as 'left' | 'right' | 'center' | null) ?? null);
        for (const f of padded.frags) frags.push(f);
      });
      out.push(lineOf(frags));
    }
    if (r === 0) out.push(lineOf([frag(widths.map((w) => '─'.repeat(w)).join('─┼─'), STYLE.rule)]));
  });
  return out;
}

/**
 * Column widths summing to at most `avail` (each ≥ 1): natural widths when they fit;
 * else every column gets its longest word and the rest goes to the columns that want
 * more, in proportion to what they lack; else (words must break) a fair water-filling.
 */
export function columnWidths(natural: number[], minimum: number[], avail: number): number[] {
  const n = natural.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= avail) return natural.slice();
  const mins = minimum.map((m, j) => Math.min(m, natural[j]));
  if (sum(mins) <= avail) {
    const widths = mins.slice();
    let rem = avail - sum(widths);
    const deficit = natural.map((nat, j) => nat - widths[j]);
    const total = sum(deficit);
    if (total > 0) {
      const extra = deficit.map((d) => Math.floor((rem * d) / total));
      extra.forEach((e, j) => (widths[j] += e));
      rem -= sum(extra);
      const order = [...deficit.keys()].sort((a, b) => natural[b] - widths[b] - (natural[a] - widths[a]));
      for (const j of order) {
        if (rem <= 0) break;
        if (widths[j] < natural[j]) {
          widths[j]++;
          rem--;
        }
      }
    }
    return widths;
  }
  const widths = new Array<number>(n).fill(0);
  const order = [...natural.keys()].sort((a, b) => natural[a] - natural[b]);
  let remaining = avail;
  order.forEach((j, k) => {
    const share = Math.floor(remaining / (n - k));
    widths[j] = Math.max(1, Math.min(natural[j], share));
    remaining -= widths[j];
  });
  return widths;
}

/** A table too wide even squeezed: each row as "Header: value" lines. */
function layoutTableStacked(grid: Atom[][][], n: number, width: number): Line[] {
  const out: Line[] = [];
  const head = grid[0];
  for (let r = 1; r < grid.length; r++) {
    if (r > 1) out.push(ruleLine(Math.min(width, 3)));
    for (let j = 0; j < n; j++) {
      const atoms: Atom[] = [...(head[j] ?? []), { text: ': ', style: BOLD, link: -1 }, ...(grid[r][j] ?? [])];
      pushAll(out, wrapAtoms(atoms, width));
    }
  }
  if (grid.length === 1) for (let j = 0; j < n; j++) pushAll(out, wrapAtoms(head[j] ?? [], width));
  return out;
}

// ---- the article ----
function titleBlock(article: Article, width: number): Line[] {
  const out = wrapAtoms([{ text: collapse(cleanLine(article.title)) || collapse(cleanLine(article.id)), style: STYLE.title, link: -1 }], width);
  const meta = [article.section.map((s) => collapse(cleanLine(s))).filter(Boolean).join(' › '), article.date, article.author]
    .map((p) => collapse(cleanLine(p ?? '')))
    .filter((p) => p !== '');
  if (meta.length) pushAll(out, wrapAtoms([{ text: meta.join(' · '), style: STYLE.meta, link: -1 }], width));
  return out;
}

function footerLink(ctx: Ctx, info: LinkInfo, before: Atom[], after: Atom[], width: number, hang: number): Line[] {
  const L = addLink(ctx, info);
  const atoms: Atom[] = [{ text: info.label, style: linkStyle(info.target), link: L }];
  linkSuffix(ctx, info, 0, atoms, false);
  for (const a of after) atoms.push(a);
  if (hang > 0 && width - hang >= 8) {
    const lines = wrapAtoms(atoms, width - hang);
    const first: Frag[] = [];
    for (const a of before) if (!isBreak(a)) first.push(frag(a.text, a.style, a.link));
    return prefixLines(lines, first, [frag(' '.repeat(hang))]);
  }
  return wrapAtoms([...before, ...atoms], width);
}

function titleOf(l: { title: string; target: LinkTarget }): string {
  const t = collapse(cleanLine(l.title));
  if (t) return t;
  const tg = l.target;
  return collapse(cleanLine(tg.kind === 'article' ? tg.id : tg.kind === 'external' ? tg.url : tg.title || tg.ref)) || '?';
}

function relatedAndFooter(ctx: Ctx, width: number): Line[] {
  const a = ctx.article;
  const out: Line[] = [];
  if (a.related.length) {
    out.push(...wrapAtoms([{ text: 'Related reading', style: STYLE.h2, link: -1 }], width));
    out.push(ruleLine(Math.min(width, 15)));
    a.related.forEach((r, i) => {
      const n = i + 1;
      const marker = `[${n}] `;
      const info: LinkInfo = { label: titleOf(r), target: r.target, role: 'related', number: n };
      pushAll(out, footerLink(ctx, info, [{ text: marker, style: STYLE.relatedNumber, link: -1 }], [], width, cellWidth(marker)));
    });
  }
  if (a.previous || a.next) {
    if (out.length) out.push(emptyLine());
    out.push(ruleLine(width));
    if (a.previous) {
      const info: LinkInfo = { label: titleOf(a.previous), target: a.previous.target, role: 'previous' };
      pushAll(out, footerLink(ctx, info, [{ text: '← Previous: ', style: DIM, link: -1 }], [], width, 0));
    }
    if (a.next) {
      const info: LinkInfo = { label: titleOf(a.next), target: a.next.target, role: 'next' };
      pushAll(out, footerLink(ctx, info, [{ text: 'Next: ', style: DIM, link: -1 }], [{ text: ' →', style: DIM, link: -1 }], width, 0));
    }
  }
  return out;
}

function sameTitle(a: string, b: string): boolean {
  const n = (s: string) => collapse(s).toLowerCase();
  return n(a) === n(b);
}

export type RenderFn = (article: Article, options: RenderOptions) => RenderedArticle;

export function createRenderer(deps: RenderDeps): RenderFn {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({ extensions: [deps.wikilinkExtension] } as MarkedExtension);

  // Re-rendering the same body at another width (a resize) skips lexing.
  let lastBody: string | null = null;
  let lastTokens: Tok[] = [];
  const lex = (body: string): Tok[] => {
    if (body === lastBody) return lastTokens;
    let tokens: Tok[];
    try {
      tokens = marked.lexer(body) as unknown as Tok[];
    } catch {
      // Never fail on bad input: fall back to the text as paragraphs.
      tokens = body.split(/\n{2,}/).map((p) => ({ type: 'paragraph', text: p, raw: p }));
    }
    lastBody = body;
    lastTokens = tokens;
    return tokens;
  };

  return function renderArticle(article: Article, options: RenderOptions): RenderedArticle {
    const width = Math.max(1, Math.floor(Number(options.width) || 80));
    const relatedNumbers = new Map<string, number>();
    article.related.forEach((r, i) => {
      const k = deps.targetKey(r.target);
      if (!relatedNumbers.has(k)) relatedNumbers.set(k, i + 1);
    });
    const ctx: Ctx = { article, deps, links: [], relatedNumbers, inRelated: false, listDepth: 0, depth: 0 };

    let tokens = lex(typeof article.body === 'string' ? article.body : '');
    // The body's own first `# Title` repeats the title block: skip it.
    const firstIdx = tokens.findIndex((t) => t.type !== 'space');
    if (firstIdx >= 0) {
      const f = tokens[firstIdx];
      if (f.type === 'heading' && f.depth === 1 && sameTitle(plainInline(f.tokens), cleanLine(article.title))) {
        tokens = tokens.slice(firstIdx + 1);
      }
    }

    const all: Line[] = titleBlock(article, width);
    const body = layoutBlocks(tokens, width, ctx, false);
    if (body.length) {
      all.push(emptyLine());
      pushAll(all, body);
    }
    const footer = relatedAndFooter(ctx, width);
    if (footer.length) {
      all.push(emptyLine());
      pushAll(all, footer);
    }
    return emit(all, ctx, width, options.color !== false);
  };
}
