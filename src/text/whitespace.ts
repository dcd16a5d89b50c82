// Whitespace as a reader sees it: a run of spaces, tabs, line breaks or no-break spaces is one
// space, and there is none at either end.

// Most text has only single spaces: testing is cheaper than rebuilding every string.
const WHITESPACE_TO_COLLAPSE = /[^\S ]| {2}/;
const WHITESPACE_RUN = /\s+/g; // \s includes NBSP and the other Unicode spaces

/** Whitespace runs (NBSP included) as one space, none at either end. */
export function collapseWhitespace(s: string): string {
  return (WHITESPACE_TO_COLLAPSE.test(s) ? s.replace(WHITESPACE_RUN, ' ') : s).trim();
}
