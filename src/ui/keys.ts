// The one key table of the reader (SPEC §3). Input handling reads it to turn a key press into
// a command, and help (the `?` overlay and the README's key list) is generated from it, so a
// key cannot be listed without doing something, nor do something without being listed.
// Bindings are data, in the manner of glow's keymap and Gemini CLI's keyBindings.

import { CONTEXTS, PROMPT_CONTEXTS, type Command, type Context } from '../navigation/commands.js';

export { CONTEXTS, type Command, type Context };

export const CONTEXT_TITLES: Record<Context, string> = {
  list: 'List',
  article: 'Article',
  filter: 'Filter prompt',
  search: 'Search prompt',
  number: 'Link-number prompt',
  address: 'Address prompt (a)',
  toc: 'Table of contents',
  links: 'Links panel',
  help: 'Help',
  visits: 'Recent visits',
  saved: 'Saved',
  tags: 'Tags',
};

export type Category = 'Moving' | 'Search' | 'Links' | 'History' | 'Prompts' | 'Screens' | 'Reading';

export const CATEGORIES: readonly Category[] = ['Moving', 'Search', 'Links', 'History', 'Screens', 'Reading', 'Prompts'];

/** A named key, or one printable character (`j`, `G`, `?`, `1`), or `text`: any printable input. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'space'
  | 'text'
  | (string & {});

export interface KeySpec {
  key: KeyName;
  shift?: boolean;
  ctrl?: boolean;
}

export interface KeyBinding {
  command: Command;
  keys: KeySpec[];
  description: string;
  category: Category;
  contexts: Context[];
}

const k = (key: KeyName, mods: Omit<KeySpec, 'key'> = {}): KeySpec => ({ key, ...mods });
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((d) => k(d));

/** A key table: the defaults (KEY_TABLE), or the defaults with the config file's `keys:` applied. */
export type KeyTable = readonly KeyBinding[];

