// The reader's screen geometry and its navigation environment, shared by the Ink app and the
// plain first frame painted before Ink loads (firstPaint.ts), so both draw the same screen.
// No Ink here: this module is on the fast path to the first frame.
import type { Library } from '../library/types.js';
import { articlesInOrder, rememberingLastQuery, type ArticleFilter, type NavigationEnv } from '../navigation/index.js';
import { helpLines } from './keys.js';
import type { RenderById } from './renderCache.js';
import type { TerminalSize } from './terminalSize.js';
import { helpContexts } from './views.js';

/** Text is laid out at the terminal's width, capped for reading comfort (as `show` is). */
export const MAX_TEXT_WIDTH = 100;

const HELP_LENGTH = Math.max(helpLines(helpContexts('list')).length, helpLines(helpContexts('article')).length);

/** Layout of a terminal size: the text area is the terminal minus the status line minus one spare row. */
export function layoutOf(size: TerminalSize) {
  const columns = Math.max(1, size.columns);
  const height = Math.max(0, size.rows - 2);
  return { columns, height, textWidth: Math.min(columns, MAX_TEXT_WIDTH) };
}

export function readerEnv(library: Library, render: RenderById, size: TerminalSize, filter: ArticleFilter): NavigationEnv {
  const { height, textWidth } = layoutOf(size);
  return { library, articles: articlesInOrder(library), render, viewport: { width: textWidth, height: Math.max(1, height) }, filter: rememberingLastQuery(filter), helpLength: HELP_LENGTH };
}
