// Layout works on lines of styled fragments, not ANSI strings: every fragment knows its
// style, the link it belongs to and its width, so wrapping is exact (string-width,
// graphemes kept whole) and link spans fall out of the final columns without any marker
// characters.
import { cellWidth, graphemes } from '../text/width.js';
import { STYLE } from './styles.js';

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
  /** The `^id` of the block this line starts (block references). */
  anchor?: string;
  /** The file's line (1-based) of the top-level block this line starts, when known. */
  source?: number;
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
    if (line.frags.length) line.frags.unshift(...p);
    else line.frags = p.slice();
    line.w += pw;
  }
  return lines;
}

export function pushAll(out: Line[], lines: Line[]): void {
  for (const l of lines) out.push(l);
}

export function ruleLine(width: number, ch = '─', style: number = STYLE.rule): Line {
  return lineOf([frag(ch.repeat(Math.max(1, width)), style)]);
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

/** Hard-wrap one preformatted line made of styled runs (highlighted code), as hardWrap does one style. */
export function hardWrapRuns(runs: readonly { text: string; style: number }[], width: number): Line[] {
  if (runs.length === 1) return hardWrap(runs[0].text, runs[0].style, width);
  const width1 = Math.max(1, width);
  const lines: Line[] = [];
  let frags: Frag[] = [];
  let lineWidth = 0;
  for (const run of runs) {
    if (run.text === '') continue;
    const w = cellWidth(run.text);
    if (lineWidth + w <= width1) {
      frags.push({ text: run.text, style: run.style, link: -1, w });
      lineWidth += w;
      continue;
    }
    let buf = '';
    let bw = 0;
    for (const g of graphemes(run.text)) {
      let gt = g;
      let gw = cellWidth(g);
      if (gw > width1) {
        gt = '…';
        gw = 1;
      }
      if (lineWidth + bw + gw > width1) {
        if (buf !== '') frags.push({ text: buf, style: run.style, link: -1, w: bw });
        lines.push(lineOf(frags));
        frags = [];
        lineWidth = 0;
        buf = '';
        bw = 0;
      }
      buf += gt;
      bw += gw;
    }
    if (buf !== '') frags.push({ text: buf, style: run.style, link: -1, w: bw });
    lineWidth += bw;
  }
  lines.push(lineOf(frags));
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
  // Lines given here are the caller's own (fresh from wrapAtoms): padded in place.
  const frags = line.frags;
  if (left) frags.unshift({ text: ' '.repeat(left), style: 0, link: -1, w: left });
  if (right) frags.push({ text: ' '.repeat(right), style: 0, link: -1, w: right });
  line.w = width;
  return line;
}
