// A saved page's links, read as the browser read them (SPEC §1c): against the page's own
// address (`<base href>`, else its source), so that `/wiki/Firefox`, `../tags/x` and `?page=2`
// become the site's URLs: another saved page when one has that source, else external. A link
// within the page is kept when it names a heading (the reader scrolls there) and is plain text
// otherwise; a link that leads nowhere broadsheet can go (a site path on a page with no known
// address) is plain text too, never "not in library".
import { textOf } from './dom.js';
import { siteHref } from './pageAddress.js';

const HEADING = /^H[1-6]$/;


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
