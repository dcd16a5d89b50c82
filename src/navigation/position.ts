// Keeping the reader's place when the text is laid out again at another width.
// The anchor is the text itself: the first character of the top visible line, counted in
// non-blank characters of the plain lines. Wrapping moves line breaks and indentation, never
// the order of the words, so the same count finds the same words at any width.
import type { RenderedArticle } from '../render/types.js';

const counts = new WeakMap<RenderedArticle, Int32Array>();

/** cumulative[i] = non-blank characters on lines 0 … i-1. */
function cumulative(rendered: RenderedArticle): Int32Array {
  let cum = counts.get(rendered);
  if (cum) return cum;
  cum = new Int32Array(rendered.plainLines.length + 1);
  for (let i = 0; i < rendered.plainLines.length; i++) {
    cum[i + 1] = cum[i] + countNonBlank(rendered.plainLines[i]);
  }
  counts.set(rendered, cum);
  return cum;
}

function countNonBlank(line: string): number {
  let n = 0;
  for (const ch of line) if (ch.trim() !== '') n++;
  return n;
}

/** The non-blank character offset at the start of `line`. */
export function textOffsetOfLine(rendered: RenderedArticle, line: number): number {
  const cum = cumulative(rendered);
  return cum[Math.max(0, Math.min(line, cum.length - 1))];
}

/** The line that holds the character at `offset` (the first line when offset is 0). */
export function lineOfTextOffset(rendered: RenderedArticle, offset: number): number {
  if (offset <= 0) return 0;
  const cum = cumulative(rendered);
  // Smallest i with cum[i + 1] > offset.
  let lo = 0;
  let hi = rendered.plainLines.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid + 1] > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where `top` at one layout lands in another. */
export function remapTop(from: RenderedArticle, to: RenderedArticle, top: number): number {
  if (top <= 0) return 0;
  return lineOfTextOffset(to, textOffsetOfLine(from, top));
}
