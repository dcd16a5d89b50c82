// Text from the file made safe to lay out: entities decoded first, then sanitised (decoding
// can produce controls, so never the other way round).
import { sanitizeLine, sanitizeText } from './sanitizeText.js';
import { decodeEntities } from './entities.js';

export const clean = (s: unknown): string => sanitizeText(decodeEntities(String(s ?? '')));

export const cleanLine = (s: unknown): string => sanitizeLine(decodeEntities(String(s ?? '')));

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
