// Visible width in terminal columns (string-width: wide CJK and emoji = 2, combining
// marks and zero-width characters = 0), with a fast path for printable ASCII.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function cellWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  return stringWidth(s);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Split into grapheme clusters (user-perceived characters). */
export function graphemes(s: string): string[] {
  if (PRINTABLE_ASCII.test(s)) return s.split('');
  const out: string[] = [];
  for (const { segment } of segmenter.segment(s)) out.push(segment);
  return out;
}

export function isPrintableAscii(s: string): boolean {
  return PRINTABLE_ASCII.test(s);
}
