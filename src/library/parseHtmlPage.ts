// Saved web pages (SPEC §1c). A seam for now: the title from <title> and a short note as
// the body. Readable-content extraction (linkedom + readability + turndown) goes here later.
import type { ParsedArticle } from './parsedArticle.js';
import { decodeEntities } from './htmlEntities.js';

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

export function parseHtmlPage(html: string, fileTitle: string): ParsedArticle {
  const raw = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const title = raw ? decodeEntities(raw.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() : '';
  return {
    title: title || fileTitle,
    section: [],
    date: null,
    author: null,
    summary: null,
    source: null,
    body: 'This saved web page is not read yet: broadsheet shows only its title for now.\n',
    related: [],
    previous: null,
    next: null,
    titleHrefs: new Set(),
    problems: [],
  };
}
