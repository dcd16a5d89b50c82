// The effective configuration: defaults, then the config file, then flags and the environment,
// each value with where it came from (`broadsheet config` prints them). A broken file never
// stops anything: each problem is one line naming the file and the line, and that setting keeps
// its default. Plain data; reading the file is configFile.ts's, YAML is parseConfig.ts's.
import { basename } from 'node:path';
import type { Command } from '../navigation/commands.js';
import {
  COLOUR_ROLES,
  THEMES,
  THEME_NAMES,
  backgroundFromEnv,
  parseLook,
  type ColourRole,
  type RoleLook,
  type Theme,
  type ThemeName,
} from '../render/theme.js';
import type { Role } from '../render/styles.js';
import { KEY_TABLE, type KeyTable } from '../ui/keys.js';
import type { ConfigText } from './configFile.js';
import { applyKeyConfig } from './keyBindings.js';
import type { ConfigEntry, ParsedConfig } from './parseConfig.js';

export interface ConfigProblem {
  line: number;
  message: string;
}

/** A value and where it came from: `default`, `config.yaml:3`, `--mouse`, `COLORFGBG`. */
export interface Sourced<T> {
  value: T;
  from: string;
}

export type ThemeChoice = (typeof THEME_NAMES)[number];
export type HyperlinkChoice = 'auto' | 'on' | 'off';

export interface Settings {
  file: { path: string; status: ConfigText['status'] };
  theme: Sourced<ThemeChoice>;
  /** The theme `auto` came to (or the one chosen), and why. */
  themeUsed: Sourced<ThemeName>;
  /** The colours per role: the theme's, with the config file's `colors:` over them. */
  look: Theme;
  colours: Readonly<Partial<Record<ColourRole, Sourced<string>>>>;
  /** The widest text is laid out (null: the terminal's width, up to 100 columns). */
  width: Sourced<number | null>;
  watch: Sourced<boolean>;
  mouse: Sourced<boolean>;
  hyperlinks: Sourced<HyperlinkChoice>;
  /** The editor command for `e` (null: $VISUAL, else $EDITOR, else vi). */
  editor: Sourced<string | null>;
  keys: KeyTable;
  /** The config line each rebound command's keys come from. */
  keyLines: ReadonlyMap<Command, number>;
  /** One line each: `FILE:LINE: what is wrong; what is used instead`. */
  problems: string[];
}

/** What the command line says about settings (undefined: not given). */
export interface SettingFlags {
  theme?: ThemeChoice;
  width?: number;
  watch?: boolean;
  mouse?: boolean;
  hyperlinks?: boolean;
}

const SETTINGS = ['theme', 'colors', 'width', 'watch', 'mouse', 'hyperlinks', 'editor', 'keys'] as const;

const fromDefault = <T>(value: T): Sourced<T> => ({ value, from: 'default' });

