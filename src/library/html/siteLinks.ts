// A saved page's links, read as the browser read them (SPEC §1c): against the page's own
// address (`<base href>`, else its source), so that `/wiki/Firefox`, `../tags/x` and `?page=2`
// become the site's URLs: another saved page when one has that source, else external. A link
// within the page is kept when it names a heading (the reader scrolls there) and is plain text
// otherwise; a link that leads nowhere broadsheet can go (a site path on a page with no known
// address) is plain text too, never "not in library".
import { ARTICLE_EXTENSIONS } from '../scanLibrary.js';
import { textOf } from './dom.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HEADING = /^H[1-6]$/;

/** The address the page's relative links are read against: `<base href>` (itself read against the source), else the source; null when neither is an http(s) URL. */
export function pageBase(doc: Document, source: string | null): string | null {
  const sourceUrl = httpUrl(source ?? '');
  const written = doc.querySelector('base[href]')?.getAttribute('href')?.trim();
  if (written) {
    const base = httpUrl(written, sourceUrl ?? undefined);
    if (base) return base;
  }
  return sourceUrl;
}

function httpUrl(href: string, base?: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Same document: equal apart from the fragment. */
function samePage(url: string, base: string): boolean {
  return url.replace(/#.*$/, '') === base.replace(/#.*$/, '');
}

/** A relative path to a file of the kind a library holds (`night-market.html`, `../notes/a.md`). */
function isSavedPagePath(href: string): boolean {
  if (href.startsWith('/') || href.startsWith('?')) return false;
  const pathPart = href.replace(/[?#].*$/, '').toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => pathPart.endsWith(ext));
}

/**
 * Where a link of the page leads, as a Markdown destination: an absolute URL when the page has
 * an address, `#fragment` for the page itself, a relative path to a saved page when it has
 * none; null when it leads nowhere broadsheet can go.
 */
export function siteHref(href: string, base: string | null): string | null {
  const written = href.trim();
  if (!written) return null;
  if (written.startsWith('#')) return written.length > 1 ? written : null;
  if (SCHEME.test(written)) {
    if (base && /^https?:/i.test(written) && samePage(written, base) && written.includes('#')) return written.slice(written.indexOf('#'));
    return written;
  }
  if (base) {
    const url = httpUrl(written, base);
    if (!url) return null;
    if (samePage(url, base) && url.includes('#')) return url.slice(url.indexOf('#'));
    return url;
  }
  if (written.startsWith('//')) return `https:${written}`;
  // With no address, a saved page beside this one (`night-market.html`) is all a relative link
  // can be: the library finds it by path. A site path (`/wiki/Firefox`, `?page=2`) is words.
  return isSavedPagePath(written) ? written : null;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The heading an in-page fragment names (its id, or an anchor's id or name inside or just before it), or null. */
function headingFor(content: Element, fragment: string): Element | null {
  const id = decodeFragment(fragment);
  const target = [...content.querySelectorAll('[id], a[name]')].find((el) => el.getAttribute('id') === id || el.getAttribute('name') === id);
  if (!target) return null;
  if (HEADING.test(target.tagName)) return target;
  const inside = target.closest('h1, h2, h3, h4, h5, h6');
  if (inside) return inside;
  // <a name="history"></a><h2>History</h2>, or <span id="History"> inside a wrapper of the heading.
  const next = target.nextElementSibling;
  if (next && HEADING.test(next.tagName) && textOf(target) === '') return next;
  const heading = target.querySelector('h1, h2, h3, h4, h5, h6');
  return heading && textOf(heading) !== '' ? heading : null;
}

/** Every link of the readable content rewritten to where it leads (siteHref); links leading nowhere lose their href and read as their words. */
export function resolveSiteLinks(content: Element, base: string | null): void {
  for (const a of [...content.querySelectorAll('a[href]')]) {
    const href = siteHref(a.getAttribute('href') ?? '', base);
    if (href === null) {
      a.removeAttribute('href');
      continue;
    }
    if (!href.startsWith('#')) {
      a.setAttribute('href', href);
      continue;
    }
    // Within the page: a heading's words are what the reader finds it by.
    const heading = headingFor(content, href.slice(1));
    const words = heading ? textOf(heading) : '';
    if (words) a.setAttribute('href', `#${words}`);
    else a.removeAttribute('href');
  }
}
