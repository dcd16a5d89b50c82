// Saved web pages (SPEC §1c) as articles: the page parser in html/ gives metadata, links and
// the readable content as Markdown; this turns that into what every format's parser gives the
// loader. The parser (linkedom, Readability, turndown) is heavy to load, so it is handed in:
// src/startup.ts loads it only for libraries with HTML pages.
import type { ParsedArticle } from './parsedArticle.js';
import type { RefSpec } from './refSpec.js';
import type { PageLink, SavedPage } from './html/parseHtmlPage.js';

export type PageParser = (html: string, fileName: string) => SavedPage;

function linkRef(link: PageLink): RefSpec {
  return { ref: link.href, by: 'any', label: link.title };
}

export function parseHtmlArticle(pageParser: PageParser, html: string, fileTitle: string): ParsedArticle {
  const page = pageParser(html, fileTitle);
  return {
    title: page.title || fileTitle,
    section: page.section,
    date: page.date,
    author: page.author,
    summary: null,
    source: page.source,
    aliases: [],
    tags: [],
    body: page.markdown,
    related: page.related.map(linkRef),
    previous: page.previous ? linkRef(page.previous) : null,
    next: page.next ? linkRef(page.next) : null,
    titleHrefs: new Set(),
    problems: [
      ...page.problems.map((message) => ({ kind: 'unreadable' as const, message })),
      // Past a limit (nesting, elements, links, time): one problem, kind and all.
      ...(page.limit ? [page.limit] : []),
    ],
    ...(page.partial ? { partial: true } : {}),
  };
}
