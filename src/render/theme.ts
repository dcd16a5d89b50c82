// Themes: the colours of each role (styles.ts), as xterm palette indices (0–15 the terminal's
// own sixteen, 16–255 the fixed cube and greys), chosen for a dark or a light background, or
// none at all. `dark` is broadsheet's look from the start; `light` keeps every role readable
// on white (WCAG contrast ≥ 4.5 with xterm's palette, checked in the tests); `none` is
// attributes only (bold, underline, inverse), readable on any background.
import { DIM, FLAG_MASK, INVERSE, roleOf, type Role } from './styles.js';

export interface RoleLook {
  /** Foreground, a palette index 0–255. */
  fg?: number;
  /** Background, a palette index 0–255. */
  bg?: number;
  dim?: boolean;
  inverse?: boolean;
}

export type Theme = Readonly<Partial<Record<Role, RoleLook>>>;
export type ThemeName = 'dark' | 'light' | 'none';
export const THEME_NAMES = ['auto', 'dark', 'light', 'none'] as const;

const BLACK = 0;
const RED = 1;
const GREEN = 2;
const YELLOW = 3;
const BLUE = 4;
const MAGENTA = 5;
const CYAN = 6;
const GREY = 8;
const BRIGHT_BLUE = 12;
const BRIGHT_MAGENTA = 13;

export const DARK_THEME: Theme = {
  meta: { dim: true },
  h1: { fg: MAGENTA },
  h2: { fg: CYAN },
  h3: { fg: GREEN },
  rule: { dim: true },
  code: { fg: YELLOW },
  codeMarker: { dim: true },
  quote: { dim: true },
  html: { dim: true },
  image: { dim: true },
  listMarker: { fg: CYAN },
  link: { fg: CYAN },
  externalLink: { fg: BLUE },
  unresolved: { dim: true },
  urlSuffix: { dim: true },
  relatedNumber: { fg: MAGENTA },
  highlight: { bg: YELLOW, fg: BLACK },
  callout: { fg: CYAN },
  footnote: { fg: CYAN },
  statusLine: { inverse: true },
  syntaxKeyword: { fg: MAGENTA },
  syntaxString: { fg: GREEN },
  syntaxNumber: { fg: CYAN },
  syntaxComment: { fg: GREY },
  syntaxTitle: { fg: BRIGHT_BLUE },
  syntaxType: { fg: CYAN },
  syntaxLiteral: { fg: BRIGHT_MAGENTA },
  syntaxBuiltin: { fg: CYAN },
  syntaxMeta: { fg: GREY },
  syntaxAttr: { fg: YELLOW },
  syntaxVariable: { fg: RED },
  syntaxRegexp: { fg: RED },
  syntaxDeletion: { fg: RED },
  syntaxAddition: { fg: GREEN },
};

// 256-colour indices: the cube's darker shades, which the sixteen lack (xterm's green, cyan and
// yellow are all below 2:1 on white).
const DARK_MAGENTA = 90; // #870087
const DEEP_BLUE = 24; // #005f87
const DARK_GREEN = 22; // #005f00
const LINK_BLUE = 25; // #005faf
const NAVY = 19; // #0000af
const MID_GREY = 242; // #6c6c6c
const BROWN = 94; // #875f00
const DARK_RED = 88; // #870000
const PALE_YELLOW = 229; // #ffffaf
const PURPLE = 54; // #5f0087

export const LIGHT_THEME: Theme = {
  meta: { fg: MID_GREY },
  h1: { fg: DARK_MAGENTA },
  h2: { fg: DEEP_BLUE },
  h3: { fg: DARK_GREEN },
  rule: { fg: MID_GREY },
  code: { fg: BROWN },
  codeMarker: { fg: MID_GREY },
  quote: { fg: MID_GREY },
  html: { fg: MID_GREY },
  image: { fg: MID_GREY },
  listMarker: { fg: DEEP_BLUE },
  link: { fg: LINK_BLUE },
  externalLink: { fg: NAVY },
  unresolved: { fg: MID_GREY },
  urlSuffix: { fg: MID_GREY },
  relatedNumber: { fg: DARK_MAGENTA },
  highlight: { bg: PALE_YELLOW, fg: BLACK },
  callout: { fg: DEEP_BLUE },
  footnote: { fg: DEEP_BLUE },
  statusLine: { inverse: true },
  syntaxKeyword: { fg: DARK_MAGENTA },
  syntaxString: { fg: DARK_GREEN },
  syntaxNumber: { fg: NAVY },
  syntaxComment: { fg: MID_GREY },
  syntaxTitle: { fg: LINK_BLUE },
  syntaxType: { fg: DEEP_BLUE },
  syntaxLiteral: { fg: PURPLE },
  syntaxBuiltin: { fg: DEEP_BLUE },
  syntaxMeta: { fg: MID_GREY },
  syntaxAttr: { fg: BROWN },
  syntaxVariable: { fg: DARK_RED },
  syntaxRegexp: { fg: DARK_RED },
  syntaxDeletion: { fg: DARK_RED },
  syntaxAddition: { fg: DARK_GREEN },
};

