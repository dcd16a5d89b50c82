// Inline content (atoms: styled text and hard breaks) wrapped into lines at a width, and
// measured for table columns.
import { cellWidth, graphemes, isSimple, isWideCode } from '../text/width.js';
import { emptyLine, type Line } from './lines.js';

/**
 * Inline content before wrapping: text with style/link, or a hard line break. `keep`: the text is
 * one unit (an attachment's `[image: Engelbart.jpg]`): its spaces break only when the whole
 * text is wider than the line.
 */
export type Atom = { text: string; style: number; link: number; keep?: boolean } | { br: true };

export function isBreak(a: Atom): a is { br: true } {
  return (a as { br?: true }).br === true;
}

// Inline text is first cut into pieces (flat number arrays, no object per word): a run of
// word characters, a run of breakable whitespace, one wide grapheme, or a hard break,
// each an [start, end) range of one atom's text. Lines are then filled greedily and each
// line's fragments sliced out of the atoms' texts. Linear in the text, few allocations.

const K_GLUE = 0; // text continuing the current word
const K_SPACE = 1; // breakable whitespace run (collapses to one space)
const K_OPP = 2; // text that starts a new word with no space (after/before a wide grapheme)
const K_BREAK = 3; // hard line break
const SPLIT = 8; // flag: one code unit = one grapheme = one column (can be cut anywhere)
const KEPT = 16; // flag: a space inside a `keep` atom, glue unless its unit is wider than the line

/**
 * The pieces of one wrap or measure: parallel arrays (atom index, start and end in its text,
 * width, kind | flags), the first `n` entries in use. One set, kept between calls and grown when
 * a text needs more: wrapping allocated five arrays per paragraph, grown push by push, and a long
 * article has thousands of paragraphs. Never re-entered: a wrap or a measure reads its pieces
 * before the next one cuts.
 */
interface Pieces {
  a: Int32Array;
  s: Int32Array;
  e: Int32Array;
  w: Int32Array;
  k: Int32Array;
  n: number;
}

const pieces: Pieces = { a: new Int32Array(256), s: new Int32Array(256), e: new Int32Array(256), w: new Int32Array(256), k: new Int32Array(256), n: 0 };

function grown(from: Int32Array): Int32Array {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}

function piece(p: Pieces, a: number, s: number, e: number, w: number, k: number): void {
  const n = p.n;
  if (n === p.a.length) {
    p.a = grown(p.a);
    p.s = grown(p.s);
    p.e = grown(p.e);
    p.w = grown(p.w);
    p.k = grown(p.k);
  }
  p.a[n] = a;
  p.s[n] = s;
  p.e[n] = e;
  p.w[n] = w;
  p.k[n] = k;
  p.n = n + 1;
}

function cutPieces(atoms: Atom[]): Pieces {
  const p = pieces;
  p.n = 0;
  let afterWide = false;
  for (let ai = 0; ai < atoms.length; ai++) {
    const at = atoms[ai];
    if (isBreak(at)) {
      piece(p, ai, 0, 0, 0, K_BREAK);
      afterWide = false;
      continue;
    }
    const text = at.text;
    if (text === '') continue;
    const len = text.length;
    const first = p.n;
    let i = 0;
    while (i < len) {
      const c0 = text.charCodeAt(i);
      if (isBreakable(c0)) {
        let e = i + 1;
        while (e < len && isBreakable(text.charCodeAt(e))) e++;
        // A kept unit's space is glue of one column (its text is one space: labels are sanitised lines).
        if (at.keep && i > 0 && e < len) piece(p, ai, i, i + 1, 1, K_GLUE | SPLIT | KEPT);
        else piece(p, ai, i, e, 1, K_SPACE);
        afterWide = false;
        i = e;
        continue;
      }
      let e = i;
      let ascii = true;
      while (e < len) {
        const c = text.charCodeAt(e);
        // Printable ASCII (most text) is part of the word without asking isBreakable.
        if (c > 0x20 && c < 0x7f) {
          e++;
          continue;
        }
        if (isBreakable(c)) break;
        ascii = false;
        e++;
      }
      const start = i;
      i = e;
      if (ascii) {
        piece(p, ai, start, e, e - start, (afterWide ? K_OPP : K_GLUE) | SPLIT);
        afterWide = false;
        continue;
      }
      const run = text.slice(start, e);
      if (isSimple(run) && cellWidth(run) === run.length) {
        piece(p, ai, start, e, run.length, (afterWide ? K_OPP : K_GLUE) | SPLIT);
        afterWide = false;
        continue;
      }
      if (isSimple(run)) {
        // CJK mixed with simple narrow text: one code unit per grapheme, wide ones are
        // break opportunities on both sides, narrow runs between them stay together.
        let q0 = start;
        while (q0 < e) {
          if (isWideCode(text.charCodeAt(q0))) {
            piece(p, ai, q0, q0 + 1, 2, K_OPP);
            afterWide = true;
            q0++;
            continue;
          }
          let q = q0 + 1;
          while (q < e && !isWideCode(text.charCodeAt(q))) q++;
          piece(p, ai, q0, q, q - q0, (afterWide ? K_OPP : K_GLUE) | SPLIT);
          afterWide = false;
          q0 = q;
        }
        continue;
      }
      // Complex text (emoji, combining marks, other scripts): one piece per grapheme;
      // wide ones are break opportunities on both sides.
      let pos = start;
      for (const g of graphemes(run)) {
        const gw = cellWidth(g);
        const wide = gw >= 2;
        piece(p, ai, pos, pos + g.length, gw, wide || afterWide ? K_OPP : K_GLUE);
        afterWide = wide;
        pos += g.length;
      }
    }
    // Inside a kept unit a wide grapheme is no break opportunity either.
    if (at.keep) for (let q = first + 1; q < p.n; q++) if ((p.k[q] & 7) === K_OPP) p.k[q] = (p.k[q] & ~7) | K_GLUE;
  }
  return p;
}

