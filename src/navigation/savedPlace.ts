// A place in an article as it is saved between runs (read positions, bookmarks, history) and
// found again: the line and width, the fraction of the article, and the passage's anchor (the
// nearest heading and the first words in view: libraryChanged.ts's, the one anchor), so an
// article edited between two sessions reopens at the same passage. When the anchor's heading is
// gone from the article, the line (same width) or the fraction (another width) is used instead.
import type { RenderedArticle } from '../render/types.js';
import { isArticlePosition, isReadingAnchor, restoredLine, type ArticlePosition } from '../state/readingState.js';
import { anchorAt, lineOfAnchor } from './libraryChanged.js';
import type { NavigationEnv, Visit } from './navigationState.js';

/** The saved form of where a visit is. */
export function positionOf(env: NavigationEnv, visit: Visit): ArticlePosition {
  const rendered = env.render(visit.id, visit.width);
  const lines = rendered.lines.length;
  return { line: visit.top, width: visit.width, fraction: lines > 0 ? visit.top / lines : 0, anchor: anchorAt(rendered, visit.top) };
}

/** The first visible line for a saved position in `rendered` (not clamped); a garbled position is the top. */
export function lineOfPosition(rendered: RenderedArticle, position: unknown): number {
  if (!isArticlePosition(position)) return 0;
  const anchor = position.anchor;
  if (isReadingAnchor(anchor) && (anchor.heading === null || rendered.headings.some((h) => h.slug === anchor.heading!.slug))) {
    if (position.line <= 0) return 0;
    // Unchanged where it was: the line itself (an anchor on a blank line finds the words below it).
    if (anchor.width === rendered.width && position.width === rendered.width && (rendered.plainLines[position.line] ?? '').trim() === anchor.words) {
      const same = lineOfAnchor(rendered, anchor);
      return Math.abs(same - position.line) <= 1 ? position.line : same;
    }
    return lineOfAnchor(rendered, anchor);
  }
  return restoredLine(position, rendered.width, rendered.lines.length);
}
