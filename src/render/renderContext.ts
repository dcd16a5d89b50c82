// What one render carries through the layout: the article, its resolved body links, the links
// met so far (in reading order, so their index is their number), and the nesting state.
import type { MarkedToken, Token } from 'marked';
import type { Article, LinkTarget } from '../library/types.js';
import type { WikilinkToken } from '../library/wikilinks.js';
import type { RenderedLink } from './types.js';

/** The wikilink token as the renderer reads it (its fields only, not Generic's `any` index). */
export type WikilinkNode = Pick<WikilinkToken, 'type' | 'raw' | 'ref' | 'label' | 'embed'>;

/** Every token the body's lexer makes: marked's own, and the wikilink extension's. */
export type BodyToken = MarkedToken | WikilinkNode;

/**
 * marked types child lists as `Token[]`, which admits any extension's `Tokens.Generic`; the
 * only extension the library's lexer carries is the wikilink, so a child list is a list of BodyToken.
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
}
