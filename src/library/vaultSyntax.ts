// Notes-vault syntax (Obsidian's, which Foam and others share) as marked extensions of the one
// lexer: `%%comments%%`, `==highlights==`, `$math$` / `$$math$$`, footnotes (`[^1]`,
// `[^1]: text`) and callouts (`> [!type] Title`). Each becomes a token of its own, so the
// renderer lays it out as what it is and the link scan never looks inside comments or math.
// Searches for a closing mark are bounded, so an unclosed mark costs one bounded look, not a
// pass over the rest of the body.
import { Tokenizer, type Lexer, type Token, type TokenizerAndRendererExtension, type Tokens } from 'marked';

export interface CommentToken extends Tokens.Generic {
  type: 'comment';
  raw: string;
}

export interface MathToken extends Tokens.Generic {
  type: 'math';
  raw: string;
  /** The formula as written, delimiters removed, every backslash kept. */
  text: string;
  /** `$$…$$` (display math) rather than `$…$`. */
  display: boolean;
}

export interface HighlightToken extends Tokens.Generic {
  type: 'highlight';
  raw: string;
  tokens: Token[];
}

export interface FootnoteRefToken extends Tokens.Generic {
  type: 'footnoteRef';
  raw: string;
  /** The label between `[^` and `]`. */
  id: string;
}

export interface FootnoteDefToken extends Tokens.Generic {
  type: 'footnoteDef';
  raw: string;
  id: string;
  tokens: Token[];
}

export interface CalloutToken extends Tokens.Generic {
  type: 'callout';
  raw: string;
  /** The type as written (`info`, `warning`…), lower-cased. */
  calloutType: string;
  /** `+` or `-` (foldable, open or folded) or ''. */
  fold: string;
  /** The title's inline tokens; empty when none is given. */
  titleTokens: Token[];
  tokens: Token[];
}

/** How far a closing mark is looked for. */
const MAX_SPAN = 20_000;
/** How far ahead `start` looks for an opening mark (see wikilinks.ts for why it is bounded). */
const START_WINDOW = 256;

/**
 * Set by the body lexer on itself for each paragraph it lexes inline: false when the text holds
 * none of `%%`, `==`, `$`, so `start` has nothing to look for.
 */
export const VAULT_INLINE_FLAG = 'vaultInlineSyntax';
export const VAULT_INLINE = /%%|==|\$/;

type LexerWithFlag = Lexer & { [VAULT_INLINE_FLAG]?: boolean };

/** Index of `mark` in `src` from `from`, looking at most MAX_SPAN characters ahead. */
function closing(src: string, mark: string, from: number): number {
  const i = src.indexOf(mark, from);
  return i < 0 || i - from > MAX_SPAN ? -1 : i;
}

const BLOCK_OPEN = /^ {0,3}(%%|\$\$)/;
const REST_OF_LINE_BLANK = /^[ \t]*(?:\n|$)/;

/** `%%…%%` and `$$…$$` standing as blocks of their own (the closing mark ends its line). */
const fencedBlock: TokenizerAndRendererExtension = {
  name: 'vaultBlock',
  level: 'block',
  tokenizer(src: string) {
    const m = BLOCK_OPEN.exec(src);
    if (!m) return undefined;
    const mark = m[1];
    const open = m[0].length;
    const end = closing(src, mark, open);
    if (end < 0) return undefined;
    const after = REST_OF_LINE_BLANK.exec(src.slice(end + 2, end + 2 + 200));
    if (!after) return undefined;
    const raw = src.slice(0, end + 2 + after[0].length);
    if (mark === '%%') return { type: 'comment', raw } satisfies CommentToken;
    return { type: 'math', raw, text: src.slice(open, end).replace(/^[ \t]*\n|\n[ \t]*$/g, ''), display: true } satisfies MathToken;
  },
  renderer: () => '',
};

const INLINE_MATH = /^\$(?![\s$])((?:[^$\\\n]|\\[^\n]|\n(?![ \t]*\n)){1,2000}?)(?<!\s)\$(?!\d)/;
const HIGHLIGHT = /^==(?![\s=])([^\n]{0,2000}?[^\s\\])==/;

