// What each format's parser gives the loader, before links are resolved.
import type { ArticleHeader, ProblemKind } from './types.js';
import type { RefSpec } from './refSpec.js';

export interface ParsedArticle extends ArticleHeader {
  /** Markdown. */
  body: string;
  /** Front matter `related` (body related links are found by scanning the body). */
  related: RefSpec[];
  previous: RefSpec | null;
  next: RefSpec | null;
  /** Body hrefs that resolve by title only (a raw page's related links). */
  titleHrefs: Set<string>;
  /** Problems, messages without the file name in front. */
  problems: { kind: ProblemKind; message: string; target?: string }[];
  /** A saved page read by its metadata pass only: no body yet (words, links and related come with its extraction). */
  partial?: boolean;
}
