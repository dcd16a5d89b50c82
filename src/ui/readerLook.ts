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
}

export const DEFAULT_LOOK: ReaderLook = { keys: KEY_TABLE, theme: DARK_THEME };
