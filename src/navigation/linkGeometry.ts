// Where a rendered link sits: its first and last line, whether it shows in a viewport, and the
// scroll position that brings it into view.
import type { RenderedLink } from '../render/types.js';

export function linkFirstLine(link: RenderedLink): number {
  return link.spans.length > 0 ? link.spans[0].line : 0;
}

export function linkLastLine(link: RenderedLink): number {
  return link.spans.length > 0 ? link.spans[link.spans.length - 1].line : 0;
}

export function linkInView(link: RenderedLink, top: number, height: number): boolean {
  return link.spans.some((span) => span.line >= top && span.line < top + height);
}

/** Scroll so the link shows (its first line at least). */
export function topShowing(link: RenderedLink, top: number, height: number): number {
  const first = linkFirstLine(link);
  const last = linkLastLine(link);
  if (first < top) return first;
  if (last >= top + height) return Math.min(first, last - height + 1);
  return top;
}
