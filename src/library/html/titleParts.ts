// Where a page's title divides into its parts ("Story – Section | Site"): the one rule the
// per-page site-name cut (pageTitle.ts) and the library's shared-part cut (siteTitles.ts) read.
// A leaf: no parser, so the loader may import it on a warm start's first frame.

/**
 * Separators between a title and a site name: ` | `, ` - `, ` – `, ` — `, ` · `, and the CJK
 * ones, which go unspaced: `：`, `｜`, and `_` next to a CJK character ("新台阶_科技_腾讯网";
 * `file_name` is one word). Not an ASCII `: `: "Review: …", "Analysis: …" are headlines.
 */
/** Han, kana and Hangul, for a character class: scripts written without spaces between words. */
export const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
// Built at the first split: its script classes take ~0.8 ms to build, and only saved pages' titles are split.
let separator: RegExp | undefined;
const titleSeparator = () => (separator ??= new RegExp(`(\\s+[|\\-–—·]\\s+|\\s*[：｜]\\s*|\\s+_\\s+|(?<=[${CJK}])\\s*_\\s*|\\s*_\\s*(?=[${CJK}]))`, 'u'));

export interface TitleParts {
  /** The parts between separators, in order (one when the title has no separator). */
  parts: string[];
  /** Parts `from` to `to` (inclusive) with the separators between them as written, trimmed. */
  join(from: number, to: number): string;
}

export function titleParts(title: string): TitleParts {
  const pieces = title.split(titleSeparator()); // part, separator, part, separator, part…
  return {
    parts: pieces.filter((_, i) => i % 2 === 0),
    join: (from, to) => pieces.slice(from * 2, to * 2 + 1).join('').trim(),
  };
}
