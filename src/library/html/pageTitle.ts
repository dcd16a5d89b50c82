// The page's title (SPEC §1c): og:title, else <title>, else the first <h1>; the site's name
// is cut off the first two.
import { collapse, looseKey, textOf } from './dom.js';
import { firstMeta, type PageMeta } from './metadata.js';

/** Separators between a title and a site name: ` | `, ` - `, ` – `, ` — `, ` · `. */
const SEPARATOR = /(\s+[|\-–—·]\s+)/;

/**
 * Cut a site name off `title`. Of the parts between separators, keep the run that matches
 * the first <h1>; else drop the parts at either end that are `og:site_name`; else keep the
 * longest part. A title without separators is kept whole.
 */
export function cutSiteName(title: string, h1: string, siteName: string | null): string {
  const pieces = title.split(SEPARATOR); // part, separator, part, separator, part…
  if (pieces.length === 1) return title;
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const join = (from: number, to: number) => pieces.slice(from * 2, to * 2 + 1).join('').trim();

  const h1Key = looseKey(h1);
  if (h1Key) {
    // Longest runs first, so "A – B" is kept whole when the <h1> is "A – B".
    for (let length = parts.length; length >= 1; length--) {
      for (let from = 0; from + length <= parts.length; from++) {
        const run = join(from, from + length - 1);
        if (looseKey(run) === h1Key) return run;
      }
    }
  }

  const siteKey = siteName ? looseKey(siteName) : '';
  if (siteKey) {
    let from = 0;
    let to = parts.length - 1;
    while (from < to && looseKey(parts[to]) === siteKey) to--;
    while (from < to && looseKey(parts[from]) === siteKey) from++;
    if (from > 0 || to < parts.length - 1) return join(from, to);
  }

  let longest = 0;
  parts.forEach((part, i) => {
    if (part.trim().length > parts[longest].trim().length) longest = i;
  });
  return parts[longest].trim() || title;
}

export interface TitleResult {
  title: string;
  /** The first <h1> of the page, collapsed ('' when none). */
  h1: string;
  from: 'og:title' | 'title' | 'h1' | 'none';
}

export function pageTitle(doc: Document, meta: PageMeta): TitleResult {
  const h1 = textOf(doc.querySelector('body h1'));
  const siteName = firstMeta(meta, 'og:site_name');
  const og = collapse(firstMeta(meta, 'og:title'));
  if (og) return { title: cutSiteName(og, h1, siteName), h1, from: 'og:title' };
  const titleElement = textOf(doc.querySelector('head title') ?? doc.querySelector('title'));
  if (titleElement) return { title: cutSiteName(titleElement, h1, siteName), h1, from: 'title' };
  if (h1) return { title: h1, h1, from: 'h1' };
  return { title: '', h1, from: 'none' };
}
