// How wide, whether coloured, whether links are hyperlinks: decided once from flags, the config
// file, NO_COLOR and the terminal (SPEC §2).
import { createRequire } from 'node:module';
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

export const MAX_READING_WIDTH = 100;

/**
 * Whether external links are terminal hyperlinks: forced by `--hyperlinks` / `hyperlinks: on`,
 * never with `off`, else when the terminal is known to show them (supports-hyperlinks' rules:
 * TERM_PROGRAM, VTE_VERSION, FORCE_HYPERLINK…; never in a pipe).
 */
export function chooseHyperlinks(choice: 'auto' | 'on' | 'off', stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice !== 'auto') return choice === 'on';
  // A pipe never shows them (FORCE_HYPERLINK aside): `show` into a pipe does not load the rules.
  if (!stdout.isTTY && !env.FORCE_HYPERLINK) return false;
  return supportsHyperlinks()(stdout);
}

/**
 * supports-hyperlinks (and supports-color, which it asks), evaluated when first asked rather than
 * with the entry: a literal `require`, which esbuild bundles (as text/width.ts loads string-width).
 */
function supportsHyperlinks(): (stream: NodeJS.WriteStream) => boolean {
  const module = (typeof require === 'function' ? require('supports-hyperlinks') : createRequire(import.meta.url)('supports-hyperlinks')) as typeof import('supports-hyperlinks');
  return module.createSupportsHyperlinks;
}
export const PIPE_WIDTH = 80;

/** The flag's width, else the terminal's up to `readingWidth` (the config file's `width:`), else 80 (or that width) in a pipe. */
export function chooseWidth(flagWidth: number | undefined, stdout: OutputStream, readingWidth?: number): number {
  if (flagWidth !== undefined) return flagWidth;
  if (stdout.isTTY && stdout.columns) return Math.min(stdout.columns, readingWidth ?? MAX_READING_WIDTH);
  return readingWidth ?? PIPE_WIDTH;
}

export function chooseColor(flagColor: boolean | undefined, stdout: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (flagColor !== undefined) return flagColor;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (isDumbTerminal(env)) return false;
  return stdout.isTTY === true;
}

/**
 * TERM=dumb: a terminal that cannot move its cursor or switch screens (Emacs shell buffers, some
 * IDE consoles). It gets plain lines only: no colour, no alternate screen, no reader.
 */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'dumb';
}
