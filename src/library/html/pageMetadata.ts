// The metadata pass of a saved page (SPEC §1c): title, section, date, author, source and
// previous/next, from the page's outline (one streaming pass, no DOM), a few milliseconds a
// page. The library's list is made from this; full extraction (parseHtmlPage.ts) runs later,
// reads its metadata from this same pass, and takes from it where the story is and which
// previous/next blocks to leave out, so the two never disagree.
import { basename, extname } from 'node:path';
import { dateProblem } from '../../text/dates.js';
import { pageSection } from './breadcrumbs.js';
import { pageByline } from './byline.js';
import { firstMeta, pageAuthor, pageDate, pageSource, readPageMeta } from './metadata.js';
import { pageBase, siteHref } from './pageAddress.js';
import { pageLinks, type PageLink } from './pageLinks.js';
import { HTML_LIMITS, inside, textAt, within, type OutlineElement, type PageOutline, outlinePage } from './pageOutline.js';
import { pageTitle } from './pageTitle.js';
import { siteOf } from './siteName.js';
import type { SavedPage } from './parseHtmlPage.js';

export interface PageMetadata {
  title: string;
  section: string[];
  /** ISO 8601: `YYYY-MM-DD` unless the page gives a time. */
  date: string | null;
  author: string | null;
  /** `<link rel=canonical>`, else `og:url`. */
  source: string | null;
  /** The address the page's relative links are read against (`<base href>`, else `source`). */
  base: string | null;
  /** Read against `base`. */
  previous: PageLink | null;
  next: PageLink | null;
  /** One-line messages. */
  problems: string[];
}

/** An element of the outline, to be found again in a DOM of the same page (dom.ts elementsInOrder). */
export interface ElementRef {
  ordinal: number;
  tag: string;
}

/** What full extraction takes from the metadata pass besides the metadata. */
export interface PageAnchors {
  /** The element holding the story; null for the body. */
  root: ElementRef | null;
  /** Previous/next blocks ("Next article: …") to leave out of the readable content. */
  blocks: ElementRef[];
}

/** A link read against the page's address; as written when it leads nowhere broadsheet can go. */
export function pageLink<T extends PageLink | null>(link: T, base: string | null): T {
  if (!link) return link;
  const href = siteHref(link.href, base);
  if (href === null || href.startsWith('#')) return link;
  return { title: link.title === link.href ? href : link.title, href } as T;
}

/** The element holding the story: the <article> with the first <h1>, else <main>, else the longest <article>, else the body. */
export function storyRoot(outline: PageOutline): number {
  const { elements } = outline;
  const articles = inside(outline, outline.body, (el) => el.tag === 'ARTICLE').filter((i) => {
    for (let p = elements[i].parent; p >= 0; p = elements[p].parent) if (elements[p].tag === 'ARTICLE') return false;
    return true;
  });
  const h1 = inside(outline, outline.body, (el) => el.tag === 'H1')[0];
  const withH1 = h1 === undefined ? undefined : articles.find((a) => within(outline, h1, a));
  if (withH1 !== undefined) return withH1;
  const main = inside(outline, outline.body, (el: OutlineElement) => el.tag === 'MAIN' || el.attrs.role === 'main')[0];
  if (main !== undefined) return main;
  let longest = -1;
  let longestLength = 0;
  for (const article of articles) {
    const length = textAt(outline, article).length;
    if (length > longestLength) [longest, longestLength] = [article, length];
  }
  return longest >= 0 ? longest : outline.body;
}

function refOf(outline: PageOutline, index: number): ElementRef | null {
  const el = outline.elements[index];
  return el.ordinal < 0 ? null : { ordinal: el.ordinal, tag: el.tag };
}

/** The page's metadata from its outline, and what extraction needs to agree with it. */
export function metadataOf(outline: PageOutline, fileName: string): { metadata: PageMetadata; anchors: PageAnchors } {
  const problems: string[] = [];
  const meta = readPageMeta(outline);
  const root = storyRoot(outline);
  const source = pageSource(outline, meta);
  const author = pageAuthor(meta) ?? pageByline(outline, root);
  const site = siteOf(firstMeta(meta, 'og:site_name'), source, author);
  const found = pageTitle(outline, meta, site);
  let title = found.title;
  if (!title) {
    title = basename(fileName, extname(fileName)) || fileName;
    problems.push('no title found (no og:title, <title> or <h1>); using the file name');
  }
  const base = pageBase(outline, source);
  const { date, unreadable } = pageDate(outline, meta, root);
  if (unreadable) problems.push(dateProblem(unreadable));
  const section = pageSection(outline, meta, { title, headline: found.h1, source, site });
  const links = pageLinks(outline);
  return {
    metadata: { title, section, date, author, source, base, previous: pageLink(links.previous, base), next: pageLink(links.next, base), problems },
    anchors: {
      root: root === outline.body ? null : refOf(outline, root),
      blocks: links.blocks.map((b) => refOf(outline, b)).filter((r): r is ElementRef => r !== null),
    },
  };
}

/** The metadata pass over a page's markup. */
export function readPageMetadata(html: string, fileName: string, maxElements = HTML_LIMITS.maxElements): { metadata: PageMetadata; anchors: PageAnchors } {
  return metadataOf(outlinePage(html, maxElements), fileName);
}

/** A page as the list needs it, from the metadata pass alone: no Markdown, no related block yet (`partial`). */
export function metadataOnlyPage(html: string, fileName: string): SavedPage {
  const { metadata } = readPageMetadata(html, fileName);
  const { title, section, date, author, source, previous, next, problems } = metadata;
  return { title, section, date, author, source, previous, next, related: [], markdown: '', problems, limit: null, partial: true };
}
