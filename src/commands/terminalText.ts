// Text from files printed by the commands (titles, ids, messages) goes through here,
// so no control sequence from a file reaches the terminal (SPEC §4).
// One line of display text: the renderer's sanitiser, newlines and tabs folded to spaces.
export { sanitizeLine } from '../render/sanitizeText.js';

// JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+009B is an 8-bit CSI)
// and bidi overrides raw; LINE/PARAGRAPH SEPARATOR too. They only ever stand inside strings,
// where \uXXXX means the same, so the data is unchanged and nothing reaches a terminal raw.
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON for stdout (`list --json`, `check --json`): the same value, every control escaped. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
