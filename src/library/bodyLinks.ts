// The one Markdown lexer of the product (marked with the wikilink extension, nesting guarded),
// and every link in a body found in its tokens. The renderer lays out these same tokens (the
// body store hands them over), so `linkTargets` keys are exactly the hrefs the renderer looks up.
// This module loads marked: it is reached from the first frame's path only through
// src/startup.ts.
import { Lexer, Marked, type MarkedOptions, type Token, type TokensList } from 'marked';
import { plainParagraph, plainText, plainTokens } from './plainTokens.js';
import { wikilinkExtension } from './wikilinks.js';
import { extensionsPerLevel } from './extensionsPerLevel.js';
import { blockRuleGuards } from './blockRuleGuards.js';
import { VAULT_INLINE, VAULT_INLINE_FLAG, vaultExtensions, vaultTokenizer } from './vaultSyntax.js';
import { relatedOpenerAhead, startsWithRelatedOpener } from './relatedOpeners.js';
import { capBlockNesting, capDelimiterRuns, MAX_NESTING, type Flattened } from './capNesting.js';
import type { ProblemKind } from './types.js';
import { decodeEntities } from '../text/entities.js';

export interface BodyLink {
  /** `token.href` for Markdown links, the wikilink's `ref` (with `#Heading`) for wikilinks. */
  href: string;
  /** The visible words of the link. */
  label: string;
  wikilink: boolean;
  /** A Markdown image (`![alt](src)`) or an embed (`![[REF]]`): it names a file to show. */
  image: boolean;
  /** Stands in a paragraph that starts with a related opener. */
  inRelated: boolean;
  /** The file's line it is on (1-based), when the body is the file's own text. */
  line?: number;
}

export interface BodyScan {
  links: BodyLink[];
  /** Null when the body lexed as written; else why not (nesting flattened, a lex that failed). */
  problem: LexProblem | null;
  /** The body's text as read (link labels, code, no markup), for word counts. */
  plainText: string;
}

// Configured once; only its options are used (each lex makes a lexer of its own).
const marked = new Marked({ gfm: true }).use({ extensions: extensionsPerLevel([wikilinkExtension, ...vaultExtensions]), tokenizer: { ...blockRuleGuards, ...vaultTokenizer } });
const LEXER_OPTIONS: MarkedOptions = marked.defaults;

