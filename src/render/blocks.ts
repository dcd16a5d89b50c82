// Block layout: each Markdown block (paragraph, heading, list, code, blockquote, rule,
// table, HTML) laid out into lines at a width, nested blocks inside their indent.
import { startsWithRelatedOpener } from '../library/relatedOpeners.js';
import { expandTabs, sanitizeText } from '../text/sanitize.js';
import { cleanText } from '../text/clean.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { cellWidth } from '../text/width.js';
import { plainInline, plainPrefix } from './plainInline.js';
import { emptyLine, frag, hardWrap, hardWrapRuns, prefixLines, pushAll, ruleLine, type Line } from './lines.js';
import { type Atom, isBreak, wrapAtoms } from './wrapAtoms.js';
import { STYLE, headingStyle, mergeStyle, roleStyle } from './styles.js';
import type { CodeRun } from './types.js';
import { inlineAtoms } from './inlineAtoms.js';
import { standaloneAnchor, takeTrailingAnchor } from './blockAnchors.js';
import { layoutTable } from './tables.js';
import { layoutHtmlBlock, preText } from './htmlText.js';
import type { Token, Tokens } from 'marked';
import { bodyTokens, footnoteBlock, footnoteNumber, type BodyToken, type Ctx, type VaultNode } from './renderContext.js';

const MAX_DEPTH = 64;
/**
 * Quotes and lists stop indenting when their text would get narrower than this: deep nesting
 * (up to the library's cap, 32 levels) then reads at this width instead of a column or two.
 */
const MIN_NESTED_WIDTH = 16;