/** Breakable whitespace. NBSP (U+00A0) and other no-break spaces are deliberately absent. */
function isBreakable(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x205f || c === 0x3000;
}

class LineBuilder {
  lines: Line[] = [];
  line: Line = emptyLine();
  lastLink = -1;
  // pending fragment: a range of one atom's text, or a literal
  pa = -1;
  ps = 0;
  pe = 0;
  pw = 0;
  constructor(private atoms: Atom[]) {}

  private flush(): void {
    if (this.pa < 0) return;
    const at = this.atoms[this.pa] as { text: string; style: number; link: number };
    this.pushFrag(at.text.slice(this.ps, this.pe), at.style, at.link, this.pw);
    this.pa = -1;
  }

  private pushFrag(text: string, style: number, link: number, w: number): void {
    const frags = this.line.frags;
    const last = frags[frags.length - 1];
    if (last && last.style === style && last.link === link) {
      last.text += text;
      last.w += w;
    } else {
      frags.push({ text, style, link, w });
    }
  }

  /** Whether the pending fragment is atom a's text up to s (appending [s, …) of a extends it). */
  continues(a: number, s: number): boolean {
    return this.pa === a && this.pe === s;
  }

  /** Append [s, e) of atom a. */
  range(a: number, s: number, e: number, w: number): void {
    if (this.pa === a && this.pe === s) {
      this.pe = e;
      this.pw += w;
    } else {
      this.flush();
      this.pa = a;
      this.ps = s;
      this.pe = e;
      this.pw = w;
    }
    this.line.w += w;
    this.lastLink = (this.atoms[a] as { link: number }).link;
  }

  literal(text: string, style: number, link: number, w: number): void {
    this.flush();
    this.pushFrag(text, style, link, w);
    this.line.w += w;
    this.lastLink = link;
  }

  newline(): void {
    this.flush();
    this.lines.push(this.line);
    this.line = emptyLine();
    this.lastLink = -1;
  }

  finish(): Line[] {
    this.flush();
    if (this.line.frags.length || this.lines.length === 0) this.lines.push(this.line);
    return this.lines;
  }
}

/** Width on one line (words joined by single spaces) and the widest single word. */
export function measureAtoms(atoms: Atom[]): { natural: number; longestWord: number } {
  const { k: pK, w: pW, n: pN } = cutPieces(atoms);
  let natural = 0;
  let line = 0;
  let longest = 0;
  let word = 0;
  let space = false;
  for (let i = 0; i < pN; i++) {
    const k = pK[i] & 7;
    if (k === K_BREAK) {
      natural = Math.max(natural, line);
      line = 0;
      word = 0;
      space = false;
    } else if (k === K_SPACE || pK[i] & KEPT) {
      // A kept space: a table column may be narrower than a whole label, which then wraps.
      space = true;
      word = 0;
    } else {
      if (k === K_OPP) word = 0;
      if (space && line > 0) line += 1;
      space = false;
      line += pW[i];
      word += pW[i];
      longest = Math.max(longest, word);
    }
  }
  return { natural: Math.max(natural, line), longestWord: longest };
}

/** Printable ASCII words, one space between each two, none at either end. */
const SINGLE_SPACED = /^[!-~]+(?: [!-~]+)*$/;

/**
 * wrapAtoms of one atom of single-spaced ASCII words (a list item's or a quote's line of prose, a
 * heading), none longer than the line: what the pieces would give, each line one slice of the
 * text found with lastIndexOf instead of a piece per word. Null when the text is not such.
 */
