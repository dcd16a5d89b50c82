// Visible width in terminal columns (string-width: wide CJK and emoji = 2, combining
// marks and zero-width characters = 0). string-width is the authority; it is slow per
// call, so common scripts take fast paths (checked against string-width in the tests)
// and other graphemes are measured once and cached.
//
// Start-up cost (SPEC §5): string-width builds an Intl.Segmenter and Unicode-set regexes when
// it is evaluated (~25 ms), and a segmenter costs ~9 ms to make, so neither is made before
// some text needs them: the reader's first frame of plain titles never does.
import { createRequire } from 'node:module';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters that are one code unit, one grapheme on their own, and 1 column wide. */
export const NARROW_SIMPLE_CLASS = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e\\u2070-\\u20cf\\u2100-\\u22ff\\u2400-\\u243f\\u2500-\\u25fc\\ufffd';
/** Characters that are one code unit, one grapheme on their own, and 2 columns wide. */
export const WIDE_SIMPLE_CLASS = '\\u3000-\\u3029\\u3030-\\u303e\\u3041-\\u3096\\u309b-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7a3\\uff01-\\uff60';
const SIMPLE = new RegExp(`^[${NARROW_SIMPLE_CLASS}${WIDE_SIMPLE_CLASS}]*$`);
const WIDE_G = new RegExp(`[${WIDE_SIMPLE_CLASS}]`, 'g');

let graphemeSegmenter: Intl.Segmenter | undefined;
const segmenter = () => (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

let stringWidth: ((s: string) => number) | undefined;
/**
 * string-width, evaluated on first use. `require` keeps this synchronous: in the bundle esbuild
 * turns it into a call that evaluates the bundled module then (its static imports would be
 * evaluated at start-up); unbundled (tsx), Node's require loads the ES module.
 */
function widthAuthority(): (s: string) => number {
  if (stringWidth) return stringWidth;
  // A literal `require('…')` call: esbuild bundles only that form.
  const module = typeof require === 'function' ? require('string-width') : createRequire(import.meta.url)('string-width');
  return (stringWidth = (module as typeof import('string-width')).default);
}

const graphemeWidths = new Map<string, number>();

function graphemeWidth(g: string): number {
  let w = graphemeWidths.get(g);
  if (w === undefined) {
    w = widthAuthority()(g);
    if (graphemeWidths.size > 20000) graphemeWidths.clear();
    graphemeWidths.set(g, w);
  }
  return w;
}

export function cellWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (SIMPLE.test(s)) {
    const wide = s.match(WIDE_G);
    return s.length + (wide ? wide.length : 0);
  }
  let w = 0;
  for (const { segment } of segmenter().segment(s)) w += graphemeWidth(segment);
  return w;
}

/** Split into grapheme clusters (user-perceived characters). */
export function graphemes(s: string): string[] {
  if (SIMPLE.test(s)) return s.split('');
  const out: string[] = [];
  for (const { segment } of segmenter().segment(s)) out.push(segment);
  return out;
}

/** Every code unit is its own grapheme, with the width its class gives it. */
export function isSimple(s: string): boolean {
  return SIMPLE.test(s);
}

/** A code unit of the wide simple class (CJK, kana, Hangul, fullwidth forms): 2 columns. */
export function isWideCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x30ff && !(c >= 0x302a && c <= 0x302f) && c !== 0x303f && c !== 0x3040 && !(c >= 0x3097 && c <= 0x309a)) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xff60)
  );
}

const SGR = /\u001b\[[0-9;]*m/g;

/** Columns of display text that may carry our own SGR styling (which takes no columns). */
export function displayWidth(s: string): number {
  return cellWidth(s.includes('\u001b') ? s.replace(SGR, '') : s);
}
