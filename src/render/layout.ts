// Line layout on styled fragments, not ANSI strings: every fragment knows its style, the
// link it belongs to and its width, so wrapping is exact (string-width, graphemes kept
// whole) and link spans fall out of the final columns without any marker characters.
import { cellWidth, graphemes, isPrintableAscii } from './textWidth.js';

// ---- styles: a bit set plus a foreground colour (SGR code) in bits 8..15 ----
export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const STRIKE = 16;
export const INVERSE = 32;
export const fg = (sgr: number): number => sgr << 8;
export const RED = fg(31);
export const GREEN = fg(32);
export const YELLOW = fg(33);
export const BLUE = fg(34);
export const MAGENTA = fg(35);
export const CYAN = fg(36);
const FG_MASK = 0xff00;

/** Combine two styles: flags OR-ed, the inner colour wins. */
export function mergeStyle(outer: number, inner: number): number {
  const colour = inner & FG_MASK ? inner & FG_MASK : outer & FG_MASK;
  return ((outer | inner) & ~FG_MASK) | colour;
}

const sgrCache = new Map<number, string>();
export function sgr(style: number): string {
  let s = sgrCache.get(style);
  if (s !== undefined) return s;
  const codes: number[] = [];
  if (style & BOLD) codes.push(1);
  if (style & DIM) codes.push(2);
  if (style & ITALIC) codes.push(3);
  if (style & UNDERLINE) codes.push(4);
  if (style & INVERSE) codes.push(7);
  if (style & STRIKE) codes.push(9);
  if (style & FG_MASK) codes.push((style & FG_MASK) >> 8);
  s = codes.length ? `\x1b[${codes.join(';')}m` : '';
  sgrCache.set(style, s);
  return s;
}

// ---- fragments and lines ----
export interface Frag {
  text: string;
  style: number;
  /** Index of the link this text belongs to, or -1. */
  link: number;
  /** Visible width of text. */
  w: number;
}

export interface HeadingMark {
  text: string;
  level: number;
}

export interface Line {
  frags: Frag[];
  w: number;
  heading?: HeadingMark;
}

export function frag(text: string, style = 0, link = -1): Frag {
  return { text, style, link, w: cellWidth(text) };
}

export function emptyLine(): Line {
  return { frags: [], w: 0 };
}

export function lineOf(frags: Frag[]): Line {
  let w = 0;
  for (const f of frags) w += f.w;
  return { frags, w };
}

/** Put `first` in front of the first line and `rest` in front of the others. */
export function prefixLines(lines: Line[], first: Frag[], rest: Frag[]): Line[] {
  for (let i = 0; i < lines.length; i++) {
    const p = i === 0 ? first : rest;
    if (p.length === 0) continue;
    const line = lines[i];
    let pw = 0;
    for (const f of p) pw += f.w;
    line.frags = line.frags.length ? [...p, ...line.frags] : p.slice();
    line.w += pw;
  }
  return lines;
}

// ---- inline atoms and wrapping ----
/** Inline content before wrapping: text with style/link, or a hard line break. */
export type Atom = { text: string; style: number; link: number } | { br: true };

export function isBreak(a: Atom): a is { br: true } {
  return (a as { br?: true }).br === true;
}

interface Word {
  frags: Frag[];
  w: number;
  /** What separates it from the previous word: a space fragment, or null (break allowed, no space). */
  sep: Frag | null;
  hard?: boolean;
}

// Breakable whitespace. NBSP (U+00A0) and other no-break spaces are deliberately absent.
const SPACES = /[ \n\r\f\v\u1680\u2000-\u200a\u205f\u3000]+/;
const SPACES_SPLIT = /([ \n\r\f\v\u1680\u2000-\u200a\u205f\u3000]+)/;

function pushText(word: Word, text: string, style: number, link: number, w: number): void {
  const last = word.frags[word.frags.length - 1];
  if (last && last.style === style && last.link === link) {
    last.text += text;
    last.w += w;
  } else {
    word.frags.push({ text, style, link, w });
  }
  word.w += w;
}

function toWords(atoms: Atom[]): Word[] {
  const words: Word[] = [];
  let cur: Word | null = null;
  let pendingSep: Frag | null = null;
  let sawSpace = false;
  const finish = () => {
    if (cur && cur.frags.length) words.push(cur);
    cur = null;
  };
  const start = (): Word => {
    if (!cur) {
      cur = { frags: [], w: 0, sep: sawSpace ? pendingSep : null };
      pendingSep = null;
      sawSpace = false;
    }
    return cur;
  };
  for (const a of atoms) {
    if (isBreak(a)) {
      finish();
      words.push({ frags: [], w: 0, sep: null, hard: true });
      pendingSep = null;
      sawSpace = false;
      continue;
    }
    if (a.text === '') continue;
    const parts = SPACES.test(a.text) ? a.text.split(SPACES_SPLIT) : [a.text];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p === '') continue;
      if (i % 2 === 1) {
        // whitespace: ends the current word
        finish();
        if (!sawSpace) {
          sawSpace = true;
          pendingSep = { text: ' ', style: a.style, link: a.link, w: 1 };
        }
        continue;
      }
      if (isPrintableAscii(p)) {
        pushText(start(), p, a.style, a.link, p.length);
        continue;
      }
      // Non-ASCII: wide characters (CJK) are break opportunities on both sides.
      for (const g of graphemes(p)) {
        const gw = cellWidth(g);
        if (gw >= 2) {
          finish();
          const wd = start();
          pushText(wd, g, a.style, a.link, gw);
          finish();
        } else {
          pushText(start(), g, a.style, a.link, gw);
        }
      }
    }
  }
  finish();
  return words;
}