export function layoutBlocks(tokens: readonly Token[] | undefined, width: number, ctx: Ctx, tight: boolean): Line[] {
  const out: Line[] = [];
  let lead: Atom[] = [];
  let lastStart = -1;
  for (const t of bodyTokens(tokens)) {
    if (t.type === 'checkbox') {
      lead.push({ text: t.checked ? '[x] ' : '[ ] ', style: STYLE.listMarker, link: -1 });
      continue;
    }
    const alone = standaloneAnchor(t);
    if (alone !== null && lastStart >= 0) {
      // `^id` under a list, table or quote: the id of the block above.
      out[lastStart].anchor ??= alone;
      continue;
    }
    const lines = layoutBlock(t, width, ctx, lead);
    lead = [];
    if (lines.length === 0) continue;
    // Only top-level tokens have a line (tokenLines): nested blocks skip the lookup.
    const source = ctx.depth === 0 ? ctx.tokenLines?.get(t) : undefined;
    // A fenced code block shows from its first line of code, the line after the fence.
    if (source !== undefined) lines[0].source ??= t.type === 'code' && /^ {0,3}(`{3,}|~{3,})/.test(t.raw) ? source + 1 : source;
    if (out.length && !tight) out.push(emptyLine());
    lastStart = out.length;
    pushAll(out, lines);
  }
  if (lead.length) {
    if (out.length && !tight) out.push(emptyLine());
    pushAll(out, wrapAtoms(lead, width));
  }
  return out;
}

function layoutBlock(t: BodyToken, width: number, ctx: Ctx, lead: Atom[]): Line[] {
  if (ctx.depth > MAX_DEPTH) {
    // Pathological nesting: flatten what is left to plain text.
    return wrapAtoms([{ text: cleanText(t.raw), style: 0, link: -1 }], width);
  }
  ctx.depth++;
  try {
    return layoutBlockInner(t, width, ctx, lead);
  } finally {
    ctx.depth--;
  }
}

function layoutBlockInner(t: BodyToken, width: number, ctx: Ctx, lead: Atom[]): Line[] {
  switch (t.type) {
    case 'space':
    case 'def':
    case 'comment':
    case 'footnoteDef': // listed under "Notes" at the end (layoutNotes)
      return [];
    case 'math':
      return layoutCode(t.text, width);
    case 'callout':
      return layoutCallout(t, width, ctx);
    case 'paragraph':
    case 'text': {
      const atoms: Atom[] = [...lead];
      const wasRelated = ctx.inRelated;
      if (t.tokens) {
        // Not collapsed first: the opener test takes any run of spaces itself, as in the
        // library's scan, and collapsing every paragraph's text cost more than the test.
        ctx.inRelated = startsWithRelatedOpener(plainPrefix(t.tokens));
      }
      try {
        if (t.tokens) inlineAtoms(t.tokens, 0, ctx, atoms, -1);
        else atoms.push({ text: cleanText(t.text), style: 0, link: -1 });
      } finally {
        ctx.inRelated = wasRelated;
      }
      const anchor = takeTrailingAnchor(t.raw, atoms);
      const lines = wrapAtoms(atoms, width);
      if (anchor !== null && lines.length > 0) lines[0].anchor = anchor;
      return lines;
    }
    case 'heading':
      return layoutHeading(t.tokens, t.depth || 1, width, ctx);
    case 'code':
      return layoutCode(t.text, width, t.lang ? codeRuns(t.text, t.lang, ctx) : null);
    case 'blockquote': {
      if (width - 2 < MIN_NESTED_WIDTH) return layoutBlocks(t.tokens, width, ctx, false);
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
    case 'html': {
      const pre = preText(t.text);
      return pre !== null ? layoutCode(pre, width) : layoutHtmlBlock(t.text, width);
    }
    default:
      // Inline tokens met at block level (marked gives them in some list items).
      if ('tokens' in t && t.tokens) {
        const atoms: Atom[] = [...lead];
        inlineAtoms(t.tokens, 0, ctx, atoms, -1);
        return wrapAtoms(atoms, width);
      }
      if ('text' in t && t.text !== '') return wrapAtoms([{ text: cleanText(t.text), style: 0, link: -1 }], width);
      return [];
  }
}

/** A callout: its title (or its type's name) as a header line, the body below, behind a bar. */
function layoutCallout(t: Extract<VaultNode, { type: 'callout' }>, width: number, ctx: Ctx): Line[] {
  const indent = width - 2 >= MIN_NESTED_WIDTH;
  const inner = indent ? width - 2 : width;
  const header: Atom[] = [];
  inlineAtoms(t.titleTokens, STYLE.calloutTitle, ctx, header, -1);
  if (!header.some((a) => !isBreak(a) && a.text.trim() !== '')) {
    header.length = 0;
    header.push({ text: t.calloutType.charAt(0).toUpperCase() + t.calloutType.slice(1), style: STYLE.calloutTitle, link: -1 });
  }
  const lines = wrapAtoms(header, inner);
  pushAll(lines, layoutBlocks(t.tokens, inner, ctx, false));
  if (!indent) return lines;
  const bar = [frag('┃ ', STYLE.calloutBar)];
  return prefixLines(lines, bar, bar);
}

/**
 * The footnotes' definitions under a "Notes" heading, in number order (the order they are first
 * referred to), then any never referred to; each definition's first line is its block (a marker links to it).
 */
export function layoutNotes(width: number, ctx: Ctx): Line[] {
  const notes = ctx.footnotes;
  if (notes.defs.size === 0) return [];
  const out = layoutHeading([{ type: 'text', text: 'Notes', raw: 'Notes' }], 2, width, ctx);
  const unreferenced = [...notes.defs.keys()];
  for (let i = 0; ; i++) {
    if (i >= notes.order.length) {
      const next = unreferenced.find((id) => !notes.order.includes(id));
      if (next === undefined) break;
      footnoteNumber(notes, next);
    }
    const id = notes.order[i];
    const marker = `${i + 1}. `;
    const mw = cellWidth(marker);
    const body = layoutBlocks(notes.defs.get(id), Math.max(1, width - mw), ctx, false);
    if (body.length === 0) body.push(emptyLine());
    prefixLines(body, [frag(marker, STYLE.footnoteMarker)], [frag(' '.repeat(mw))]);
    body[0].anchor = footnoteBlock(id);
    pushAll(out, body);
  }
  return out;
}

/** Every footnote definition of a body, by label (the first one written wins), found in its blocks. */
export function collectFootnotes(tokens: readonly Token[], defs: Map<string, readonly Token[]>): void {
  for (const t of bodyTokens(tokens)) {
    if (t.type === 'footnoteDef') {
      if (!defs.has(t.id)) defs.set(t.id, t.tokens);
    } else if (t.type === 'blockquote' || t.type === 'callout' || t.type === 'list_item') collectFootnotes(t.tokens, defs);
    else if (t.type === 'list') collectFootnotes(t.items, defs);
  }
}

function layoutHeading(tokens: readonly Token[], level: number, width: number, ctx: Ctx): Line[] {
  const style = headingStyle(level);
  const atoms: Atom[] = [];
  inlineAtoms(tokens, style, ctx, atoms, -1);
  const lines = wrapAtoms(atoms, width);
  lines[0].heading = { text: collapseWhitespace(plainInline(tokens)), level };
  if (level <= 2) {
    let w = 0;
    for (const l of lines) w = Math.max(w, l.w);
    lines.push(ruleLine(Math.min(width, Math.max(1, w)), level === 1 ? '═' : '─'));
  }
  return lines;
}

/**
 * Fenced code's lines as highlighted runs, or null (no highlighter given, unknown language). The
 * code is cleaned (tabs expanded, controls removed) before it is highlighted, and each run again
 * after, so nothing reaches the terminal that the plain layout would not show.
 */
function codeRuns(text: string, lang: string, ctx: Ctx): CodeRun[][] | null {
  const language = /^\S*/.exec(lang)![0];
  if (language === '') return null;
  if (!ctx.highlight) {
    ctx.plainCode = true;
    return null;
  }
  const clean = text.replace(/\n+$/, '').split('\n').map((raw) => sanitizeText(expandTabs(raw))).join('\n');
  const lines = ctx.highlight(clean, language);
  return lines ? lines.map((runs) => runs.map((run) => ({ text: sanitizeText(run.text), role: run.role }))) : null;
}

/** Code: indented 2; long lines wrapped, continuation lines marked `↪`; highlighted runs when given. */
function layoutCode(text: string, width: number, highlighted: CodeRun[][] | null = null): Line[] {
  const out: Line[] = [];
  const src = text.replace(/\n+$/, '');
  const indent = width >= 6 ? 2 : 0;
  const inner = width - indent;
  const rawLines = src.split('\n');
  for (let i = 0; i < rawLines.length; i++) {
    const runs = highlighted?.[i];
    const parts = runs ? hardWrapRuns(runs.map((run) => ({ text: run.text, style: run.role ? mergeStyle(STYLE.code, roleStyle(run.role)) : STYLE.code })), inner) : hardWrap(sanitizeText(expandTabs(rawLines[i])), STYLE.code, inner);
    if (indent) prefixLines(parts, [frag('  ')], [frag('↪ ', STYLE.codeMarker)]);
    pushAll(out, parts);
  }
  return out;
}

const BULLETS = ['•', '◦', '▪'];

function layoutList(t: Tokens.List, width: number, ctx: Ctx): Line[] {
  const items = t.items;
  const ordered = t.ordered;
  const start = t.start === '' ? 1 : t.start;
  const markers = items.map((_, i) => (ordered ? `${start + i}.` : BULLETS[ctx.listDepth % BULLETS.length]));
  let mw = 0;
  for (const m of markers) mw = Math.max(mw, cellWidth(m));
  mw += 1;
  const out: Line[] = [];
  const loose = t.loose || items.some((it) => it.loose);
  ctx.listDepth++;
  try {
    items.forEach((item, i) => {
      const m = ordered ? markers[i].padStart(mw - 1) : markers[i];
      if (loose && i > 0) out.push(emptyLine());
      if (width - mw >= Math.min(MIN_NESTED_WIDTH, width - 1) && width - mw >= 2) {
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
