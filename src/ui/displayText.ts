// Text shown in the list and status line: titles, sections and targets come straight from
// files, so they are cleaned (SPEC §4) and cut to the columns they are given.
import { createRequire } from 'node:module';
import { displayWidth } from '../render/textWidth.js';
import { sanitizeLine } from '../render/sanitizeText.js';

/** One line of display text from a file: cleaned, line breaks and tabs folded to spaces. */
export const cleanLine: (text: string) => string = sanitizeLine;

export function width(text: string): number {
  return displayWidth(text);
}

// slice-ansi builds an Intl.Segmenter when it is evaluated (~9 ms on the reader's first frame,
// which rarely cuts anything), so it is evaluated on first use; the UI cuts styled text with this. `require` keeps that synchronous:
// esbuild turns it into a call that evaluates the bundled module; unbundled, Node loads it.
let slice: typeof import('slice-ansi').default | undefined;
export function sliceAnsi(text: string, start: number, end?: number): string {
  slice ??= ((typeof require === 'function' ? require('slice-ansi') : createRequire(import.meta.url)('slice-ansi')) as typeof import('slice-ansi')).default;
  return slice(text, start, end);
}

/** Cut to at most `columns` visible columns, with `…` when something was cut. */
export function truncate(text: string, columns: number): string {
  if (columns <= 0) return '';
  if (displayWidth(text) <= columns) return text;
  if (columns === 1) return '…';
  // slice-ansi keeps a wide character that starts inside the cut: step back until it fits.
  let end = columns - 1;
  let cut = sliceAnsi(text, 0, end);
  while (end > 0 && displayWidth(cut) > columns - 1) cut = sliceAnsi(text, 0, --end);
  return cut + '…';
}

/** Cut or pad with spaces to exactly `columns` visible columns. */
export function fit(text: string, columns: number): string {
  const cut = truncate(text, columns);
  return cut + ' '.repeat(Math.max(0, columns - displayWidth(cut)));
}

export const INVERSE_ON = '\u001b[7m';
export const INVERSE_OFF = '\u001b[27m';
export const DIM_ON = '\u001b[2m';
export const DIM_OFF = '\u001b[22m';
