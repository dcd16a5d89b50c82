// Wikilinks as notes apps write them: [[REF]], [[REF|label]], [[REF#Heading]],
// [[REF#Heading|label]] and the embed ![[REF]] (shown as a link, never inlined).
// An inline marked extension, so code spans and code blocks keep `[[…]]` as plain text:
// marked only offers inline extensions text that no code tokenizer has claimed.
import type { TokenizerAndRendererExtension, Tokens } from 'marked';

export interface WikilinkToken extends Tokens.Generic {
  type: 'wikilink';
  raw: string;
  /** The REF including any `#Heading`, without the `|label`. */
  ref: string;
  /** What the reader sees: the label, else the REF as written. */
  label: string;
  /** True for `![[REF]]`. */
  embed: boolean;
}

/** How far ahead `start` looks for `[[`. */
const START_WINDOW = 256;

const WIKILINK = /^(!?)\[\[([^\[\]\n|]+?)(?:\|([^\[\]\n]*?))?\]\]/;

/** Parse one wikilink at the start of `src`, or undefined. */
export function matchWikilink(src: string): WikilinkToken | undefined {
  const m = WIKILINK.exec(src);
  if (!m) return undefined;
  const ref = m[2].trim();
  if (ref === '') return undefined;
  const label = (m[3] ?? '').trim() || ref;
  return { type: 'wikilink', raw: m[0], ref, label, embed: m[1] === '!' };
}

export const wikilinkExtension: TokenizerAndRendererExtension = {
  name: 'wikilink',
  level: 'inline',
  // Tell marked's text tokenizer where a wikilink may begin, so it stops there. marked asks
  // on every text token with the whole rest of the paragraph, so an unbounded search makes a
  // long paragraph quadratic; marked's text rule already stops before every `[` and `!`, so
  // looking a short way ahead gives the same tokens.
  start(src: string) {
    const i = src.slice(0, START_WINDOW).search(/!?\[\[/);
    return i < 0 ? undefined : i;
  },
  tokenizer(src: string) {
    // No link inside a link (CommonMark): marked unescapes `\[` in a link's label before lexing
    // it, so an escaped `\[\[x\]\]` there would otherwise become a wikilink inside the link.
    if (this.lexer.state.inLink) return undefined;
    return matchWikilink(src);
  },
  // A plain-HTML fallback so marked.parse() with this extension never fails;
  // the terminal renderer supplies its own.
  renderer(token) {
    const t = token as WikilinkToken;
    return t.label;
  },
};
