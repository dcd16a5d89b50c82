// A saved web page → its metadata and readable content as Markdown (SPEC §1c). Pure: a string
// in, data out. Metadata, previous/next and the related block are read from the page as
// saved, before Readability (which rewrites the document) runs; when Readability finds no
// story, the page's <article>/<main>/<body> is used, junk removed.
import { basename, extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { cleanPage, findArticleRoot, restoreHrefs } from './cleanPage.js';
import { parseDocument, textOf } from './dom.js';
import { firstMeta, pageAuthor, pageDate, pageSource, readPageMeta } from './metadata.js';
import { pageLinks, type PageLink } from './pageLinks.js';
import { pageSection } from './breadcrumbs.js';
import { pageByline } from './byline.js';
import { pageTitle } from './pageTitle.js';
import { siteOf } from './siteName.js';
import { findRelatedBlocks } from './relatedBlock.js';
import { toMarkdown } from './toMarkdown.js';
import { dateProblem } from '../../text/dates.js';

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
}

/** Readability's story is trusted unless it kept less than this share of a semantic <article>/<main>. */
const MIN_SHARE_OF_ARTICLE = 0.4;

function readable(doc: Document, root: Element): Element | null {
  const rootLength = textOf(root).length;
  let content: Element | null = null;
  try {
    const result = new Readability<Element>(doc, { serializer: (node) => node as Element, disableJSONLD: true }).parse();
    content = result?.content ?? null;
  } catch {
    content = null; // a page odd enough to trip Readability still has a fallback
  }
  if (!content) return null;
  const length = textOf(content).length;
  if (length === 0) return null;
  if (root.tagName !== 'BODY' && length < rootLength * MIN_SHARE_OF_ARTICLE) return null;
  return content;
}

/** The page prepared for extraction: junk out, blocks read elsewhere out. */
function prepared(html: string, title: string): { doc: Document; root: Element } {
  const doc = parseDocument(html);
  const root = findArticleRoot(doc);
  const drop = [...pageLinks(doc).blocks, ...findRelatedBlocks(root).nodes];
  cleanPage(doc, { root, drop, title });
  return { doc, root };
}

export function parseHtmlPage(html: string, fileName: string): SavedPage {
  const problems: string[] = [];
  const doc = parseDocument(html);
  const meta = readPageMeta(doc);
  const root = findArticleRoot(doc);

  const source = pageSource(doc, meta);
  const author = pageAuthor(meta) ?? pageByline(doc, root);
  const site = siteOf(firstMeta(meta, 'og:site_name'), source, author);
  const found = pageTitle(doc, meta, site);
  let title = found.title;
  if (!title) {
    title = basename(fileName, extname(fileName)) || fileName;
    problems.push('no title found (no og:title, <title> or <h1>); using the file name');
  }
  const { date, unreadable } = pageDate(doc, meta, root);
  if (unreadable) problems.push(dateProblem(unreadable));
  const section = pageSection(doc, meta, { title, headline: found.h1, source, site });
  const links = pageLinks(doc);
  const related = findRelatedBlocks(root);

  cleanPage(doc, { root, drop: [...links.blocks, ...related.nodes], title });
  let content = readable(doc, root);
  if (!content) {
    // Readability rewrote the document while it looked: start again from the page as saved.
    content = prepared(html, title).root;
  }
  restoreHrefs(content);
  const markdown = toMarkdown(content);
  if (!markdown) problems.push('no readable content found');

  return { title, section, date, author, source, previous: links.previous, next: links.next, related: related.links, markdown, problems };
}