// Inline text with none of these can only lex to one text token equal to itself: no escape,
// tag, link, wikilink, emphasis, strike, code span, hard break, autolink, URL or e-mail, and no
// `&` for marked's character-reference decoding to touch. Most paragraphs of prose are such
// text, and marked's inline text rule is the costliest part of lexing a library.
const INLINE_SYNTAX_CHAR = /[\\<[`*_~@&]/;
const WWW = /www\./i;
const hasInlineSyntax = (src: string, vault: boolean) =>
  vault || INLINE_SYNTAX_CHAR.test(src) || src.includes('  \n') || src.includes('://') || WWW.test(src);

// Block nesting past the caps of capNesting.ts (markers and indents together) still has a
// bound: deeper blocks are kept as plain text. The same for inline nesting (emphasis inside
// emphasis inside a link…), which the source cap cannot see.
const MAX_BLOCK_DEPTH = 3 * MAX_NESTING;
const MAX_INLINE_DEPTH = MAX_NESTING;
/** Per body: lexing longer than this stops, and the body is shown as plain text. */
export const LEX_BUDGET_MS = 5000;

/** A body's problem found while lexing it: nesting flattened, or a lex that could not finish. */
export interface LexProblem {
  kind: Extract<ProblemKind, 'too-deep' | 'unreadable'>;
  message: string;
}

export interface LexedBody {
  /** marked's tokens (shared with other callers: read them, never change them). */
  tokens: TokensList;
  /** Null for a body lexed as written. */
  problem: LexProblem | null;
}

class LexBudgetExceeded extends Error {}

/**
 * marked's lexer with two guards: block and inline nesting have a depth past which the rest is
 * plain text, and a deadline checked as it goes. Also skips the inline pass for text that holds
 * no inline syntax at all.
 */
class BodyLexer extends Lexer {
  flattened = new Set<Flattened>();
  /** Whether the paragraph being lexed holds `%%`, `==` or `$` (vaultSyntax.ts reads it). */
  [VAULT_INLINE_FLAG] = true;
  private blockDepth = 0;
  private inlineDepth = 0;
  constructor(
    options: MarkedOptions,
    private readonly deadline: number,
    private readonly now: () => number,
  ) {
    super(options);
  }

  private checks = 0;

  // The clock is read at the first check and every 16th after it: a read costs ~1 µs, and a
  // body of thousands of blocks would otherwise spend milliseconds asking the time.
  private checkTime(): void {
    if ((this.checks++ & 15) === 0 && this.now() > this.deadline) throw new LexBudgetExceeded();
  }

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens: Token[] = [], lastParagraphClipped?: boolean): Token[] {
    this.checkTime();
    if (this.blockDepth >= MAX_BLOCK_DEPTH) {
      this.flattened.add(/^\s*>/.test(src) ? 'quotes' : 'lists');
      if (src.trim() !== '') tokens.push(plainParagraph(src));
      return tokens;
    }
    this.blockDepth++;
    try {
      return super.blockTokens(src, tokens, lastParagraphClipped);
    } finally {
      this.blockDepth--;
    }
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (this.inlineDepth === 0) {
      this.checkTime();
      const capped = capDelimiterRuns(src);
      for (const kind of capped.flattened) this.flattened.add(kind);
      src = capped.text;
      this[VAULT_INLINE_FLAG] = VAULT_INLINE.test(src);
    }
    if (tokens.length === 0 && !hasInlineSyntax(src, this[VAULT_INLINE_FLAG])) {
      if (src !== '') tokens.push({ type: 'text', raw: src, text: src, escaped: this.state.inRawBlock } as Token);
      return tokens;
    }
    if (this.inlineDepth >= MAX_INLINE_DEPTH) {
      this.flattened.add('emphasis');
      tokens.push(plainText(src));
      return tokens;
    }
    this.inlineDepth++;
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.inlineDepth--;
    }
  }
}

const FLATTENED_WORDS: Record<Flattened, string> = { lists: 'lists', quotes: 'quotes', emphasis: 'emphasis' };

function tooDeep(flattened: Iterable<Flattened>): LexProblem {
  const what = [...new Set(flattened)].sort().map((kind) => FLATTENED_WORDS[kind]);
  return { kind: 'too-deep', message: `${what.join(' and ')} nested deeper than ${MAX_NESTING} levels; the deeper levels are shown flattened` };
}

export interface LexOptions {
  /** Milliseconds the lex may take (default LEX_BUDGET_MS). */
  budgetMs?: number;
  /** The clock the budget is measured on (default Date.now; tests pass their own). */
  now?: () => number;
}

/**
 * The one way a Markdown body is lexed (the loader, the renderer, import): the same tokens as
 * `new Marked(...).lexer(body)` for any ordinary body. Never throws for what a body holds: nesting
 * deeper than the caps (capNesting.ts) is flattened, a lex over its time budget or one that
 * fails gives the body as plain paragraphs, and `problem` says which.
 */
export function lexBody(body: string, options: LexOptions = {}): LexedBody {
  // Date.now, not performance.now: the first read of `performance` loads ten of Node's modules
  // (perf_hooks), and a budget of seconds needs no finer clock.
  const now = options.now ?? Date.now;
  const capped = capBlockNesting(body);
  let lexed: LexedBody;
  try {
    const lexer = new BodyLexer({ ...LEXER_OPTIONS }, now() + (options.budgetMs ?? LEX_BUDGET_MS), now);
    const tokens = lexer.lex(capped.text);
    const flattened = [...capped.flattened, ...lexer.flattened];
    lexed = { tokens, problem: flattened.length ? tooDeep(flattened) : null };
  } catch (err) {
    const problem: LexProblem =
      err instanceof LexBudgetExceeded
        ? { kind: 'unreadable', message: `took over ${(options.budgetMs ?? LEX_BUDGET_MS) / 1000} s to read as Markdown; shown as plain text` }
        : err instanceof RangeError
          ? { kind: 'too-deep', message: `nested too deeply to read as Markdown (${err.message}); shown as plain text` }
          : { kind: 'unreadable', message: `could not be read as Markdown (${err instanceof Error ? err.message : String(err)}); shown as plain text` };
    lexed = { tokens: plainTokens(body), problem };
  }
  return lexed;
}

/** The plain lexer, token for token what the renderer's marked gives (for tests of lexBody). */
export function lexBodyPlain(body: string): Token[] {
  return marked.lexer(body);
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

/** The visible text of tokens, with markup gone. */
export function plainTextOf(tokens: Token[]): string {
  // Child lists are walked where they are (inline tokens, list items, table cells, a callout's
  // title): no list of them is made per token, as this walks every token of a body.
  let s = '';
  for (const tok of tokens) {
    const t = tok as AnyToken;
    switch (t.type) {
      case 'image':
      case 'space':
      case 'hr':
      case 'def':
      case 'comment':
      case 'footnoteRef':
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
    let nested = false;
    if (t.type === 'table') {
      for (const cell of t.header ?? []) {
        s += plainTextOf(cell.tokens) + ' ';
        nested = true;
      }
      for (const row of t.rows ?? []) {
        for (const cell of row) {
          s += plainTextOf(cell.tokens) + ' ';
          nested = true;
        }
      }
    } else if (t.type === 'list') {
      if (t.items) {
        s += plainTextOf(t.items);
        nested = true;
      }
    } else {
      if (t.type === 'callout') {
        s += plainTextOf((t as AnyToken & { titleTokens: Token[] }).titleTokens);
        nested = true;
      }
      if (t.tokens) {
        s += plainTextOf(t.tokens);
        nested = true;
      }
    }
    // marked leaves named references in text as written (`&amp;`): the reader sees them decoded.
    if (!nested && typeof t.text === 'string') s += t.type === 'text' ? decodeEntities(t.text) : t.text;
    if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'code' || t.type === 'list_item' || t.type === 'blockquote' || t.type === 'callout') s += '\n';
  }
  return s;
}

export function scanBody(body: string): BodyScan {
  return scanTokens(lexBody(body));
}

const newlines = (s: string | undefined) => {
  let n = 0;
  if (s) for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * The links, problem and plain text of a body already lexed. With `firstLine` (the file's line
 * the body starts on), each link carries its line: counted from the newlines of the tokens'
 * `raw` before it (a child list starts on its parent's line; a table's rows below its header).
 * One walk gives both: the plain text is built as plainTextOf builds it, list by list.
 */
export function scanTokens({ tokens, problem }: LexedBody, firstLine?: number): BodyScan {
  const links: BodyLink[] = [];
  const lined = (link: BodyLink, line: number): BodyLink => {
    if (firstLine !== undefined) link.line = line;
    return link;
  };
  // Returns plainTextOf(list).
  const visit = (list: Token[], inRelated: boolean, startLine: number): string => {
    let line = startLine;
    let s = '';
    for (const tok of list) {
      const t = tok as AnyToken;
      switch (t.type) {
        case 'image':
          if (typeof t.href === 'string') links.push(lined({ href: t.href, label: (t.text ?? '').trim(), wikilink: false, image: true, inRelated }, line));
          break;
        case 'link': {
          // A link inside a link's label is not a link; nothing to walk.
          const words = plainTextOf(t.tokens ?? []);
          if (typeof t.href === 'string') links.push(lined({ href: t.href, label: words.trim(), wikilink: false, image: false, inRelated }, line));
          if (t.tokens) s += words;
          else if (typeof t.text === 'string') s += t.text;
          break;
        }
        case 'wikilink':
          if (typeof t.ref === 'string') links.push(lined({ href: t.ref, label: t.label ?? t.ref, wikilink: true, image: !!(t as { embed?: boolean }).embed, inRelated }, line));
          s += t.label ?? '';
          break;
        case 'space':
        case 'hr':
        case 'def':
        case 'comment':
        case 'footnoteRef':
          break;
        case 'br':
          s += '\n';
          break;
        case 'html':
          s += ' ';
          break;
        default: {
          // A paragraph (or a tight list item's text) that opens with `Read:` & co.
          const related = inRelated || ((t.type === 'paragraph' || t.type === 'text') && !!t.tokens && opensRelated(t.tokens));
          let nested = false;
          if (t.type === 'table') {
            for (const cell of t.header ?? []) {
              s += visit(cell.tokens, related, line) + ' ';
              nested = true;
            }
            (t.rows ?? []).forEach((row, r) => {
              for (const cell of row) {
                s += visit(cell.tokens, related, line + 2 + r) + ' ';
                nested = true;
              }
            });
          } else if (t.type === 'list') {
            if (t.items) {
              s += visit(t.items, related, line);
              nested = true;
            }
          } else {
            if (t.type === 'callout') {
              s += visit((t as AnyToken & { titleTokens: Token[] }).titleTokens, related, line);
              nested = true;
            }
            if (t.tokens) {
              s += visit(t.tokens, related, line);
              nested = true;
            }
          }
          if (!nested && typeof t.text === 'string') s += t.type === 'text' ? decodeEntities(t.text) : t.text;
          if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'code' || t.type === 'list_item' || t.type === 'blockquote' || t.type === 'callout') s += '\n';
        }
      }
      line += newlines(t.raw);
    }
    return s;
  };
  const plainText = visit(tokens, false, firstLine ?? 1);
  return { links, problem, plainText };
}

/**
 * Whether inline tokens' text starts with a related opener. Most paragraphs start with a letter
 * no opener starts with: their first token says so, and their whole text is never built.
 */
function opensRelated(tokens: Token[]): boolean {
  let start = '';
  for (const t of tokens) {
    start += plainTextOf([t]);
    const ahead = relatedOpenerAhead(start);
    if (ahead === 'no') return false;
    if (ahead === 'maybe') return startsWithRelatedOpener(plainTextOf(tokens));
  }
  return false;
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
