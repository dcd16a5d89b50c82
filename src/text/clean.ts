// Text as written in a file, made safe for any output: entities decoded, then sanitised (SPEC §4:
// decoded first, then cleaned). Apart from sanitize.ts because the decoder brings the entities
// package's tables, which the list and the first frame (text already cleaned at parse time) never
// need.
import { decodeEntities } from './entities.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';

/** Text as written in a file (entities and all), made safe: decoded, then sanitised. */
export function cleanText(raw: string): string {
  return sanitizeText(decodeEntities(String(raw ?? '')));
}

/** One line of text as written in a file: decoded, then sanitised and folded to one line. */
export function cleanLine(raw: string): string {
  return sanitizeLine(decodeEntities(String(raw ?? '')));
}
