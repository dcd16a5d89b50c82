// Text comparisons of saved pages' words, with no DOM: the metadata pass (pageOutline.ts) and
// the full extraction (dom.ts) both use them.

/** Text with runs of whitespace (NBSP included) collapsed to one space, trimmed. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A loose comparison key for titles and crumbs: NFKC, lower case, punctuation and symbols as
 * spaces, whitespace collapsed. Two texts that differ only in dashes, quotes or case match.
 */
export function looseKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
