// Text from the file made safe to lay out: entities decoded first, then sanitised (decoding
// can produce controls, so never the other way round).
import { sanitizeLine, sanitizeText } from './sanitizeText.js';
import { decodeEntities } from './entities.js';

export const clean = (s: unknown): string => sanitizeText(decodeEntities(String(s ?? '')));

export const cleanLine = (s: unknown): string => sanitizeLine(decodeEntities(String(s ?? '')));

// Most text has only single spaces: testing is cheaper than rebuilding every string.
const WHITESPACE_TO_COLLAPSE = /[^\S ]| {2}/;
const WHITESPACE_RUN = /\s+/g;

/** Whitespace runs as one space, none at either end. */
export const collapse = (s: string): string => (WHITESPACE_TO_COLLAPSE.test(s) ? s.replace(WHITESPACE_RUN, ' ') : s).trim();