export const KEY_TABLE: KeyTable = [
  // Article: moving
  { command: 'lineDown', keys: [k('down'), k('j')], description: 'Scroll down a line', category: 'Moving', contexts: ['article'] },
  { command: 'lineUp', keys: [k('up'), k('k')], description: 'Scroll up a line', category: 'Moving', contexts: ['article'] },
  { command: 'pageDown', keys: [k('space'), k('pageDown')], description: 'Scroll down a page', category: 'Moving', contexts: ['article'] },
  { command: 'pageUp', keys: [k('b'), k('pageUp')], description: 'Scroll up a page', category: 'Moving', contexts: ['article'] },
  { command: 'halfDown', keys: [k('d')], description: 'Scroll down half a page', category: 'Moving', contexts: ['article'] },
  { command: 'halfUp', keys: [k('u')], description: 'Scroll up half a page', category: 'Moving', contexts: ['article'] },
  { command: 'top', keys: [k('g'), k('home')], description: 'Go to the top', category: 'Moving', contexts: ['article'] },
  { command: 'bottom', keys: [k('G'), k('end')], description: 'Go to the bottom', category: 'Moving', contexts: ['article'] },
  // List: moving
  { command: 'listDown', keys: [k('down'), k('j')], description: 'Select the next article', category: 'Moving', contexts: ['list'] },
  { command: 'listUp', keys: [k('up'), k('k')], description: 'Select the previous article', category: 'Moving', contexts: ['list'] },
  { command: 'listPageDown', keys: [k('pageDown')], description: 'Down a page of articles', category: 'Moving', contexts: ['list'] },
  { command: 'listPageUp', keys: [k('pageUp')], description: 'Up a page of articles', category: 'Moving', contexts: ['list'] },
  { command: 'listTop', keys: [k('g'), k('home')], description: 'Select the first article', category: 'Moving', contexts: ['list'] },
  { command: 'listBottom', keys: [k('G'), k('end')], description: 'Select the last article', category: 'Moving', contexts: ['list'] },
  { command: 'openSelected', keys: [k('return'), k('right')], description: 'Open the selected article', category: 'Screens', contexts: ['list'] },
  { command: 'openFilter', keys: [k('/')], description: 'Filter the list by title, section or text', category: 'Prompts', contexts: ['list'] },
  { command: 'clearFilter', keys: [k('escape')], description: 'Clear the filter (Esc never quits); while a page loads, stop it', category: 'Prompts', contexts: ['list'] },
  // Links
  { command: 'nextLink', keys: [k('tab')], description: 'Focus the next link (with none focused: the first in view)', category: 'Links', contexts: ['article'] },
  { command: 'previousLink', keys: [k('tab', { shift: true })], description: 'Focus the previous link', category: 'Links', contexts: ['article'] },
  { command: 'followLink', keys: [k('return')], description: 'Follow the focused link', category: 'Links', contexts: ['article'] },
  {
    command: 'followNumber',
    keys: DIGITS,
    description: 'Follow related-reading link N; with more than nine, digits build the number (Enter or a pause follows)',
    category: 'Links',
    contexts: ['article'],
  },
  { command: 'nextArticle', keys: [k(']')], description: "Next article in this article's chain", category: 'Links', contexts: ['article'] },
  { command: 'previousArticle', keys: [k('[')], description: "Previous article in this article's chain", category: 'Links', contexts: ['article'] },
  {
    command: 'openLinks',
    keys: [k('r')],
    description: 'Links panel: related reading, previous/next, external links, linked from, mentioned in',
    category: 'Links',
    contexts: ['article'],
  },
  {
    command: 'editArticle',
    keys: [k('e')],
    description: "Edit the article's file in $VISUAL or $EDITOR, at the line in view; back here after",
    category: 'Reading',
    contexts: ['article', 'list'],
  },
  { command: 'openExternal', keys: [k('o')], description: 'Open the focused external link with the system opener', category: 'Links', contexts: ['article'] },
  { command: 'copyLink', keys: [k('y')], description: "Copy the focused link's URL to the clipboard (the terminal's, OSC 52)", category: 'Links', contexts: ['article'] },
  { command: 'copySource', keys: [k('Y')], description: "Copy this article's source URL, or its file's path", category: 'Links', contexts: ['article'] },
  {
    command: 'readLink',
    keys: [k('R')],
    description: 'Read the focused external link here: fetched and shown as an article (Back returns; q or Esc while it loads stops it)',
    category: 'Links',
    contexts: ['article'],
  },
  { command: 'keepArticle', keys: [k('s')], description: 'Keep the page read here in the library (its inbox folder)', category: 'Reading', contexts: ['article'] },
  { command: 'openAddress', keys: [k('a')], description: 'Type an address to read here', category: 'Prompts', contexts: ['list', 'article'] },
  // Search in the article
  {
    command: 'openSearch',
    keys: [k('/')],
    description: 'Search this article as you type (Enter keeps the place, Esc goes back)',
    category: 'Search',
    contexts: ['article'],
  },
  { command: 'searchNext', keys: [k('n')], description: 'Next match (wraps around)', category: 'Search', contexts: ['article'] },
  { command: 'searchPrevious', keys: [k('N')], description: 'Previous match (wraps around)', category: 'Search', contexts: ['article'] },
  // Overlays
  { command: 'openToc', keys: [k('t')], description: 'Table of contents (Enter jumps to a heading)', category: 'Screens', contexts: ['article'] },
  { command: 'overlayDown', keys: [k('down'), k('j')], description: 'Highlight the next entry', category: 'Moving', contexts: ['toc', 'links'] },
  { command: 'overlayUp', keys: [k('up'), k('k')], description: 'Highlight the previous entry', category: 'Moving', contexts: ['toc', 'links'] },
  {
    command: 'overlayAccept',
    keys: [k('return')],
    description: 'Contents: jump to the heading; links: follow the entry',
    category: 'Links',
    contexts: ['toc', 'links'],
  },
  { command: 'overlayClose', keys: [k('q'), k('escape')], description: 'Close the overlay', category: 'Screens', contexts: ['toc', 'links'] },
  // Reading state
  { command: 'toggleRead', keys: [k('m')], description: 'Mark read / unread', category: 'Reading', contexts: ['list', 'article'] },
  {
    command: 'nextUnread',
    keys: [k('U')],
    description: 'Next unread article (in an article: along the next-article chain; on the list: down the list)',
    category: 'Reading',
    contexts: ['list', 'article'],
  },
  // Keeping one's place: bookmarks, recent visits (navigation/bookmarks.ts, pickers.ts)
  {
    command: 'toggleBookmark',
    keys: [k('B')],
    description: 'Bookmark the article at this place, or take the bookmark off (on Saved: the highlighted one)',
    category: 'Reading',
    contexts: ['list', 'article', 'saved'],
  },
  { command: 'openSaved', keys: [k('S')], description: 'Saved: the bookmarks, newest first (Enter opens at the place)', category: 'Screens', contexts: ['list', 'article'] },
  { command: 'openTags', keys: [k('T')], description: 'Tags, with how many articles have each (Enter lists them: tag:x)', category: 'Screens', contexts: ['list', 'article'] },
  { command: 'openVisits', keys: [k('H')], description: 'Recent visits, newest first, with when (Enter opens one)', category: 'History', contexts: ['list', 'article'] },
  { command: 'pickerDown', keys: [k('down'), k('j')], description: 'Highlight the next entry', category: 'Moving', contexts: ['visits', 'saved', 'tags'] },
  { command: 'pickerUp', keys: [k('up'), k('k')], description: 'Highlight the previous entry', category: 'Moving', contexts: ['visits', 'saved', 'tags'] },
  { command: 'pickerAccept', keys: [k('return')], description: 'Open the highlighted article', category: 'Screens', contexts: ['visits', 'saved', 'tags'] },
  { command: 'pickerClose', keys: [k('q'), k('escape')], description: 'Close, back to where you were', category: 'Screens', contexts: ['visits', 'saved', 'tags'] },
  // History
  { command: 'back', keys: [k('left'), k('h'), k('backspace')], description: 'Back in history', category: 'History', contexts: ['article'] },
  { command: 'forward', keys: [k('right'), k('l')], description: 'Forward in history', category: 'History', contexts: ['article'] },
  // Screens
  { command: 'toList', keys: [k('q'), k('escape')], description: 'Up to the list (history is kept); while a page loads, stop it', category: 'Screens', contexts: ['article'] },
  { command: 'help', keys: [k('?')], description: 'Show this help', category: 'Screens', contexts: ['list', 'article'] },
  { command: 'closeHelp', keys: [k('q'), k('escape'), k('?')], description: 'Close help', category: 'Screens', contexts: ['help'] },
  { command: 'helpDown', keys: [k('down'), k('j'), k('space'), k('pageDown')], description: 'Scroll help down', category: 'Moving', contexts: ['help'] },
  { command: 'helpUp', keys: [k('up'), k('k'), k('b'), k('pageUp')], description: 'Scroll help up', category: 'Moving', contexts: ['help'] },
  { command: 'quitFromList', keys: [k('q')], description: 'Quit', category: 'Screens', contexts: ['list'] },
  {
    command: 'quit',
    keys: [k('Q'), k('c', { ctrl: true })],
    description: 'Quit from anywhere',
    category: 'Screens',
    contexts: ['list', 'article', 'toc', 'links', 'help', 'visits', 'saved', 'tags'],
  },
  // Prompts (filter and link number): printable keys and Backspace edit, Enter and Esc act.
  { command: 'promptType', keys: [k('text')], description: 'Type into the prompt', category: 'Prompts', contexts: ['filter', 'search', 'number', 'address'] },
  { command: 'promptDelete', keys: [k('backspace')], description: 'Delete the last character', category: 'Prompts', contexts: ['filter', 'search', 'number', 'address'] },
  {
    command: 'promptAccept',
    keys: [k('return')],
    description: 'Filter: open the highlighted article (at its first match for a body hit); search: keep the place; number: follow that link; address: read it',
    category: 'Prompts',
    contexts: ['filter', 'search', 'number', 'address'],
  },
  {
    command: 'promptCancel',
    keys: [k('escape')],
    description: 'Filter: clear it and close the prompt; search: back to where it started; number: forget it; address: close it',
    category: 'Prompts',
    contexts: ['filter', 'search', 'number', 'address'],
  },
  { command: 'promptSelectDown', keys: [k('down')], description: 'Highlight the next match', category: 'Prompts', contexts: ['filter'] },
  { command: 'promptSelectUp', keys: [k('up')], description: 'Highlight the previous match', category: 'Prompts', contexts: ['filter'] },
  // Ctrl-C quits inside prompts too (SPEC §3: only Enter, Esc and Ctrl-C act there).
];

