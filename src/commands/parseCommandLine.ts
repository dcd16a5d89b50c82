// Turns argv into one command with typed options. Pure: the CLI entry does the I/O.
import { parseArgs } from 'node:util';
import { normalizeDate } from '../text/dates.js';

export type CommandName = 'read' | 'show' | 'list' | 'check' | 'import' | 'config' | 'help' | 'version';

export interface CommandLine {
  command: CommandName;
  /** Library paths (for `show`, the REF is separate). */
  paths: string[];
  ref?: string;
  open?: string;
  json: boolean;
  width?: number;
  /** true/false when forced by a flag, undefined to decide from the terminal and NO_COLOR. */
  color?: boolean;
  out?: string;
  force: boolean;
  /** Settings flags over the config file (undefined: not given). */
  theme?: 'auto' | 'dark' | 'light' | 'none';
  mouse?: boolean;
  hyperlinks?: boolean;
  /** import: items dated before this ISO date are left out. */
  since?: string;
  /** import: at most this many new items from each feed or export. */
  limit?: number;
  /** --watch / --no-watch: reload files changed while the reader runs (over the config file's watch). */
  watch?: boolean;
}

/** A mistake in how the command was typed: exit 2 with one line and a hint. */
export class UsageError extends Error {}

const SUBCOMMANDS = new Set(['show', 'list', 'check', 'import', 'config']);
const THEME_CHOICES = ['auto', 'dark', 'light', 'none'] as const;

const OPTIONS = {
  json: { type: 'boolean' },
  width: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  watch: { type: 'boolean' },
  'no-watch': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  open: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  theme: { type: 'string' },
  mouse: { type: 'boolean' },
  'no-mouse': { type: 'boolean' },
  hyperlinks: { type: 'boolean' },
  'no-hyperlinks': { type: 'boolean' },
  since: { type: 'string' },
  limit: { type: 'string' },
} as const;

export function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  const base = {
    json: values.json === true,
    force: values.force === true,
    width: parseWidth(values.width),
    color: values['no-color'] ? false : values.color ? true : undefined,
    theme: parseTheme(values.theme),
    mouse: values['no-mouse'] ? false : values.mouse ? true : undefined,
    hyperlinks: values['no-hyperlinks'] ? false : values.hyperlinks ? true : undefined,
    watch: values['no-watch'] ? false : values.watch ? true : undefined,
  };
  if (values.help) return { command: 'help', paths: [], ...base };
  if (values.version) return { command: 'version', paths: [], ...base };

  const [first, ...rest] = positionals;
  const command = first !== undefined && SUBCOMMANDS.has(first) ? (first as CommandName) : 'read';
  const args = command === 'read' ? positionals : rest;
  if (values.out !== undefined && command !== 'import') throw new UsageError('--out goes with import');
  if (values.force && command !== 'import') throw new UsageError('--force goes with import');
  if (values.since !== undefined && command !== 'import') throw new UsageError('--since goes with import');
  if (values.limit !== undefined && command !== 'import') throw new UsageError('--limit goes with import');
  if (values.open !== undefined && command !== 'read') throw new UsageError(`--open goes with the reader, not with ${command}`);
  if (base.watch !== undefined && command !== 'read') throw new UsageError(`--${base.watch ? '' : 'no-'}watch goes with the reader, not with ${command}`);
  if (values.json && command !== 'list' && command !== 'check') throw new UsageError('--json goes with list or check');

  if ((base.mouse !== undefined) && command !== 'read') throw new UsageError(`--mouse goes with the reader, not with ${command}`);
  if (command === 'config' && args.length > 0) throw new UsageError('config takes no PATH: it prints the settings in effect');
  if (command === 'show') {
    const [ref, ...paths] = args;
    if (ref === undefined) throw new UsageError('show needs a REF: an article id, title or file path');
    return { command, ref, paths, ...base };
  }
  if (command === 'import') {
    if (args.length === 0) throw new UsageError('import needs at least one SOURCE: a raw page, a saved HTML page or an http(s) URL');
    if (values.out === undefined) throw new UsageError('import needs --out DIR: the folder to write Markdown articles into');
    const since = parseSince(values.since);
    const limit = parseLimit(values.limit);
    return { command, paths: args, out: values.out, ...base, ...(since ? { since } : {}), ...(limit !== undefined ? { limit } : {}) };
  }
  return { command, paths: args, open: values.open, ...base };
}

function parseTheme(raw: string | undefined): CommandLine['theme'] {
  if (raw === undefined) return undefined;
  const theme = THEME_CHOICES.find((choice) => choice === raw);
  if (!theme) throw new UsageError(`--theme is one of ${THEME_CHOICES.join(', ')}, not "${raw}"`);
  return theme;
}

function parseSince(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const date = normalizeDate(raw);
  if (!date) throw new UsageError(`--since takes a date such as 2025-06-01, not "${raw}"`);
  return date.slice(0, 10);
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--limit takes a whole number of items, at least 1, not "${raw}"`);
  return Number(raw);
}

function parseWidth(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const width = Number(raw);
  if (!/^\d+$/.test(raw) || width < 1 || width > 1000) {
    throw new UsageError(`--width takes a whole number of columns from 1 to 1000, not "${raw}"`);
  }
  return width;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1].replace(/^-\w, /, '')} needs a value`;
  return message.split('\n')[0].replace(/\. To specify.*$/, '');
}
