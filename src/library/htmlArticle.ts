// Saved web pages (SPEC §1c) as articles: the page parser in html/ gives metadata, links and
// the readable content as Markdown; this turns that into what every format's parser gives the
// loader. The parser (linkedom, Readability, turndown) is heavy to load, so it is imported only
// when a library has HTML pages: loadLibrary awaits loadHtmlParser() before reading them.
import type { ParsedArticle } from './parsedArticle.js';
import type { RefSpec } from './refSpec.js';
import type { PageLink, SavedPage } from './html/parseHtmlPage.js';

type PageParser = (html: string, fileName: string) => SavedPage;

let pageParser: PageParser | null = null;

export async function loadHtmlParser(): Promise<void> {
  pageParser ??= (await import('./html/parseHtmlPage.js')).parseHtmlPage;
}

function linkRef(link: PageLink): RefSpec {
  return { ref: link.href, by: 'any', label: link.title };
}

export function parseHtmlArticle(html: string, fileTitle: string): ParsedArticle {
  if (!pageParser) throw new Error('the saved-page reader was not loaded (call loadHtmlParser first)');
  const page = pageParser(html, fileTitle);
  return {
    title: page.title || fileTitle,
    section: page.section,
    date: page.date,
    author: page.author,
    summary: null,
    source: page.source,
    body: page.markdown,
    related: page.related.map(linkRef),
    previous: page.previous ? linkRef(page.previous) : null,
    next: page.next ? linkRef(page.next) : null,
    titleHrefs: new Set(),
    problems: page.problems.map((message) => ({ kind: 'unreadable' as const, message })),
  };
}
