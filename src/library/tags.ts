// An article's tags: front matter's `tags` (a list, or one string of names split by commas or
// spaces) and, in Markdown notes, `#tags` written in the text as Obsidian reads them: `#` at the
// start of a word, then letters, digits, `_`, `-` or `/`, not all digits; never in code, in a
// heading, in a link (a URL's `#fragment`) or in HTML. The first spelling of a tag is kept; two
// spellings that differ only by case are one tag (as in Obsidian).
import type { Token } from 'marked';

/** A tag as written, without its `#`, or null when it is not one. */
export function tagName(text: string): string | null {
  const name = text.trim().replace(/^#/, '');
  return /^[\p{L}\p{N}\p{M}_\-/]+$/u.test(name) && !/^[\p{N}/]+$/u.test(name) ? name : null;
}

/** The tags of front matter's `tags` value; what is not a tag is left out. */
export function frontMatterTags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    for (const part of String(item).split(/[,\s]+/)) {
      const name = tagName(part);
      if (name !== null) names.push(name);
    }
  }
  return names;
}

/** Where tags are never read: code, headings, links and images (their URLs), raw HTML, comments, math. */
const NOT_TEXT = new Set(['code', 'codespan', 'heading', 'link', 'image', 'wikilink', 'html', 'comment', 'math', 'inlineMath', 'blockMath']);

// Built at the first body that may hold a tag: its Unicode classes take ~0.6 ms to build.
let hashtag: RegExp | undefined;
const hashtagPattern = () => (hashtag ??= /(?<![^\s([{,;])#([\p{L}\p{N}\p{M}_\-/]+)/gu);

interface TokenLike {
  type: string;
  text?: string;
  tokens?: TokenLike[];
  items?: TokenLike[];
  header?: Array<{ tokens: TokenLike[] }>;
  rows?: Array<Array<{ tokens: TokenLike[] }>>;
}

// A `#` with a tag's character after it: a text token holding a tag holds one, and the lexer
// keeps a text token's characters as the body has them, so a body without one has no tags.
const HASH_BEFORE_TAG_CHAR = /#[\p{L}\p{N}\p{M}_\-/]/u;

/** Whether a Markdown body can hold `#tags` at all (when not, bodyTags need not walk its tokens). */
export function mayHoldTags(body: string): boolean {
  return HASH_BEFORE_TAG_CHAR.test(body);
}

/** `#tags` in a Markdown body, from its tokens (the one lexer's), in body order. */
export function bodyTags(tokens: readonly Token[]): string[] {
  const names: string[] = [];
  // Walked in place (no list of children made per token): this runs over every token of a
  // body as it is loaded, and a body without a `#` in a text token has no tag to find.
  const visit = (list: readonly TokenLike[]): void => {
    for (const token of list) {
      if (NOT_TEXT.has(token.type)) continue;
      let nested = false;
      if (token.tokens?.length) {
        nested = true;
        visit(token.tokens);
      }
      if (token.items?.length) {
        nested = true;
        visit(token.items);
      }
      for (const cell of token.header ?? []) {
        if (cell.tokens.length) nested = true;
        visit(cell.tokens);
      }
      for (const row of token.rows ?? []) {
        for (const cell of row) {
          if (cell.tokens.length) nested = true;
          visit(cell.tokens);
        }
      }
      if (!nested && token.type === 'text' && typeof token.text === 'string' && token.text.includes('#')) {
        for (const match of token.text.matchAll(hashtagPattern())) {
          const name = tagName(match[1]);
          if (name !== null) names.push(name);
        }
      }
    }
  };
  visit(tokens as unknown as TokenLike[]);
  return names;
}

/** Tags joined without repeats (case aside), first spelling and order kept. */
export function uniqueTags(...lists: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const name of list) {
      const key = tagKey(name);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name);
      }
    }
  }
  return out;
}

/** Every tag of these articles with how many have it, by name (first spelling met kept). */
export function tagCounts(articles: readonly { tags: readonly string[] }[]): Array<{ tag: string; count: number }> {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const key = tagKey(tag);
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => (tagKey(a.tag) < tagKey(b.tag) ? -1 : tagKey(a.tag) > tagKey(b.tag) ? 1 : 0));
}

/** What two spellings of one tag share. */
export function tagKey(name: string): string {
  return name.toLocaleLowerCase('en');
}
