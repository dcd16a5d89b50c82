// What the library keeps of a file once it is parsed: everything the list and the link graph
// need, without the body. This is what the metadata cache stores per file; the body store reads
// the body again when an article is opened. (The loader imports only the type: the function
// brings marked.)
import type { ArticleHeader, ProblemKind } from './types.js';
import type { RefSpec } from './refSpec.js';
import type { ParsedArticle } from './parsedArticle.js';
import { scanTokens, countWords, type BodyLink, type LexedBody } from './bodyLinks.js';
import { withoutBlockMarkers } from '../text/blockMarkers.js';
import { bodyTags, mayHoldTags, uniqueTags } from './tags.js';

export interface ArticleMeta extends ArticleHeader {
  related: RefSpec[];
  previous: RefSpec | null;
  next: RefSpec | null;
  /** Body hrefs that resolve by title only (a raw page's related links). */
  titleHrefs: string[];
  /** Every link of the body, in body order. */
  links: BodyLink[];
  /** Whitespace-separated words of the body text (`^id` block markers are not words). */
  words: number;
  /** Problems, messages without the file name in front. */
  problems: { kind: ProblemKind; message: string; target?: string }[];
  /** A saved page read by its metadata pass only: words, links and related are still to come (from its extraction). */
  partial?: boolean;
}

/**
 * The metadata of a parsed file, from its body as lexed (links, words, what the lexer could not
 * take); `hashtags`: the body is a note's, whose `#tags` count (Markdown, not a page's text).
 */
export function articleMeta(parsed: ParsedArticle, lexed: LexedBody, firstLine?: number, hashtags = false): ArticleMeta {
  const scan = scanTokens(lexed, firstLine);
  return {
    title: parsed.title,
    section: parsed.section,
    date: parsed.date,
    author: parsed.author,
    summary: parsed.summary,
    source: parsed.source,
    aliases: parsed.aliases,
    tags: hashtags && mayHoldTags(parsed.body) ? uniqueTags(parsed.tags, bodyTags(lexed.tokens)) : uniqueTags(parsed.tags),
    related: parsed.related,
    previous: parsed.previous,
    next: parsed.next,
    titleHrefs: [...parsed.titleHrefs],
    links: scan.links,
    words: countWords(withoutBlockMarkers(scan.plainText)),
    // Nesting flattened or a body that could not be lexed: one problem of this file's own (a
    // saved page flattened already said so).
    problems: scan.problem && !parsed.problems.some((p) => p.kind === scan.problem?.kind) ? [...parsed.problems, scan.problem] : parsed.problems,
    ...(parsed.partial ? { partial: true } : {}),
  };
}
