// A `.txt` file as an article: a raw saved page (SPEC §1b).
import { parseRawPage } from './parseRawPage.js';
import type { ParsedArticle } from './parsedArticle.js';
import { decodeEntities } from '../text/entities.js';

export function parseTextArticle(text: string, fileTitle: string): ParsedArticle {
  const page = parseRawPage(text, fileTitle);
  // The body shows as typed (escaped Markdown), but the title, the breadcrumb and the titles
  // of previous/next are names, shown and matched decoded like every format's (`&amp;` → `&`).
  return {
    title: decodeEntities(page.title) || fileTitle,
    section: page.section.map(decodeEntities),
    date: null,
    author: null,
    summary: null,
    source: null,
    aliases: [],
    tags: [],
    body: page.body,
    related: [],
    previous: page.previous ? { ref: decodeEntities(page.previous), by: 'title' } : null,
    next: page.next ? { ref: decodeEntities(page.next), by: 'title' } : null,
    titleHrefs: new Set(page.related.map((r) => r.title)),
    problems: [],
  };
}
