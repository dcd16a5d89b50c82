// Every link in a Markdown body, found with the same lexer (and wikilink extension) the
// renderer uses, so `linkTargets` keys are exactly the hrefs the renderer will look up.
// marked is loaded on demand: lexing needs `await loadParsers()` first (parsers.ts).
import type { Lexer, Marked, MarkedOptions, Token, TokensList } from 'marked';
import { parsers } from './parsers.js';
import { wikilinkExtension } from './wikilinks.js';
import { startsWithRelatedOpener } from './relatedOpeners.js';

export interface BodyLink {
  /** `token.href` for Markdown links, the wikilink's `ref` (with `#Heading`) for wikilinks. */
  href: string;
  /** The visible words of the link. */
  label: string;
  wikilink: boolean;
  /** Stands in a paragraph that starts with a related opener. */
  inRelated: boolean;
}

export interface BodyScan {
  links: BodyLink[];
  /** The body's text as read (link labels, code, no markup), for word counts. */
  plainText: string;
}

let lexerMarked: Marked | null = null;
function marked(): Marked {
  lexerMarked ??= new (parsers().Marked)({ gfm: true }).use({ extensions: [wikilinkExtension] });
  return lexerMarked;
}

// Inline text with none of these can only lex to one text token equal to itself: no escape,
// tag, link, wikilink, emphasis, strike, code span, hard break, autolink, URL or e-mail, and no
// `&` for marked's character-reference decoding to touch. Most paragraphs of prose are such
// text, and marked's inline text rule is the costliest part of lexing a library.
const INLINE_SYNTAX_CHAR = /[\\<[`*_~@&]/;
const WWW = /www\./i;
const hasInlineSyntax = (src: string) =>
  INLINE_SYNTAX_CHAR.test(src) || src.includes('  \n') || src.includes('://') || WWW.test(src);

type LexerClass = new (options: MarkedOptions) => Lexer;
let bodyLexer: LexerClass | null = null;

/** marked's lexer, with the inline pass skipped for text that holds no inline syntax at all (made once marked is loaded). */
function BodyLexer(): LexerClass {
  if (bodyLexer) return bodyLexer;
  class BodyLexer extends parsers().Lexer {
    override inlineTokens(src: string, tokens: Token[] = []): Token[] {
      if (tokens.length === 0 && !hasInlineSyntax(src)) {
        if (src !== '') tokens.push({ type: 'text', raw: src, text: src, escaped: this.state.inRawBlock } as Token);
        return tokens;
      }
      return super.inlineTokens(src, tokens);
    }
  }
  return (bodyLexer = BodyLexer);
}

let lexerOptions: MarkedOptions | null = null;

/** The last body lexed: the renderer asks for the same body right after the loader scanned it. */
let lastLexed: { body: string; tokens: TokensList } | null = null;

/**
 * Lex a body the way the renderer does (the same tokens as `new Marked(...).lexer(body)`).
 * The tokens are shared with the caller before: read them, never change them.
 */
export function lexBody(body: string): TokensList {
  if (lastLexed !== null && lastLexed.body === body) return lastLexed.tokens;
  lexerOptions ??= marked().defaults;
  const tokens = new (BodyLexer())({ ...lexerOptions }).lex(body);
  lastLexed = { body, tokens };
  return tokens;
}

/** The plain lexer, token for token what the renderer's marked gives (for tests of lexBody). */
export function lexBodyPlain(body: string): Token[] {
  return marked().lexer(body);
}

type AnyToken = Token & {
  tokens?: Token[];
  items?: Token[];
  header?: { tokens: Token[] }[];
  rows?: { tokens: Token[] }[][];
  text?: string;
  href?: string;
  ref?: string;
  label?: string;
};

/** Child token lists of a token, in reading order (inline tokens, list items, table cells). */
function children(t: AnyToken): Token[][] {
  const out: Token[][] = [];
  if (t.type === 'table') {
    for (const cell of t.header ?? []) out.push(cell.tokens);
    for (const row of t.rows ?? []) for (const cell of row) out.push(cell.tokens);
    return out;
  }
  if (t.type === 'list') {
    if (t.items) out.push(t.items);
    return out;
  }
  if (t.tokens) out.push(t.tokens);
  return out;
}

/** The visible text of tokens, with markup gone. */
export function plainTextOf(tokens: Token[]): string {
  let s = '';
  for (const tok of tokens) {
    const t = tok as AnyToken;
    switch (t.type) {
      case 'image':
      case 'space':
      case 'hr':
      case 'def':
        continue;
      case 'wikilink':
        s += t.label ?? '';
        continue;
      case 'br':
        s += '\n';
        continue;
      case 'html':
        s += ' ';
        continue;
    }
    const kids = children(t);
    if (kids.length > 0) for (const k of kids) s += plainTextOf(k) + (t.type === 'table' ? ' ' : '');
    else if (typeof t.text === 'string') s += t.text;
    if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'code' || t.type === 'list_item' || t.type === 'blockquote') s += '\n';
  }
  return s;
}

export function scanBody(body: string): BodyScan {
  const tokens = lexBody(body);
  const links: BodyLink[] = [];
  const visit = (list: Token[], inRelated: boolean) => {
    for (const tok of list) {
      const t = tok as AnyToken;
      if (t.type === 'image') continue; // images are never followed
      if (t.type === 'link' && typeof t.href === 'string') {
        links.push({ href: t.href, label: plainTextOf(t.tokens ?? []).trim(), wikilink: false, inRelated });
        // A link inside a link's label is not a link; nothing to walk.
        continue;
      }
      if (t.type === 'wikilink' && typeof t.ref === 'string') {
        links.push({ href: t.ref, label: t.label ?? t.ref, wikilink: true, inRelated });
        continue;
      }
      // A paragraph (or a tight list item's text) that opens with `Read:` & co.
      const related =
        inRelated || ((t.type === 'paragraph' || t.type === 'text') && !!t.tokens && startsWithRelatedOpener(plainTextOf(t.tokens)));
      for (const k of children(t)) visit(k, related);
    }
  };
  visit(tokens, false);
  return { links, plainText: plainTextOf(tokens) };
}

/** True for the code units that separate words: JavaScript's `\s` and U+200B. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Runs of characters between whitespace (as `/[^\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu` finds them). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