/** Ctrl-C is bound to `quit` everywhere, prompts included; kept apart so prompts stay listed as SPEC words them. */
export const PROMPT_QUIT: KeySpec = k('c', { ctrl: true });

/** A key press, normalised from Ink's `(input, key)` pair. */
export interface KeyPress {
  /** A KeyName, a single character, or `text` with the typed characters in `text`. */
  key: string;
  shift: boolean;
  ctrl: boolean;
  /** The printable characters typed (for `text`, or a single character key). */
  text: string;
}

/** The part of Ink's Key this module reads (kept structural, so tests need not import Ink). */
export interface InkKeyLike {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

/** Ink 6 reports `\x7f` (what most terminals send for Backspace) as `delete` and `\b` as `backspace`: both are Backspace. */
export function keyPressFromInk(input: string, key: InkKeyLike): KeyPress {
  const named = (name: string): KeyPress => ({ key: name, shift: key.shift, ctrl: key.ctrl, text: '' });
  if (key.upArrow) return named('up');
  if (key.downArrow) return named('down');
  if (key.leftArrow) return named('left');
  if (key.rightArrow) return named('right');
  if (key.pageDown) return named('pageDown');
  if (key.pageUp) return named('pageUp');
  if (key.home) return named('home');
  if (key.end) return named('end');
  if (key.return) return named('return');
  if (key.tab) return named('tab');
  if (key.backspace || key.delete) return named('backspace');
  if (key.escape) return named('escape');
  if (key.ctrl) return { key: input.toLowerCase(), shift: false, ctrl: true, text: '' };
  if (input === ' ') return { key: 'space', shift: false, ctrl: false, text: ' ' };
  // Printable characters: shift is implied by the character itself (`G`, `?`).
  return { key: [...input].length === 1 ? input : 'text', shift: false, ctrl: false, text: input };
}

function isPrintable(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return text.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(text);
}

export function specMatches(spec: KeySpec, press: KeyPress): boolean {
  if (spec.key === 'text') return !press.ctrl && isPrintable(press.text);
  return spec.key === press.key && Boolean(spec.shift) === press.shift && Boolean(spec.ctrl) === press.ctrl;
}

/** The command a key press means in a context, or null when the key does nothing there. */
export function commandFor(context: Context, press: KeyPress, table: KeyTable = KEY_TABLE): Command | null {
  if (specMatches(PROMPT_QUIT, press)) return 'quit';
  let textBinding: Command | null = null;
  for (const binding of table) {
    if (!binding.contexts.includes(context)) continue;
    for (const spec of binding.keys) {
      if (spec.key === 'text') {
        if (specMatches(spec, press)) textBinding = binding.command;
      } else if (specMatches(spec, press)) {
        return binding.command;
      }
    }
  }
  return textBinding;
}

const NAMED_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  space: 'Space',
  text: 'any character',
};