function wrapSingleSpaced(atom: Atom, W: number): Line[] | null {
  if (isBreak(atom) || atom.keep || !SINGLE_SPACED.test(atom.text)) return null;
  const { text, style, link } = atom;
  const lines: Line[] = [];
  let start = 0;
  while (text.length - start > W) {
    // The last space at most W columns on: the line is the words before it.
    const cut = text.lastIndexOf(' ', start + W);
    if (cut < start) return null; // a word longer than the line: broken between graphemes, the long way
    lines.push({ frags: [{ text: text.slice(start, cut), style, link, w: cut - start }], w: cut - start });
    start = cut + 1;
  }
  const w = text.length - start;
  lines.push({ frags: [{ text: start === 0 ? text : text.slice(start), style, link, w }], w });
  return lines;
}

/**
 * Wrap inline atoms into lines of at most `width` columns. Whitespace runs collapse to
 * one space; a line never starts or ends with a wrapped-away space; a word longer than
 * the line is broken between graphemes; a grapheme wider than the whole line (a CJK
 * character at width 1) is shown as `…`.
 */
export function wrapAtoms(atoms: Atom[], width: number): Line[] {
  const W = Math.max(1, width);
  const plain = atoms.length === 1 ? wrapSingleSpaced(atoms[0], W) : null;
  if (plain) return plain;
  const { a: pA, s: pS, e: pE, w: pW, k: pK, n } = cutPieces(atoms);
  const b = new LineBuilder(atoms);
  let i = 0;
  let spaceAt = -1; // the whitespace piece before the next word, if any
  while (i < n) {
    const k = pK[i] & 7;
    if (k === K_BREAK) {
      b.newline();
      spaceAt = -1;
      i++;
      continue;
    }
    // A kept space met here is one its unit gave up: too wide for the line, it breaks at spaces.
    if (k === K_SPACE || pK[i] & KEPT) {
      if (spaceAt < 0) spaceAt = i;
      i++;
      continue;
    }
    // A word: pieces i..j-1.
    let j = i + 1;
    let ww = pW[i];
    while (j < n && (pK[j] & 7) === K_GLUE) {
      ww += pW[j];
      j++;
    }
    if (ww > W) {
      // A kept unit wider than the line wraps at its spaces like other words.
      let kept = i + 1;
      while (kept < j && !(pK[kept] & KEPT)) kept++;
      if (kept < j) {
        j = kept;
        ww = 0;
        for (let p = i; p < j; p++) ww += pW[p];
      }
    }
    const line = b.line;
    let sepW = 0;
    if (spaceAt >= 0 && line.w > 0) sepW = 1;
    if (line.w + sepW + ww <= W) {
      if (sepW) {
        const sa = pA[spaceAt];
        const sp = atoms[sa] as { text: string; style: number; link: number };
        const firstLink = (atoms[pA[i]] as { link: number }).link;
        if (sa === pA[i] && b.continues(sa, pS[spaceAt]) && pE[spaceAt] === pS[i] && pE[spaceAt] - pS[spaceAt] === 1 && sp.text.charCodeAt(pS[spaceAt]) === 32) {
          // One space between two words of the same atom, the line holding the word before it:
          // the line's text stays one slice of the atom's (no string built per word).
          b.range(sa, pS[spaceAt], pE[spaceAt], 1);
        } else if (sp.link >= 0 && sp.link === b.lastLink && sp.link === firstLink) b.literal(' ', sp.style, sp.link, 1);
        else b.literal(' ', sp.link >= 0 ? 0 : sp.style, -1, 1);
      }
      for (let p = i; p < j; p++) b.range(pA[p], pS[p], pE[p], pW[p]);
    } else {
      if (line.w > 0) b.newline();
      if (ww <= W) {
        for (let p = i; p < j; p++) b.range(pA[p], pS[p], pE[p], pW[p]);
      } else {
        // Longer than a whole line: break between graphemes.
        for (let p = i; p < j; p++) {
          const a = pA[p];
          if (pK[p] & SPLIT) {
            let s = pS[p];
            const e = pE[p];
            while (s < e) {
              let room = W - b.line.w;
              if (room <= 0) {
                b.newline();
                room = W;
              }
              const take = Math.min(room, e - s);
              b.range(a, s, s + take, take);
              s += take;
            }
          } else if (pW[p] > W) {
            if (b.line.w + 1 > W) b.newline();
            const at = atoms[a] as { style: number; link: number };
            b.literal('…', at.style, at.link, 1);
          } else {
            if (b.line.w + pW[p] > W) b.newline();
            b.range(a, pS[p], pE[p], pW[p]);
          }
        }
      }
    }
    spaceAt = -1;
    i = j;
  }
  return b.finish();
}