const inlineSyntax: TokenizerAndRendererExtension = {
  name: 'vaultInline',
  level: 'inline',
  start(src: string) {
    if ((this.lexer as LexerWithFlag)[VAULT_INLINE_FLAG] === false) return undefined;
    const window = src.slice(0, START_WINDOW);
    const i = window.search(VAULT_INLINE);
    if (i >= 0) return i;
    // Not in the window: stop the text there and look again, so a mark further on is met.
    return src.length > START_WINDOW ? START_WINDOW - 2 : undefined;
  },
  tokenizer(src: string) {
    // Inside a link's label marked has unescaped it already: `\$` there is no math.
    if (this.lexer.state.inLink) return undefined;
    const c = src.charCodeAt(0);
    if (c === 0x25 /* % */) {
      if (src.charCodeAt(1) !== 0x25) return undefined;
      const end = closing(src, '%%', 2);
      return end < 0 ? undefined : ({ type: 'comment', raw: src.slice(0, end + 2) } satisfies CommentToken);
    }
    if (c === 0x24 /* $ */) {
      if (src.charCodeAt(1) === 0x24) {
        const end = closing(src, '$$', 2);
        if (end <= 2) return undefined;
        return { type: 'math', raw: src.slice(0, end + 2), text: src.slice(2, end).trim(), display: true } satisfies MathToken;
      }
      const m = INLINE_MATH.exec(src);
      return m ? ({ type: 'math', raw: m[0], text: m[1], display: false } satisfies MathToken) : undefined;
    }
    if (c === 0x3d /* = */) {
      const m = HIGHLIGHT.exec(src);
      if (!m) return undefined;
      return { type: 'highlight', raw: m[0], tokens: this.lexer.inlineTokens(m[1]) } satisfies HighlightToken;
    }
    return undefined;
  },
  renderer: () => '',
};

// No `[`, `\\` or space in a label, and not a link's label (`[^x](dest)`): a link stays a link.
const FOOTNOTE_REF = /^\[\^([^\]\s^[\\]{1,100})\](?!\()/;

const footnoteRef: TokenizerAndRendererExtension = {
  name: 'footnoteRef',
  level: 'inline',
  // `[` already ends marked's text tokens: no `start` needed.
  tokenizer(src: string) {
    if (src.charCodeAt(1) !== 0x5e /* ^ */ || this.lexer.state.inLink) return undefined;
    const m = FOOTNOTE_REF.exec(src);
    return m ? ({ type: 'footnoteRef', raw: m[0], id: m[1] } satisfies FootnoteRefToken) : undefined;
  },
  renderer: () => '',
};

const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]\s^]{1,100})\]:[ \t]?/;
const INDENTED = /^(?: {1,4}|\t)/;

const footnoteDef: TokenizerAndRendererExtension = {
  name: 'footnoteDef',
  level: 'block',
  tokenizer(src: string) {
    const m = FOOTNOTE_DEF.exec(src);
    if (!m) return undefined;
    // The definition runs to a blank line (lazy continuation) or the next definition; later
    // paragraphs belong to it when indented. Read line by line: never further than it runs.
    const kept: string[] = [];
    let at = m[0].length;
    let first = true;
    let blanks = 0;
    let rawEnd = at;
    while (at < src.length) {
      const nl = src.indexOf('\n', at);
      const end = nl < 0 ? src.length : nl;
      const line = src.slice(at, end);
      if (!first) {
        if (line.trim() === '') {
          blanks++;
          at = end + 1;
          continue;
        }
        if (FOOTNOTE_DEF.test(line) || (blanks > 0 && !INDENTED.test(line))) break;
      }
      for (; blanks > 0; blanks--) kept.push('');
      kept.push(first ? line : line.replace(INDENTED, ''));
      first = false;
      rawEnd = Math.min(src.length, end + 1);
      at = end + 1;
    }
    // Blank lines after the definition are left for marked's space token.
    const raw = src.slice(0, rawEnd);
    return { type: 'footnoteDef', raw, id: m[1], tokens: this.lexer.blockTokens(kept.join('\n'), []) } satisfies FootnoteDefToken;
  },
  renderer: () => '',
};

const CALLOUT = /^\[!([\w-]{1,40})\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/;
const CALLOUT_START = /^ {0,3}>[ \t]*\[!/;
// marked's blockquote rule starts with this too: where it is missing there is no quote, and that
// rule's large regex (it holds the paragraph rule) is neither compiled nor run.
const QUOTE_START = /^ {0,3}>/;

/**
 * Callouts are blockquotes whose first line is `[!type]`: marked reads the quote (lazy lines and
 * all), then its text is read again as a title and a body.
 */
function callout(this: Tokenizer, src: string): CalloutToken | false | undefined {
  if (!QUOTE_START.test(src)) return undefined;
  if (!CALLOUT_START.test(src)) return false;
  const quote = Tokenizer.prototype.blockquote.call(this, src);
  if (!quote) return false;
  const m = CALLOUT.exec(quote.text);
  if (!m) return false;
  const titleTokens: Token[] = [];
  if (m[3].trim() !== '') this.lexer.inline(m[3].trim(), titleTokens);
  return {
    type: 'callout',
    raw: quote.raw,
    calloutType: m[1].toLowerCase(),
    fold: m[2],
    titleTokens,
    tokens: this.lexer.blockTokens(quote.text.slice(m[0].length), []),
  };
}

export const vaultExtensions = [fencedBlock, footnoteDef, inlineSyntax, footnoteRef];
export const vaultTokenizer = { blockquote: callout } as unknown as Partial<Tokenizer>;
