// The site's name as the library sees it (issue 14, SPEC §1c): a part at the start or the end
// of a saved page's title ("… | Field Notes Weekly") that two or more pages of the same site
// also have there is the site's name, and is cut, when the page itself did not name its site
// (og:site_name, the domain: pageTitle.ts cuts those). Found once per load over the pages'
// titles; the parts found are kept on the Library (plain data, cached with it) so the body
// store cuts a title it reads again the same way, and the list and the open article agree.
import type { ArticleFormat } from './types.js';
import { looseKey } from './html/pageWords.js';
import { titleParts } from './html/titleParts.js';

/** Per site (`siteKey`), the title parts (as `looseKey`s) that are its name at a title's start and at its end. */
export type SiteTitleParts = Readonly<Record<string, { readonly leading: readonly string[]; readonly trailing: readonly string[] }>>;

/** What a page's site is known by. */
export interface TitledPage {
  format: ArticleFormat;
  /** The page's address (canonical, else og:url); its host is its site. */
  source: string | null;
  root: string;
  /** Relative to `root`, `/` separators: a page with no address belongs with the pages of its folder. */
  path: string;
  title: string;
}

/** The site a saved page belongs to: the host of its address, else its folder; null for anything but a saved page. */
export function siteKey(page: Omit<TitledPage, 'title'>): string | null {
  if (page.format !== 'html') return null;
  if (page.source) {
    try {
      const host = new URL(page.source).hostname.replace(/^www\./, '');
      if (host) return `host:${host}`;
    } catch {
      // A relative or broken address names no site: the folder does.
    }
  }
  return `folder:${page.root}\u0000${page.path.slice(0, page.path.lastIndexOf('/') + 1)}`;
}

/**
 * The parts shared by two or more pages of a site at the same end of their titles. A part that
 * is the whole title of some page is never one of them: that page's title is more than a name.
 */
export function findSiteTitleParts(pages: readonly TitledPage[]): SiteTitleParts {
  const wholeTitles = new Set(pages.filter((p) => p.format === 'html').map((p) => looseKey(p.title)));
  const counts = new Map<string, { leading: Map<string, number>; trailing: Map<string, number> }>();
  for (const page of pages) {
    const site = siteKey(page);
    if (site === null) continue;
    const { parts } = titleParts(page.title);
    if (parts.length < 2) continue;
    let tally = counts.get(site);
    if (!tally) counts.set(site, (tally = { leading: new Map(), trailing: new Map() }));
    const first = looseKey(parts[0]);
    const last = looseKey(parts[parts.length - 1]);
    tally.leading.set(first, (tally.leading.get(first) ?? 0) + 1);
    tally.trailing.set(last, (tally.trailing.get(last) ?? 0) + 1);
  }
  const shared = (byPart: Map<string, number>) => [...byPart].filter(([key, n]) => n >= 2 && key !== '' && !wholeTitles.has(key)).map(([key]) => key).sort();
  const found: Record<string, { leading: string[]; trailing: string[] }> = {};
  for (const [site, { leading, trailing }] of counts) {
    const parts = { leading: shared(leading), trailing: shared(trailing) };
    if (parts.leading.length > 0 || parts.trailing.length > 0) found[site] = parts;
  }
  return found;
}

/** The page's title less its site's shared parts (one at each end at most; never the whole title). */
export function withoutSiteParts(page: TitledPage, found: SiteTitleParts | undefined): string {
  const site = siteKey(page);
  const parts = site === null ? undefined : found?.[site];
  if (!parts) return page.title;
  const split = titleParts(page.title);
  let from = 0;
  let to = split.parts.length - 1;
  if (from < to && parts.trailing.includes(looseKey(split.parts[to]))) to--;
  if (from < to && parts.leading.includes(looseKey(split.parts[from]))) from++;
  return from === 0 && to === split.parts.length - 1 ? page.title : split.join(from, to);
}
