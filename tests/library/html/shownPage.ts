// A saved page as a reader sees it: loaded into a library of its own (with any neighbours),
// its body read through the body store and rendered, styling off.
import { libraryOf, bodyOf } from '../helpers.js';
import { renderArticle } from '../../../src/render/renderArticle.js';

/** A page with a <head> and the story inside <article>, for fixtures written inline. */
export const htmlPage = (head: string, body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><article>${body}</article></body></html>`;

/** The rendered lines of `page.html`, joined; `width` wide enough that nothing wraps unless asked. */
export async function shownPage(html: string, options: { width?: number; neighbours?: Record<string, string> } = {}): Promise<string> {
  const { lib } = await libraryOf({ 'page.html': html, ...(options.neighbours ?? {}) });
  return renderArticle(bodyOf(lib, 'page'), { width: options.width ?? 200, color: false }).plainLines.join('\n');
}

/** What must never reach the screen outside code: Markdown link, strong and heading-in-link syntax. */
export const LEAKED_SYNTAX = /\]\(|\*\*|\[#/;
