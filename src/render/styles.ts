// Styles are small integers, not SGR strings, so fragments compare and merge them cheaply
// and SGR is written once per style change at emit time: a bit set of attributes plus a
// foreground colour (its SGR code) in bits 8..15. STYLE keeps every look in one place.
import type { LinkTarget } from '../library/types.js';

export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const STRIKE = 16;
const INVERSE = 32;
const HIGHLIGHT_BG = 64;
const fg = (sgr: number): number => sgr << 8;
const GREEN = fg(32);
const YELLOW = fg(33);
const BLUE = fg(34);
const MAGENTA = fg(35);
const CYAN = fg(36);
const FG_MASK = 0xff00;

/** Combine two styles: flags OR-ed, the inner colour wins. */
export function mergeStyle(outer: number, inner: number): number {
  const colour = inner & FG_MASK ? inner & FG_MASK : outer & FG_MASK;
  return ((outer | inner) & ~FG_MASK) | colour;
}

/** The SGR sequence that switches to `style` from no style. */
export function sgr(style: number): string {
  const codes: number[] = [];
  if (style & BOLD) codes.push(1);
  if (style & DIM) codes.push(2);
  if (style & ITALIC) codes.push(3);
  if (style & UNDERLINE) codes.push(4);
  if (style & INVERSE) codes.push(7);
  if (style & STRIKE) codes.push(9);
  if (style & HIGHLIGHT_BG) codes.push(43);
  if (style & FG_MASK) codes.push((style & FG_MASK) >> 8);
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

export const STYLE = {
  title: BOLD,
  meta: DIM,
  h1: BOLD | UNDERLINE | MAGENTA,
  h2: BOLD | CYAN,
  h3: BOLD | GREEN,
  h4: BOLD,
  rule: DIM,
  strong: BOLD,
  em: ITALIC,
  del: STRIKE | DIM,
  code: YELLOW,
  codeMarker: DIM,
  quoteBar: DIM,
  html: DIM,
  image: DIM,
  listMarker: CYAN,
  linkArticle: CYAN | UNDERLINE,
  linkExternal: BLUE | UNDERLINE,
  linkUnresolved: DIM,
  urlSuffix: DIM,
  unresolvedSuffix: DIM,
  relatedNumber: BOLD | MAGENTA,
  /** `==text==`: black on yellow, as a highlighter pen. */
  highlight: HIGHLIGHT_BG | fg(30),
  calloutTitle: BOLD | CYAN,
  calloutBar: CYAN,
  footnoteMarker: CYAN,
  notesHeading: BOLD | CYAN,
} as const;

export function headingStyle(level: number): number {
  return level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : level === 3 ? STYLE.h3 : STYLE.h4;
}

export function linkStyle(t: LinkTarget): number {
  if (t.kind === 'article') return STYLE.linkArticle;
  if (t.kind === 'external' || t.kind === 'attachment') return STYLE.linkExternal;
  return STYLE.linkUnresolved;
}
