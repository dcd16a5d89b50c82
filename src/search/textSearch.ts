// Search inside one article: every match of a query in the rendered plain lines, in reading
// order. Case-insensitive unless the query holds a capital letter (smart case, as in less -I
// and vim's smartcase). Indices are UTF-16 offsets into the plain line; the view turns them
// into columns. Pure: no terminal code.

export interface TextMatch {
  line: number;
  /** Offset of the match in plainLines[line] (UTF-16 code units). */
  index: number;
  /** Length in UTF-16 code units. */
  length: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the query asks for its case to be kept: it holds an upper-case letter. */
export function isCaseSensitive(query: string): boolean {
  return /\p{Lu}/u.test(query);
}

/** The pattern a query searches with, or null for an empty query. */
export function searchPattern(query: string): RegExp | null {
  if (query === '') return null;
  // The `iu` flags fold case one code point at a time, so offsets stay those of the line itself.
  return new RegExp(escapeRegExp(query), isCaseSensitive(query) ? 'gu' : 'giu');
}

const memo = new WeakMap<readonly string[], Map<string, TextMatch[]>>();

/** Every match of `query` in `lines`, in reading order (memoised per lines array and query). */
export function findMatches(lines: readonly string[], query: string): TextMatch[] {
  let perQuery = memo.get(lines);
  if (!perQuery) {
    perQuery = new Map();
    memo.set(lines, perQuery);
  }
  const hit = perQuery.get(query);
  if (hit) return hit;
  const matches: TextMatch[] = [];
  const pattern = searchPattern(query);
  if (pattern) {
    for (let line = 0; line < lines.length; line++) {
      const text = lines[line];
      if (text === '') continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        matches.push({ line, index: m.index, length: m[0].length });
        if (m[0].length === 0) pattern.lastIndex++;
      }
    }
  }
  // Keep a handful of queries per article (typing builds one query a key at a time).
  if (perQuery.size > 32) perQuery.delete(perQuery.keys().next().value!);
  perQuery.set(query, matches);
  return matches;
}

const before = (a: { line: number; index: number }, b: { line: number; index: number }) => a.line < b.line || (a.line === b.line && a.index < b.index);

/** Position of the first match at or after (line, index), or -1. */
export function matchAtOrAfter(matches: readonly TextMatch[], line: number, index = 0): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(matches[mid], { line, index })) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : -1;
}

/** Position of the match exactly at (line, index), or -1. */
export function matchAt(matches: readonly TextMatch[], line: number, index: number): number {
  const i = matchAtOrAfter(matches, line, index);
  return i >= 0 && matches[i].line === line && matches[i].index === index ? i : -1;
}

/** The first line holding any of the terms (case-insensitive), or null. */
export function firstLineWithAny(lines: readonly string[], terms: readonly string[]): number | null {
  const wanted = terms.filter((term) => term.trim() !== '');
  if (wanted.length === 0) return null;
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'iu');
  for (let line = 0; line < lines.length; line++) if (pattern.test(lines[line])) return line;
  return null;
}
