// Who a saved page belongs to, to recognise the site's own name in its title and breadcrumbs.
import { looseKey } from './pageWords.js';

/** Who the page belongs to, to recognise the site's name in a title. */
export interface SiteIdentity {
  /** `og:site_name`. */
  name: string | null;
  /** Host name of the page's address (canonical, else og:url), when it has one. */
  host: string | null;
  /** The page's author: a personal site goes by its owner's name ("… | Code | Jane Doe"). */
  author: string | null;
}

/** Letters and digits only, lower case: "The Verge" and "theverge" and "TheVerge.com" meet here. */
function compact(text: string): string {
  return looseKey(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The name a host is known by: `www.theverge.com` → `theverge`, `news.bbc.co.uk` → `bbc`. */
function hostName(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length >= 3 && labels[labels.length - 2].length <= 3 && labels[labels.length - 1].length === 2) return labels[labels.length - 3];
  return labels.length >= 2 ? labels[labels.length - 2] : labels[0];
}

/** True when `part` of a title names the site: its og:site_name, its host, its host's name ("BBC News" on bbc.co.uk), its owner. */
export function isSiteName(part: string, site: SiteIdentity): boolean {
  const key = compact(part.replace(/^\s*[[(]|[\])]\s*$/g, ''));
  if (!key) return false;
  if (site.name && key === compact(site.name)) return true;
  if (site.author && key === compact(site.author)) return true;
  if (!site.host) return false;
  const host = site.host.toLowerCase().replace(/^(?:www\d?|m|amp)\./, '');
  const name = hostName(host);
  if (key === compact(host) || key === name) return true;
  // "BBC News", "Ars Technica Blog": the host's name followed by a word or two.
  const words = looseKey(part).split(' ');
  return name.length >= 3 && words.length <= 3 && compact(words[0]) === name;
}

/** The site of a page: its og:site_name, the host of its address (canonical, else og:url), its author. */
export function siteOf(siteName: string | null, source: string | null, author: string | null): SiteIdentity {
  let host: string | null = null;
  try {
    host = source ? new URL(source).hostname || null : null;
  } catch {
    host = null; // a relative or broken address names no site
  }
  return { name: siteName, host, author };
}
