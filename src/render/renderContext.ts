// What one render carries through the layout: the article, its resolved body links, the links
// met so far (in reading order, so their index is their number), and the nesting state.
import type { Article, LinkTarget } from '../library/types.js';
import type { RenderedLink } from './types.js';

// marked's tokens, read loosely: we only look at fields we know and check them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tok = { type: string; [key: string]: any };

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
