// What the config file changes in the reader's screen, as plain data the UI is given: the key
// table (input, help and `?` read it), the theme's colours, the widest text is laid out.
import { DARK_THEME, type Theme } from '../render/theme.js';
import { KEY_TABLE, type KeyTable } from './keys.js';

export interface ReaderLook {
  keys: KeyTable;
  theme: Theme;
  /** The widest text is laid out (default: readerLayout's MAX_TEXT_WIDTH). */
  maxWidth?: number;
  /** External links as terminal hyperlinks (OSC 8). */
  hyperlinks?: boolean;
  /** The mouse is on (help then says how to select text). */
  mouse?: boolean;
}

/** What help adds when the mouse is on: the terminal's own selection then needs Shift. */
export const MOUSE_HELP = ['Mouse', '  Wheel scrolls the article, the list or the overlay; a click follows a link or opens a row', '  Hold Shift to select text with the terminal (the reader has the mouse)', ''];

export const DEFAULT_LOOK: ReaderLook = { keys: KEY_TABLE, theme: DARK_THEME };
