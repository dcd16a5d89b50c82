// The reader's screen geometry and its navigation environment, shared by the Ink app and the
// plain first frame painted before Ink loads (firstPaint.ts), so both draw the same screen.
// No Ink here: this module is on the fast path to the first frame.
import type { Library } from '../library/types.js';
import { articlesInOrder, chainProgressOf, rememberingLastQuery, type ArticleFilter, type NavigationEnv } from '../navigation/index.js';
import { helpLines, KEY_TABLE, type KeyTable } from './keys.js';
import { DEFAULT_LOOK, MOUSE_HELP, type ReaderLook } from './readerLook.js';
import type { RenderById } from './renderCache.js';
import type { TerminalSize } from './terminalSize.js';
import { helpContexts } from './views.js';

/** Text is laid out at the terminal's width, capped for reading comfort (as `show` is). */
export const MAX_TEXT_WIDTH = 100;

const helpLength = (keys: KeyTable) => Math.max(helpLines(helpContexts('list'), keys).length, helpLines(helpContexts('article'), keys).length);
// The default keys' help length, counted at the reader's first layout rather than when the module
// loads: every command loads this module with the entry, and only the reader needs it (~1 ms).
let defaultHelpLength: number | undefined;

/** Layout of a terminal size: the text area is the terminal minus the status line minus one spare row. */
export function layoutOf(size: TerminalSize, maxWidth: number = MAX_TEXT_WIDTH) {
  const columns = Math.max(1, size.columns);
  const height = Math.max(0, size.rows - 2);
  return { columns, height, textWidth: Math.min(columns, maxWidth) };
}

export function readerEnv(library: Library, render: RenderById, size: TerminalSize, filter: ArticleFilter, look: ReaderLook = DEFAULT_LOOK): NavigationEnv {
  const { height, textWidth } = layoutOf(size, look.maxWidth);
  const help = (look.keys === KEY_TABLE ? (defaultHelpLength ??= helpLength(KEY_TABLE)) : helpLength(look.keys)) + (look.mouse ? MOUSE_HELP.length : 0);
  return { library, articles: articlesInOrder(library), render, viewport: { width: textWidth, height: Math.max(1, height) }, filter: rememberingLastQuery(filter), helpLength: help, chainProgress: chainProgressOf(library) };
}
