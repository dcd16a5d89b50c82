// The paragraph openers that mark a related-reading link in place (SPEC §1a).
// The renderer imports these too, so both layers agree on what a related paragraph is.

/** Longest first, so `Read also:` is tried before `Read:` and `→ READ.` before `READ.`. */
export const RELATED_OPENERS = ['→ READ.', 'Read also:', 'See also:', 'READ.', 'Read:'] as const;

// Any run of spaces, NBSPs or other Unicode spaces between words of an opener and after it.
const SPACE = '[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]';

function openerPattern(opener: string): string {
  return opener
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(`${SPACE}+`);
}

const OPENER_RE = new RegExp(`^${SPACE}*(?:${RELATED_OPENERS.map(openerPattern).join('|')})(?=${SPACE}|$)`, 'u');

/** The opener at the start of `text` as written (e.g. `Read:`), or null. */
export function matchRelatedOpener(text: string): string | null {
  const m = OPENER_RE.exec(text);
  return m ? m[0] : null;
}

/** True when `text` starts with a related opener followed by a space (NBSP included) or its end. */
export function startsWithRelatedOpener(text: string): boolean {
  return OPENER_RE.test(text);
}

/** What an opener can start with, past spaces. */
const OPENER_FIRST = new Set(RELATED_OPENERS.map((opener) => opener[0]));
const NOT_SPACE = new RegExp(`[^${SPACE.slice(1, -1)}]`, 'u');

/**
 * Whether text that begins with `start` can start with a related opener: 'no' when its first
 * character past spaces starts no opener, 'maybe' when it does, 'unknown' while `start` is only
 * spaces. Lets a scan test a paragraph's first words before it builds the paragraph's text.
 */
export function relatedOpenerAhead(start: string): 'no' | 'maybe' | 'unknown' {
  const i = start.search(NOT_SPACE);
  return i < 0 ? 'unknown' : OPENER_FIRST.has(start[i]) ? 'maybe' : 'no';
}
