// Text from files printed by the commands (titles, ids, messages) goes through here,
// so no control sequence from a file reaches the terminal (SPEC §4).
import { sanitizeText } from '../render/sanitizeText.js';

/** One line of display text: cleaned, newlines and tabs folded to spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text.replace(/[\r\n\t]+/g, ' '));
}