/** The settings from a config file read (`parsed` when it had text), flags and the environment. */
export function resolveSettings(text: ConfigText, parsed: ParsedConfig | null, flags: SettingFlags = {}, env: NodeJS.ProcessEnv = {}): Settings {
  const name = basename(text.path);
  const found: ConfigProblem[] = [];
  const problem = (line: number, message: string) => found.push({ line, message });
  const at = (line: number) => `${name}:${line}`;

  const problems: string[] = [];
  if (text.status === 'unreadable') problems.push(`${text.path}: cannot read the config file (${text.problem}); using the defaults`);
  if (parsed?.problem) problem(parsed.problem.line, `${parsed.problem.message}; the whole file is ignored, using the defaults`);
  const entries = new Map<string, ConfigEntry>();
  for (const entry of parsed?.root ?? []) {
    if (!(SETTINGS as readonly string[]).includes(entry.key)) problem(entry.line, `unknown setting "${entry.key}" (known: ${SETTINGS.join(', ')})`);
    else entries.set(entry.key, entry);
  }

  const scalar = (key: string): { value: unknown; line: number } | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.value.kind !== 'scalar') {
      problem(entry.line, `${key} takes one value`);
      return null;
    }
    return { value: entry.value.value, line: entry.line };
  };
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T): Sourced<T> => {
    const found = scalar(key);
    if (!found) return fromDefault(fallback);
    const value = typeof found.value === 'boolean' ? (found.value ? 'on' : 'off') : String(found.value);
    if ((allowed as readonly string[]).includes(value)) return { value: value as T, from: at(found.line) };
    problem(found.line, `${key} is one of ${allowed.join(', ')}, not "${value}"; using ${fallback}`);
    return fromDefault(fallback);
  };
  const flag = (key: string, fallback: boolean): Sourced<boolean> => {
    const found = scalar(key);
    if (!found) return fromDefault(fallback);
    if (typeof found.value === 'boolean') return { value: found.value, from: at(found.line) };
    problem(found.line, `${key} is true or false, not "${String(found.value)}"; using ${fallback}`);
    return fromDefault(fallback);
  };

  let theme = choice<ThemeChoice>('theme', THEME_NAMES, 'auto');
  if (flags.theme !== undefined) theme = { value: flags.theme, from: '--theme' };
  const background = backgroundFromEnv(env.COLORFGBG);
  const themeUsed: Sourced<ThemeName> =
    theme.value !== 'auto' ? { value: theme.value, from: theme.from } : background ? { value: background, from: `auto: COLORFGBG=${env.COLORFGBG}` } : { value: 'dark', from: 'auto: default' };

  const colours: Partial<Record<ColourRole, Sourced<string>>> = {};
  const look: Partial<Record<Role, RoleLook>> = { ...THEMES[themeUsed.value] };
  const coloursEntry = entries.get('colors');
  if (coloursEntry && coloursEntry.value.kind !== 'map') problem(coloursEntry.line, 'colors: should be a list of `role: colour` lines');
  else if (coloursEntry && coloursEntry.value.kind === 'map') {
    for (const entry of coloursEntry.value.entries) {
      if (!(entry.key in COLOUR_ROLES)) {
        problem(entry.line, `unknown colour role "${entry.key}" (known: ${Object.keys(COLOUR_ROLES).join(', ')})`);
        continue;
      }
      const role = entry.key as ColourRole;
      const written = entry.value.kind === 'scalar' && entry.value.value !== null ? String(entry.value.value) : '';
      const parsedLook = parseLook(written);
      if (!parsedLook) {
        problem(entry.line, `"${written}" is not a colour for ${role} (a name such as blue or bright-red, 0–255, "white on blue"); keeping the theme's`);
        continue;
      }
      colours[role] = { value: written, from: at(entry.line) };
      // A heading keeps its bold and underline; the colour is what changes.
      for (const themeRole of COLOUR_ROLES[role]) look[themeRole] = parsedLook;
    }
  }

  let width: Sourced<number | null> = fromDefault(null);
  const widthFound = scalar('width');
  if (widthFound) {
    const n = widthFound.value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 20 && n <= 1000) width = { value: n, from: at(widthFound.line) };
    else problem(widthFound.line, `width is a whole number of columns from 20 to 1000, not "${String(n)}"; using the terminal's width`);
  }
  if (flags.width !== undefined) width = { value: flags.width, from: '--width' };

  let watch = flag('watch', true);
  if (flags.watch !== undefined) watch = { value: flags.watch, from: flags.watch ? '--watch' : '--no-watch' };
  let mouse = flag('mouse', false);
  if (flags.mouse !== undefined) mouse = { value: flags.mouse, from: flags.mouse ? '--mouse' : '--no-mouse' };
  let hyperlinks = choice<HyperlinkChoice>('hyperlinks', ['auto', 'on', 'off'], 'auto');
  if (flags.hyperlinks !== undefined) hyperlinks = { value: flags.hyperlinks ? 'on' : 'off', from: flags.hyperlinks ? '--hyperlinks' : '--no-hyperlinks' };

  let editor: Sourced<string | null> = fromDefault(null);
  const editorFound = scalar('editor');
  if (editorFound) {
    if (typeof editorFound.value === 'string' && editorFound.value.trim() !== '') editor = { value: editorFound.value.trim(), from: at(editorFound.line) };
    else problem(editorFound.line, 'editor is a command, such as nvim or "code -w"; using $VISUAL, $EDITOR or vi');
  }

  let keys: KeyTable = KEY_TABLE;
  let keyLines: ReadonlyMap<Command, number> = new Map();
  const keysEntry = entries.get('keys');
  if (keysEntry) {
    const applied = applyKeyConfig(keysEntry.value.kind === 'scalar' && keysEntry.value.value === null ? { kind: 'map', entries: [], line: keysEntry.line } : keysEntry.value);
    keys = applied.table;
    keyLines = applied.lines;
    for (const p of applied.problems) problem(p.line, p.message);
  }

  // In the file's order, so they read top to bottom beside it.
  found.sort((a, b) => a.line - b.line);
  for (const p of found) problems.push(`${text.path}:${p.line}: ${p.message}`);
  return { file: { path: text.path, status: text.status }, theme, themeUsed, look, colours, width, watch, mouse, hyperlinks, editor, keys, keyLines, problems };
}

/** The one line the reader's status line shows for a config with problems. */
export function problemSummary(settings: Settings): string | null {
  const [first, ...rest] = settings.problems;
  if (first === undefined) return null;
  return rest.length === 0 ? `config: ${first}` : `config: ${first} (and ${rest.length} more: broadsheet config)`;
}