export function keyLabel(spec: KeySpec): string {
  const base = NAMED_LABELS[spec.key] ?? (spec.ctrl ? spec.key.toUpperCase() : spec.key);
  return `${spec.ctrl ? 'Ctrl-' : ''}${spec.shift ? 'Shift-' : ''}${base}`;
}

export function keysLabel(binding: KeyBinding): string {
  if (binding.command === 'followNumber') return '1 … 9';
  return binding.keys.map(keyLabel).join(' ');
}

/** Commands whose keys are fixed: the prompt's typing is any printable key, and digits are the link numbers. */
export const FIXED_COMMANDS: readonly Command[] = ['promptType', 'followNumber'];

const KEY_NAMES: Record<string, KeyName> = {
  up: 'up',
  down: 'down',
  left: 'left',
  right: 'right',
  pageup: 'pageUp',
  pgup: 'pageUp',
  pagedown: 'pageDown',
  pgdn: 'pageDown',
  home: 'home',
  end: 'end',
  enter: 'return',
  return: 'return',
  esc: 'escape',
  escape: 'escape',
  tab: 'tab',
  backspace: 'backspace',
  space: 'space',
};

/**
 * A key as a person writes it in the config file: one character (`j`, `G`, `?`), a name
 * (`down`, `pagedown`, `enter`, `esc`, `space`…, any case, also as the help shows it: `PgDn`,
 * `↓`), `ctrl-x`, `shift-tab`. Null when it names no key.
 */
