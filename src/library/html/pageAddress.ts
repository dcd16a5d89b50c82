// Where a saved page's links lead: the address its relative links are read against (from its
// outline, no DOM) and each href read against it.
import { ARTICLE_EXTENSIONS } from '../scanLibrary.js';
import { firstInside, type PageOutline } from './pageOutline.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The address the page's relative links are read against: `<base href>` (itself read against the source), else the source; null when neither is an http(s) URL. */
export function pageBase(outline: PageOutline, source: string | null): string | null {
  const sourceUrl = httpUrl(source ?? '');
  const base = firstInside(outline, 0, (el) => el.tag === 'BASE' && el.attrs.href !== undefined);
  const written = base >= 0 ? outline.elements[base].attrs.href.trim() : '';
  if (written) {
    const resolved = httpUrl(written, sourceUrl ?? undefined);
    if (resolved) return resolved;
  }
  return sourceUrl;
}

/** `href` read against `base`, when the result is an http(s) URL; else null. */
export function httpUrl(href: string, base?: string): string | null {
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

