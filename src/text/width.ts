// Visible width in terminal columns, and cutting text to a width. string-width is the
// authority (wide CJK and emoji = 2, combining marks and zero-width characters = 0); it is slow
// per call, so common scripts take fast paths (checked against string-width in the tests) and
// other graphemes are measured once and remembered.
//
// Start-up cost (SPEC §5): string-width builds an Intl.Segmenter and Unicode-set regexes when
// it is evaluated (~30 ms in the bundle), slice-ansi builds a segmenter (~12 ms), so neither is
// evaluated before some text needs it: the reader's first frame of plain titles never does.
// `require` keeps that synchronous: in the bundle esbuild turns a literal `require('…')` into a
// call that evaluates the bundled module then (a static import would be evaluated at start-up);
// unbundled (tsx), Node's require loads the ES module.
import { createRequire } from 'node:module';

const load = <T>(name: 'string-width' | 'slice-ansi'): T =>
  (typeof require === 'function'
    ? name === 'string-width'
      ? require('string-width')
      : require('slice-ansi')
    : createRequire(import.meta.url)(name)) as T;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Characters that are one code unit, one grapheme on their own, and 1 column wide. */
export const NARROW_SIMPLE_CLASS = '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0377\\u037a-\\u037f\\u0384-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e\\u2070-\\u20cf\\u2100-\\u22ff\\u2400-\\u243f\\u2500-\\u25fc\\ufffd';
/** Characters that are one code unit, one grapheme on their own, and 2 columns wide. */
export const WIDE_SIMPLE_CLASS = '\\u3000-\\u3029\\u3030-\\u303e\\u3041-\\u3096\\u309b-\\u30ff\\u4e00-\\u9fff\\uac00-\\ud7a3\\uff01-\\uff60';
const SIMPLE = new RegExp(`^[${NARROW_SIMPLE_CLASS}${WIDE_SIMPLE_CLASS}]*$`);
const WIDE_G = new RegExp(`[${WIDE_SIMPLE_CLASS}]`, 'g');

// Made on first use and kept: the segmenter and string-width cost milliseconds to make, and a
// grapheme's width never changes. This memo is the text layer's only state.
const lazy: { segmenter?: Intl.Segmenter; stringWidth?: (s: string) => number; sliceAnsi?: typeof import('slice-ansi').default } = {};
const graphemeWidths = new Map<string, number>();
const MAX_REMEMBERED = 20000;

const segmenter = () => (lazy.segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

function graphemeWidth(g: string): number {
  let w = graphemeWidths.get(g);
  if (w === undefined) {
    lazy.stringWidth ??= load<typeof import('string-width')>('string-width').default;
    w = lazy.stringWidth(g);
    if (graphemeWidths.size > MAX_REMEMBERED) graphemeWidths.clear();
    graphemeWidths.set(g, w);
  }
  return w;
}

/** Columns of plain text (no escape sequences). */
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

/** Our own SGR styling and OSC 8 hyperlinks (text/hyperlinks.ts): zero columns wide. */
const ZERO_WIDTH = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Columns of display text that may carry our own SGR styling and hyperlinks (which take no columns). */
export function displayWidth(s: string): number {
  return cellWidth(s.includes('\u001b') ? s.replace(ZERO_WIDTH, '') : s);
}

/** Columns [start, end) of display text that may carry SGR styling, the styling kept (slice-ansi). */
export function sliceColumns(text: string, start: number, end?: number): string {
  lazy.sliceAnsi ??= load<typeof import('slice-ansi')>('slice-ansi').default;
  return lazy.sliceAnsi(text, start, end);
}

/** Cut to at most `columns` visible columns, with `…` when something was cut. */
export function truncate(text: string, columns: number): string {
  if (columns <= 0) return '';
  if (displayWidth(text) <= columns) return text;
  if (columns === 1) return '…';
  // slice-ansi keeps a wide character that starts inside the cut: step back until it fits.
  let end = columns - 1;
  let cut = sliceColumns(text, 0, end);
  while (end > 0 && displayWidth(cut) > columns - 1) cut = sliceColumns(text, 0, --end);
  return cut + '…';
}

/** Cut or pad with spaces to exactly `columns` visible columns. */
export function fit(text: string, columns: number): string {
  const cut = truncate(text, columns);
  return cut + ' '.repeat(Math.max(0, columns - displayWidth(cut)));
}
