// JSON for stdout. JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is
// an 8-bit CSI), bidi controls and invisible marks (LRM, zero-width space…) raw; LINE/PARAGRAPH
// SEPARATOR too. They only ever stand inside strings, where \uXXXX means the same, so the data
// is unchanged, nothing reaches a terminal raw, and an id with a zero-width space in it shows
// as `\u200b` instead of looking like another id.
import { INVISIBLE_CLASS } from '../text/sanitize.js';

const JSON_UNSAFE = new RegExp(`[\\u007f-\\u009f${INVISIBLE_CLASS}\\u2028\\u2029]`, 'g');

/** JSON for stdout (`list --json`, `check --json`): the same value, every control escaped. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