function splitFrag(f: Frag): Frag[] {
  // Per grapheme, for breaking a word longer than the line.
  const out: Frag[] = [];
  for (const g of graphemes(f.text)) out.push({ text: g, style: f.style, link: f.link, w: cellWidth(g) });
  return out;
}

/**
 * Wrap inline atoms into lines of at most `width` columns. Whitespace runs collapse to
 * one space; a line never starts or ends with a wrapped-away space; a word longer than
 * the line is broken between graphemes; a grapheme wider than the whole line (a CJK
 * character at width 1) is shown as `…`.
 */
export function wrapAtoms(atoms: Atom[], width: number): Line[] {
  const width1 = Math.max(1, width);
  const words = toWords(atoms);
  const lines: Line[] = [];
  let line: Line = emptyLine();
  let lastLink = -1;
  const newline = () => {
    lines.push(line);
    line = emptyLine();
    lastLink = -1;
  };
  const put = (f: Frag) => {
    const last = line.frags[line.frags.length - 1];
    if (last && last.style === f.style && last.link === f.link) {
      line.frags[line.frags.length - 1] = { text: last.text + f.text, style: f.style, link: f.link, w: last.w + f.w };
    } else {
      line.frags.push(f);
    }
    line.w += f.w;
    lastLink = f.link;
  };
  for (const word of words) {
    if (word.hard) {
      newline();
      continue;
    }
    const first = word.frags[0];
    // A space belongs to a link only when the link continues on both sides of it.
    let sep: Frag | null = null;
    if (word.sep && line.w > 0) {
      const s = word.sep;
      sep = s.link >= 0 && s.link === lastLink && first.link === s.link ? s : { text: ' ', style: s.link >= 0 ? 0 : s.style, link: -1, w: 1 };
    }
    const sepW = sep ? 1 : 0;
    if (line.w + sepW + word.w <= width1) {
      if (sep) put(sep);
      for (const f of word.frags) put(f);
      continue;
    }
    if (line.w > 0) newline();
    if (word.w <= width1) {
      for (const f of word.frags) put(f);
      continue;
    }
    // Longer than a whole line: break between graphemes.
    for (const f of word.frags) {
      for (const g of splitFrag(f)) {
        let gf = g;
        if (gf.w > width1) gf = { text: '…', style: g.style, link: g.link, w: 1 };
        if (line.w + gf.w > width1) newline();
        put(gf);
      }
    }
  }
  if (line.frags.length || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Hard-wrap one preformatted line (code): spaces kept, broken between graphemes.
 * Returns at least one line.
 */
export function hardWrap(text: string, style: number, width: number): Line[] {
  const width1 = Math.max(1, width);
  const w = cellWidth(text);
  if (w <= width1) return [lineOf(text === '' ? [] : [{ text, style, link: -1, w }])];
  const lines: Line[] = [];
  let buf = '';
  let bw = 0;
  for (const g of graphemes(text)) {
    let gt = g;
    let gw = cellWidth(g);
    if (gw > width1) {
      gt = '…';
      gw = 1;
    }
    if (bw + gw > width1) {
      lines.push(lineOf([{ text: buf, style, link: -1, w: bw }]));
      buf = '';
      bw = 0;
    }
    buf += gt;
    bw += gw;
  }
  if (buf !== '' || lines.length === 0) lines.push(lineOf(buf === '' ? [] : [{ text: buf, style, link: -1, w: bw }]));
  return lines;
}

/** Pad a line with spaces to `width` according to `align`. */
export function alignLine(line: Line, width: number, align: 'left' | 'right' | 'center' | null): Line {
  const room = width - line.w;
  if (room <= 0) return line;
  let left = 0;
  if (align === 'right') left = room;
  else if (align === 'center') left = Math.floor(room / 2);
  const right = room - left;
  const frags = [...line.frags];
  if (left) frags.unshift({ text: ' '.repeat(left), style: 0, link: -1, w: left });
  if (right) frags.push({ text: ' '.repeat(right), style: 0, link: -1, w: right });
  return { frags, w: width, heading: line.heading };
}