/** No colour: attributes only (the status line stays in inverse video, as the reader's own marks do). */
export const NO_THEME: Theme = { statusLine: { inverse: true } };

export const THEMES: Readonly<Record<ThemeName, Theme>> = { dark: DARK_THEME, light: LIGHT_THEME, none: NO_THEME };

/** An SGR parameter for a palette colour: 30–37/90–97 for the sixteen (what every terminal has), 38;5;N beyond. */
function colourCode(index: number, background: boolean): string {
  if (index < 8) return String((background ? 40 : 30) + index);
  if (index < 16) return String((background ? 100 : 90) + index - 8);
  return `${background ? 48 : 38};5;${index}`;
}

/** The SGR sequence that switches to `flags` plus a role's look from no style. */
export function sgrOf(flags: number, look: RoleLook | undefined): string {
  const f = flags | (look?.dim ? DIM : 0) | (look?.inverse ? INVERSE : 0);
  const codes: string[] = [];
  if (f & 1) codes.push('1');
  if (f & 2) codes.push('2');
  if (f & 4) codes.push('3');
  if (f & 8) codes.push('4');
  if (f & 32) codes.push('7');
  if (f & 16) codes.push('9');
  if (look?.bg !== undefined) codes.push(colourCode(look.bg, true));
  if (look?.fg !== undefined) codes.push(colourCode(look.fg, false));
  return codes.length ? `\x1b[${codes.join(';')}m` : '';
}

/** The SGR sequence that switches to `style` (attributes and role) under `theme`. */
export function sgr(style: number, theme: Theme = DARK_THEME): string {
  return sgrOf(style & FLAG_MASK, theme[roleOf(style)]);
}

const COLOUR_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** A palette index from a colour's name (`red`, `bright-red`, `grey`) or number (0–255); null when it names none. */
export function parseColour(word: string): number | null {
  const text = word.toLowerCase();
  if (/^\d{1,3}$/.test(text)) return Number(text) <= 255 ? Number(text) : null;
  if (text === 'grey' || text === 'gray') return 8;
  const bright = /^bright[-_]?(\w+)$/.exec(text);
  const index = COLOUR_NAMES.indexOf(bright ? bright[1] : text);
  if (index < 0) return null;
  return bright ? index + 8 : index;
}

/**
 * A role's look as written in the config file: `blue`, `214`, `white on blue`, `on yellow`,
 * `default`, and the words `dim` and `inverse`. Null when a
 * word is not understood.
 */
export function parseLook(text: string): RoleLook | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const look: RoleLook = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if (word === 'default' || word === 'none') continue;
    if (word === 'dim') look.dim = true;
    else if (word === 'inverse' || word === 'reverse') look.inverse = true;
    else if (word === 'on') {
      const bg = words[i + 1] === undefined ? null : parseColour(words[++i]);
      if (bg === null) return null;
      look.bg = bg;
    } else {
      const fg = parseColour(word);
      if (fg === null || look.fg !== undefined) return null;
      look.fg = fg;
    }
  }
  return look;
}

/** A look written back as the config file takes it (for `broadsheet config`). */
export function lookText(look: RoleLook | undefined): string {
  if (!look) return 'default';
  const name = (index: number) => (index < 8 ? COLOUR_NAMES[index] : index < 16 ? `bright-${COLOUR_NAMES[index - 8]}` : String(index));
  const words: string[] = [];
  if (look.fg !== undefined) words.push(name(look.fg));
  if (look.bg !== undefined) words.push('on', name(look.bg));
  if (look.dim) words.push('dim');
  if (look.inverse) words.push('inverse');
  return words.length ? words.join(' ') : 'default';
}

/** The roles a person names in the config file's `colors:`, and the theme roles each one sets. */
export const COLOUR_ROLES = {
  headings: ['h1', 'h2', 'h3', 'h4'],
  links: ['link'],
  externalLinks: ['externalLink'],
  unresolvedLinks: ['unresolved'],
  quotes: ['quote'],
  code: ['code'],
  statusLine: ['statusLine'],
  highlights: ['highlight'],
  meta: ['meta'],
  lists: ['listMarker'],
  callouts: ['callout'],
  relatedNumbers: ['relatedNumber'],
  footnotes: ['footnote'],
} as const satisfies Record<string, readonly Role[]>;
export type ColourRole = keyof typeof COLOUR_ROLES;

/**
 * `dark` or `light` from COLORFGBG (`fg;bg`, set by rxvt, Konsole and others): backgrounds 7 and
 * 9–15 are light, as vim decides; null when it is unset or unreadable.
 */
export function backgroundFromEnv(colorfgbg: string | undefined): 'dark' | 'light' | null {
  if (!colorfgbg) return null;
  const bg = colorfgbg.split(';').pop()!;
  if (!/^\d+$/.test(bg)) return null;
  const n = Number(bg);
  return n === 7 || (n >= 9 && n <= 15) ? 'light' : 'dark';
}
