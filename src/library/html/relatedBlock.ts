// Related reading from a block inside the article (SPEC §1c): an <aside class="related">, a
// "more stories" box, or a list under a "Related" heading. The paragraphs that open with
// `Read:` and the like are not blocks: they stay in the text, where they stand.
import { matchRelatedOpener } from '../relatedOpeners.js';
import { classAndId, collapse, elementsUnder, textOf } from './dom.js';
import type { PageLink } from './pageLinks.js';

const RELATED_CLASS = /related|read-?more|more-?(stories|articles|on)|see-?also|further-?reading|also-?read|recommended/i;
const RELATED_HEADING = /^(related|related (articles?|stories|reading|content|coverage|links|news)|more on this( story| topic)?|more stories|read more|see also|further reading|recommended( reading| for you)?|you (may|might) also like)\s*:?$/i;
const BLOCK_TAGS = new Set(['ASIDE', 'SECTION', 'DIV', 'NAV', 'UL', 'OL', 'FOOTER']);
const HEADING = /^H[1-6]$/;
/** Share of a block's text in links, at least, for it to be a box of links rather than text. */
const MIN_LINK_DENSITY = 0.5;

export interface RelatedBlocks {
  links: PageLink[];
  /** The blocks (and their headings), to be left out of the readable content. */
  nodes: Element[];
}

function linkText(a: Element): { title: string; fromText: boolean } {
  const text = textOf(a);
  if (text) return { title: text, fromText: true };
  return { title: collapse(a.getAttribute('title')) || collapse(a.querySelector('img[alt]')?.getAttribute('alt')), fromText: false };
}

function linkDensity(el: Element): number {
  const all = textOf(el).length;
  if (all === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textOf(a).length;
  return linked / all;
}

/** A wrapper around one `Read:` paragraph is that paragraph, not a block. */
function isRelatedParagraph(el: Element): boolean {
  return matchRelatedOpener(el.textContent ?? '') !== null;
}

export function findRelatedBlocks(root: Element): RelatedBlocks {
  const rootLength = Math.max(textOf(root).length, 1);
  const nodes: Element[] = [];
  const taken = (el: Element) => nodes.some((n) => n.contains(el));

  for (const el of elementsUnder(root)) {
    if (!BLOCK_TAGS.has(el.tagName) || taken(el)) continue;
    const firstHeading = el.querySelector('h2, h3, h4, h5, h6');
    const looksRelated = RELATED_CLASS.test(classAndId(el)) || (el.tagName === 'ASIDE' && firstHeading !== null && RELATED_HEADING.test(textOf(firstHeading)));
    if (!looksRelated || isRelatedParagraph(el)) continue;
    if (el.querySelector('a[href]') === null || el.querySelector('h1') !== null) continue;
    // A block of the story's own text (a "read-more" wrapper holding the rest of it), whatever its class says: a box of related links is mostly links.
    if (textOf(el).length > rootLength / 2 || linkDensity(el) < MIN_LINK_DENSITY) continue;
    nodes.push(el);
  }

  for (const heading of root.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (taken(heading) || !RELATED_HEADING.test(textOf(heading))) continue;
    const block: Element[] = [];
    for (let sibling = heading.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (HEADING.test(sibling.tagName) || sibling.tagName === 'HR') break;
      if (linkDensity(sibling) < MIN_LINK_DENSITY) break;
      block.push(sibling);
    }
    if (block.some((el) => el.matches('a[href]') || el.querySelector('a[href]'))) {
      nodes.push(heading, ...block);
      continue;
    }
    // <div><h3>Related</h3><a…>…</a><a…>…</a></div>
    const parent = heading.parentElement;
    if (parent && parent !== root && linkDensity(parent) >= MIN_LINK_DENSITY && textOf(parent).length <= rootLength / 2) nodes.push(parent);
  }

  const links: PageLink[] = [];
  const fromText: boolean[] = [];
  for (const node of nodes) {
    const anchors = node.matches('a[href]') ? [node] : [...node.querySelectorAll('a[href]')];
    for (const a of anchors) {
      const href = (a.getAttribute('href') ?? '').trim();
      if (!href || href.startsWith('#') || /^\s*(javascript|vbscript|data):/i.test(href)) continue;
      const words = linkText(a);
      const seen = links.findIndex((l) => l.href === href);
      if (seen >= 0) {
        // A teaser often links twice (picture, then headline): the headline's words win.
        if (!fromText[seen] && words.fromText) {
          links[seen] = { title: words.title, href };
          fromText[seen] = true;
        }
        continue;
      }
      links.push({ title: words.title || href, href });
      fromText.push(words.fromText);
    }
  }
  return { links, nodes };
}
