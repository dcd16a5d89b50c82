// What one render carries through the layout: the article, its resolved body links, the links
// met so far (in reading order, so their index is their number), and the nesting state.
import type { MarkedToken, Token } from 'marked';
import type { Article, LinkTarget } from '../library/types.js';
import type { WikilinkToken } from '../library/wikilinks.js';
import type { CalloutToken, CommentToken, FootnoteDefToken, FootnoteRefToken, HighlightToken, MathToken } from '../library/vaultSyntax.js';
import type { CodeHighlighter, RenderedLink } from './types.js';

/** The wikilink token as the renderer reads it (its fields only, not Generic's `any` index). */
export type WikilinkNode = Pick<WikilinkToken, 'type' | 'raw' | 'ref' | 'label' | 'embed'>;

/** The notes-vault tokens (library/vaultSyntax.ts) as the renderer reads them. */
export type VaultNode =
  | Pick<CommentToken, 'type' | 'raw'>
  | Pick<MathToken, 'type' | 'raw' | 'text' | 'display'>
  | Pick<HighlightToken, 'type' | 'raw' | 'tokens'>
  | Pick<FootnoteRefToken, 'type' | 'raw' | 'id'>
  | Pick<FootnoteDefToken, 'type' | 'raw' | 'id' | 'tokens'>
  | Pick<CalloutToken, 'type' | 'raw' | 'calloutType' | 'fold' | 'titleTokens' | 'tokens'>;

/** Every token the body's lexer makes: marked's own, and its extensions' (wikilinks, vault syntax). */
export type BodyToken = MarkedToken | WikilinkNode | VaultNode;

/**
 * marked types child lists as `Token[]`, which admits any extension's `Tokens.Generic`; the
 * library's lexer carries only the extensions above, so a child list is a list of BodyToken.
 */
export function bodyTokens(tokens: readonly Token[] | undefined): readonly BodyToken[] {
  return (tokens ?? []) as readonly BodyToken[];
}

export interface LinkInfo {
  label: string;
  target: LinkTarget;
  role: RenderedLink['role'];
  number?: number;
}

export interface Ctx {
  article: Article;
  /** The body's hrefs resolved (ArticleBody.linkTargets). */
  linkTargets: ReadonlyMap<string, LinkTarget>;
  links: LinkInfo[];
  relatedNumbers: Map<string, number>;
  /** Inside a paragraph that starts with a related opener. */
  inRelated: boolean;
  listDepth: number;
  depth: number;
  footnotes: Footnotes;
  /** Highlights fenced code (only when colour is on). */
  highlight?: CodeHighlighter;
  /** Set when code with a language was laid out plain for want of `highlight`. */
  plainCode: boolean;
  /** External links are terminal hyperlinks: no URL after their label. */
  hyperlinks: boolean;
  /** The file's line of each top-level token (ArticleBody.tokenLines), when known. */
  tokenLines?: ReadonlyMap<Token, number>;
}

/** A body's footnotes: numbered in the order they are first referred to (as Obsidian shows them). */
export interface Footnotes {
  /** Definitions by label, in the order they are written. */
  defs: Map<string, readonly Token[]>;
  /** Labels in number order (number = index + 1). */
  order: string[];
}

/** The number of footnote `id`, given when it is first met. */
export function footnoteNumber(notes: Footnotes, id: string): number {
  let i = notes.order.indexOf(id);
  if (i < 0) i = notes.order.push(id) - 1;
  return i + 1;
}

/** The block id of footnote `id`'s definition: no `^id` marker can name it (those are letters, digits and `-`). */
export function footnoteBlock(id: string): string {
  return `[^${id}]`;
}

/** Whether a target's heading is a footnote's definition (footnoteTarget's), not a heading or `^id` block. */
export function isFootnoteTarget(heading: string | undefined): boolean {
  return heading !== undefined && /^\^\[\^[^\]]+\]$/.test(heading);
}

/** Where a footnote marker leads: its definition's block, named as a block reference names one. */
export function footnoteTarget(id: string): string {
  return `^${footnoteBlock(id)}`;
}
