// A saved web page → its metadata and readable content as Markdown (SPEC §1c). Pure: a string
// in, data out. Metadata, previous/next and the related block are read from the page as
// saved, before Readability (which rewrites the document) runs; when Readability finds no
// story, the page's <article>/<main>/<body> is used, junk removed.
import { Readability } from '@mozilla/readability';
import { cleanPage, restoreHrefs } from './cleanPage.js';
import { elementsInOrder, textOf } from './dom.js';
import type { PageLink } from './pageLinks.js';
import { pageLink, readPageMetadata, type ElementRef, type PageAnchors } from './pageMetadata.js';
import { findRelatedBlocks } from './relatedBlock.js';
import { toMarkdown } from './toMarkdown.js';
import { HTML_LIMITS, paragraphsOf, parseBounded, type HtmlLimits, type PageLimitProblem } from './boundDocument.js';
import { escapeMarkdownLine } from '../escapeMarkdown.js';
import { resolveSiteLinks } from './siteLinks.js';

export type { PageLink } from './pageLinks.js';
export { decodeHtmlBytes } from './decodeHtmlBytes.js';

export interface SavedPage {
  title: string;
  section: string[];
  /** ISO 8601: `YYYY-MM-DD` unless the page gives a time. */
  date: string | null;
  author: string | null;
  /** `<link rel=canonical>`, else `og:url`. */
  source: string | null;
  previous: PageLink | null;
  next: PageLink | null;
  /** From a related-articles block inside the article; `Read:` paragraphs stay in `markdown`. */
  related: PageLink[];
  /** Readable content as Markdown. Entities are decoded (`&#27;` is a literal U+001B here). */
  markdown: string;
  /** One-line messages. */
  problems: string[];
  /** The page was past a limit (HTML_LIMITS, the time budget) and is shown in part or flattened; null when not. */
  limit: PageLimitProblem | null;
  /** Read by the metadata pass only (pageMetadata.ts metadataOnlyPage): `markdown` and `related` are still to come. */
  partial?: boolean;
}

export type { PageLimitProblem } from './boundDocument.js';

/** Per page: once reading it has taken this long, what is left is done the cheap way (its words as paragraphs). */
export const HTML_BUDGET_MS = 5000;

export interface ParseHtmlOptions {
  limits?: HtmlLimits;
  /** Milliseconds a page may take (default HTML_BUDGET_MS). */
  budgetMs?: number;
  /** The clock the budget is measured on (default performance.now; tests pass their own). */
  now?: () => number;
}

/**
 * Readability's story, or null when it finds none. Its result is trusted as it is: showing the
 * page's whole <article>/<main> when Readability kept little of it brought back menus and
 * teaser cards: on mozilla/readability's 130 test pages it fired once (nytimes-5), keeping 0.983
 * of the expected words instead of 0.974, and ten teaser cards as raw Markdown with them.
 */
function readable(doc: Document): Element | null {
  let content: Element | null = null;
  try {
    const result = new Readability<Element>(doc, { serializer: (node) => node as Element, disableJSONLD: true }).parse();
    content = result?.content ?? null;
  } catch {
    content = null; // a page odd enough to trip Readability still has a fallback
  }
  if (!content || textOf(content).length === 0) return null;
  return content;
}

/** The elements the metadata pass named, found in this DOM of the page (an element not found is left alone). */
function anchored(doc: Document, anchors: PageAnchors): { root: Element; blocks: Element[] } {
  const elements = elementsInOrder(doc);
  const find = (ref: ElementRef) => {
    const el = elements[ref.ordinal];
    return el && el.tagName === ref.tag ? el : null;
  };
  return { root: (anchors.root && find(anchors.root)) ?? doc.body, blocks: anchors.blocks.map(find).filter((el): el is Element => el !== null) };
}

/** The page prepared for extraction: junk out, blocks read elsewhere out. */
function prepared(html: string, title: string, limits: HtmlLimits, anchors: PageAnchors): { doc: Document; root: Element } {
  const { doc } = parseBounded(html, limits);
  const { root, blocks } = anchored(doc, anchors);
  cleanPage(doc, { root, drop: [...blocks, ...findRelatedBlocks(root).nodes], title });
  return { doc, root };
}

/** Markdown of an element's words alone, as paragraphs: what a page over its time budget shows. */
function plainMarkdown(root: Element): string {
  const paragraphs = paragraphsOf(root).map(escapeMarkdownLine).filter(Boolean);
  return paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '';
}

/**
 * The readable content as Markdown: Readability's story, else the page's own root. The budget
 * is looked at between the costly steps; once it is gone, what is at hand is shown as its words.
 */
function extractMarkdown(doc: Document, root: Element, base: string | null, overBudget: () => boolean, asSaved: () => Element): string {
  if (overBudget()) return plainMarkdown(root);
  let content = readable(doc);
  if (!content) {
    if (overBudget()) return plainMarkdown(root);
    // Readability rewrote the document while it looked: start again from the page as saved.
    content = asSaved();
  }
  restoreHrefs(content);
  resolveSiteLinks(content, base);
  return overBudget() ? plainMarkdown(content) : toMarkdown(content);
}

export function parseHtmlPage(html: string, fileName: string, options: ParseHtmlOptions = {}): SavedPage {
  const limits = options.limits ?? HTML_LIMITS;
  const now = options.now ?? (() => performance.now());
  const budgetMs = options.budgetMs ?? HTML_BUDGET_MS;
  const deadline = now() + budgetMs;
  // Title, byline, date, section, previous/next: the metadata pass's, so the list and the article agree.
  const { metadata, anchors } = readPageMetadata(html, fileName, limits.maxElements);
  const { title, base } = metadata;
  const problems = [...metadata.problems];
  const parsed = parseBounded(html, limits);
  const doc = parsed.doc;
  let limit: PageLimitProblem | null = parsed.problem;
  const { root, blocks } = anchored(doc, anchors);
  const related = findRelatedBlocks(root);

  cleanPage(doc, { root, drop: [...blocks, ...related.nodes], title });
  const overBudget = () => {
    if (now() <= deadline) return false;
    const late = `took over ${budgetMs / 1000} s to read; shown as plain paragraphs`;
    limit = { kind: 'unreadable', message: limit ? `${limit.message}; ${late}` : `page ${late}` };
    return true;
  };
  const markdown = extractMarkdown(doc, root, base, overBudget, () => prepared(html, title, limits, anchors).root);
  if (!markdown) problems.push('no readable content found');

  return {
    title,
    section: metadata.section,
    date: metadata.date,
    author: metadata.author,
    source: metadata.source,
    previous: metadata.previous,
    next: metadata.next,
    related: related.links.map((link) => pageLink(link, base)),
    markdown,
    problems,
    limit,
  };
}
