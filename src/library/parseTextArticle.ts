// A `.txt` file as an article: a raw saved page (SPEC §1b).
import { parseRawPage } from './parseRawPage.js';
import type { ParsedArticle } from './parsedArticle.js';

export function parseTextArticle(text: string, fileTitle: string): ParsedArticle {
  const page = parseRawPage(text, fileTitle);
  return {
    title: page.title || fileTitle,
    section: page.section,
    date: null,
    author: null,
    summary: null,
    source: null,
    body: page.body,
    related: [],
    previous: page.previous ? { ref: page.previous, by: 'title' } : null,
    next: page.next ? { ref: page.next, by: 'title' } : null,
    titleHrefs: new Set(page.related.map((r) => r.title)),
    problems: [],
  };
}
