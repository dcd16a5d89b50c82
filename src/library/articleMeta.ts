// What the library keeps of a file once it is parsed: everything the list and the link graph
// need, without the body. This is what the metadata cache stores per file; the body is read
// again (lazily) when an article is opened.
import type { ArticleHeader, ProblemKind } from './types.js';
import type { RefSpec } from './refSpec.js';
import type { ParsedArticle } from './parsedArticle.js';
import { scanBody, countWords, type BodyLink } from './bodyLinks.js';

export interface ArticleMeta extends ArticleHeader {
  related: RefSpec[];
  previous: RefSpec | null;
  next: RefSpec | null;
  /** Body hrefs that resolve by title only (a raw page's related links). */
  titleHrefs: string[];
  /** Every link of the body, in body order. */
  links: BodyLink[];
  /** Whitespace-separated words of the body text. */
  words: number;
  /** Problems, messages without the file name in front. */
  problems: { kind: ProblemKind; message: string; target?: string }[];
}

/** The metadata of a parsed file: its body scanned once for links and words. */
export function articleMeta(parsed: ParsedArticle): ArticleMeta {
  const scan = scanBody(parsed.body);
  return {
    title: parsed.title,
    section: parsed.section,
    date: parsed.date,
    author: parsed.author,
    summary: parsed.summary,
    source: parsed.source,
    related: parsed.related,
    previous: parsed.previous,
    next: parsed.next,
    titleHrefs: [...parsed.titleHrefs],
    links: scan.links,
    words: countWords(scan.plainText),
    // Nesting flattened or a body that could not be lexed: one problem of this file's own.
    problems: scan.problem ? [...parsed.problems, scan.problem] : parsed.problems,
  };
}