export function parseKeyName(text: string): KeySpec | null {
  if ([...text].length === 1) {
    const arrow = { '↑': 'up', '↓': 'down', '←': 'left', '→': 'right' }[text];
    if (arrow) return { key: arrow };
    if (text === ' ') return { key: 'space' };
    return isPrintable(text) ? { key: text } : null;
  }
  const ctrl = /^(?:ctrl|control|c)[-+](.)$/i.exec(text);
  if (ctrl) return /^[a-z]$/i.test(ctrl[1]) ? { key: ctrl[1].toLowerCase(), ctrl: true } : null;
  const shift = /^shift[-+](.+)$/i.exec(text);
  if (shift) return shift[1].toLowerCase() === 'tab' ? { key: 'tab', shift: true } : null;
  const named = KEY_NAMES[text.toLowerCase()];
  return named ? { key: named } : null;
}

export const sameKey = (a: KeySpec, b: KeySpec): boolean => a.key === b.key && Boolean(a.shift) === Boolean(b.shift) && Boolean(a.ctrl) === Boolean(b.ctrl);

/**
 * The table with some commands given new keys. A key given to a command is taken from any other
 * command that had it by default in a context they share, so `j` rebound does only the new thing.
 */
export function rebindKeys(table: KeyTable, keys: ReadonlyMap<Command, readonly KeySpec[]>): KeyTable {
  const claimed = [...keys].map(([command, specs]) => ({ contexts: table.find((b) => b.command === command)?.contexts ?? [], specs }));
  return table.map((binding) => {
    const own = keys.get(binding.command);
    if (own) return { ...binding, keys: [...own] };
    const left = binding.keys.filter(
      (spec) => !claimed.some((claim) => claim.contexts.some((context) => binding.contexts.includes(context)) && claim.specs.some((taken) => sameKey(taken, spec))),
    );
    return left.length === binding.keys.length ? binding : { ...binding, keys: left };
  });
}

/** The bindings that apply in a context (a command left with no key is not listed), Ctrl-C included in the prompts. */
export function bindingsFor(context: Context, table: KeyTable = KEY_TABLE): KeyBinding[] {
  const bindings = table.filter((binding) => binding.contexts.includes(context) && binding.keys.length > 0);
  if (PROMPT_CONTEXTS.includes(context)) {
    const quit = table.find((binding) => binding.command === 'quit')!;
    bindings.push({ ...quit, keys: [PROMPT_QUIT], description: 'Quit' });
  }
  return bindings;
}

/** Help text lines for the `?` overlay: the contexts given, grouped by category. */
export function helpLines(contexts: readonly Context[], table: KeyTable = KEY_TABLE): string[] {
  const lines: string[] = [];
  for (const context of contexts) {
    const bindings = bindingsFor(context, table);
    if (lines.length > 0) lines.push('');
    lines.push(CONTEXT_TITLES[context]);
    const width = Math.max(...bindings.map((binding) => keysLabel(binding).length));
    for (const category of CATEGORIES) {
      const inCategory = bindings.filter((b) => b.category === category);
      if (inCategory.length === 0) continue;
      lines.push(`  ${category}`);
      for (const binding of inCategory) lines.push(`    ${keysLabel(binding).padEnd(width)}  ${binding.description}`);
    }
  }
  return lines;
}

/** The key table as Markdown, one table per context (the README's key list is generated from it). */
export function keyTableMarkdown(): string {
  const out: string[] = [];
  for (const context of CONTEXTS) {
    out.push(`### ${CONTEXT_TITLES[context]}`, '', '| keys | action | category |', '|---|---|---|');
    for (const category of CATEGORIES) {
      for (const binding of bindingsFor(context).filter((b) => b.category === category)) {
        const labels = binding.command === 'followNumber' ? ['1 … 9'] : binding.keys.map(keyLabel);
        const keyText = binding.keys[0].key === 'text' ? 'any character' : labels.map((label) => `\`${label}\``).join(' ');
        out.push(`| ${keyText.replace(/\|/g, '\\|')} | ${binding.description.replace(/\|/g, '\\|')} | ${category} |`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
