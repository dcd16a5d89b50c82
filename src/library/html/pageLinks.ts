// The previous/next article (SPEC §1c): `rel=prev`/`rel=next` on <link> or <a>, else a link
// introduced by the words "Previous article" / "Next article" anywhere in the page (sites
// put them in a footer strip, outside the article body). Each is labelled by what its link
// says of its target, else by its address; never by "Next story →" (the library's own title
// of the target, when it has it, wins over both: linkGraph).
import { collapse, textOf } from './dom.js';

export interface PageLink {
  title: string;
  /** Exactly as written in the page: absolute or relative. */
  href: string;
}

export interface PageLinks {
  previous: PageLink | null;
  next: PageLink | null;
  /** The label-and-link blocks found, to be left out of the readable content. */
  blocks: Element[];
}

type Direction = 'previous' | 'next';

const LABEL = /^[\s\u00a0«‹←<]*(previous|next)[\s\u00a0]+(?:article|story|post)(?![a-z])[\s\u00a0]*:?[\s\u00a0]*/i;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

function relDirection(rel: string | null): Direction | null {
  const tokens = (rel ?? '').toLowerCase().split(/\s+/);
  if (tokens.includes('prev') || tokens.includes('previous')) return 'previous';
  if (tokens.includes('next')) return 'next';
  return null;
}

/** Words that only say which way a link goes ("← Previous story", "Nächste Meldung", "下一篇"). */
const DIRECTION_WORD =
  /previous|prev|next|older|newer|earlier|later|back|forward|go\s+to|read|article|story|post|entry|page|item|chapter|vorige[nrs]?|nächste[nrs]?|naechste[nrs]?|meldung|artikel|beitrag|zurück|weiter|précédente?|suivante?|anterior|siguiente|próximo|前へ|次へ|前の記事|次の記事|上一篇|下一篇|上一页|下一页|이전|다음/giu;

/**
 * A link's words as its label: a leading "Previous:" or "Next story:" and arrows cut off; ''
 * when nothing but such wording is left ("Next story →", "← Previous: ← Previous story").
 */
export function directionFree(text: string): string {
  const label = collapse(text)
    .replace(/^[\s«‹←<]*(?:previous|prev|next)(?:\s+(?:article|story|post|entry|page))?\s*[:：]\s*/iu, '')
    .replace(/^[\s«»‹›←→<>|·:-]+|[\s«»‹›←→<>|·:-]+$/gu, '');
  const rest = label.replace(DIRECTION_WORD, ' ').replace(/[\p{P}\p{S}\s]+/gu, '');
  return rest === '' ? '' : label;
}

/**
 * A label from a link's address when its words say nothing: the last segment of its path that
 * is not a number, without the extension or a trailing id, hyphens and underscores as spaces
 * (`/world/bridge-vote-delayed-2596982.html` → "Bridge vote delayed"); else "Page 2" for `/?page=2`; else
 * the href itself.
 */
export function slugTitle(href: string): string {
  const path = href.replace(/[?#].*$/s, '').replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter((segment) => segment !== '');
  for (let i = segments.length - 1; i >= 0; i--) {
    let segment = segments[i];
    try {
      segment = decodeURIComponent(segment);
    } catch {
      // a malformed escape: the segment as written
    }
    const words = collapse(
      segment
        .replace(/\.(?:s?html?|php\d?|aspx?|jsp|cfm)$/i, '')
        .replace(/[-_]\d{4,}$/u, '')
        .replace(/[-_+]+/g, ' '),
    );
    // A slug is all lower case: its first letter made a capital reads as a title does.
    if (/\p{L}/u.test(words)) return words === words.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  }
  // A pager link with no path to speak of: "/?page=2".
  const page = /[?&](?:page|pg|p)=(\d+)/i.exec(href);
  return page ? `Page ${page[1]}` : href;
}

/** Words for a link: its text, else its title attribute, else an image's alt text; never only "Next story →". */
function linkWords(a: Element, dropLabel = false): string {
  let text = textOf(a);
  if (dropLabel) text = text.replace(LABEL, '').trim();
  return directionFree(text) || directionFree(collapse(a.getAttribute('title'))) || directionFree(collapse(a.querySelector('img[alt]')?.getAttribute('alt')));
}

interface Labelled {
  direction: Direction;
  link: Element;
  title: string;
  block: Element;
}

/** Walk the body in document order; each label takes the first link after it, unless another label comes first. */
function labelledLinks(doc: Document): Labelled[] {
  const body = doc.body;
  // Cheap test first: most pages have no such label at all.
  if (!/(previous|next)[\s\u00a0]+(article|story|post)/i.test(body.textContent ?? '')) return [];

  const found: Labelled[] = [];
  let pending: Node | null = null;
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const m = LABEL.exec(child.nodeValue ?? '');
        if (!m) continue;
        const direction = m[1].toLowerCase() === 'previous' ? 'previous' : 'next';
        const inLink = (child.parentElement?.closest('a[href]') as Element | null) ?? null;
        if (inLink) {
          // <a href><span>Previous article</span> The title</a>
          const title = linkWords(inLink, true);
          found.push({ direction, link: inLink, title, block: blockAround(inLink, inLink) });
          pending = null;
        } else {
          pending = child;
        }
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP_TAGS.has(el.tagName)) continue;
        if (pending && el.tagName === 'A' && el.hasAttribute('href')) {
          const labelNode: Node = pending;
          pending = null;
          if (!withinReach(labelNode, el)) continue;
          found.push({ direction: labelDirection(labelNode), link: el, title: linkWords(el), block: blockAround(labelNode, el) });
          continue;
        }
        visit(el);
      }
    }
  };
  visit(body);
  return found;
}

function labelDirection(label: Node): Direction {
  return /^[^a-z]*previous/i.test(label.nodeValue ?? '') ? 'previous' : 'next';
}

/** A label and a link belong together when an element a few levels above the label (below <body>) holds both. */
function withinReach(label: Node, link: Element): boolean {
  let el = label.parentElement;
  for (let level = 0; el && el.tagName !== 'BODY' && level < 4; level++, el = el.parentElement) {
    if (el.contains(link)) return true;
  }
  return false;
}

/** The smallest element holding both the label and its link, when it holds little else. */
function blockAround(label: Node, link: Element): Element {
  let block: Element = link;
  for (let el: Element | null = link.parentElement; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (!el.contains(label)) continue;
    const labelLength = link.contains(label) ? 0 : collapse(label.textContent).length;
    const extra = textOf(el).length - textOf(link).length - labelLength;
    if (extra <= 3) block = el;
    break;
  }
  // Climb through wrappers that hold nothing else (<div class=prev><p>…</p></div>).
  while (block.parentElement && block.parentElement.tagName !== 'BODY' && textOf(block.parentElement) === textOf(block)) {
    block = block.parentElement;
  }
  return block;
}

/** Previous/next: rel links first; a title found anywhere for the same href is preferred to the bare href. */
export function pageLinks(doc: Document): PageLinks {
  const rel: Record<Direction, PageLink | null> = { previous: null, next: null };
  for (const el of doc.querySelectorAll('link[rel][href], a[rel][href]')) {
    const direction = relDirection(el.getAttribute('rel'));
    const href = el.getAttribute('href')?.trim();
    if (!direction || !href || rel[direction]) continue;
    const title = el.tagName === 'A' ? linkWords(el) : directionFree(collapse(el.getAttribute('title')));
    rel[direction] = { title, href };
  }

  const labelled = labelledLinks(doc);
  const result: PageLinks = { previous: null, next: null, blocks: labelled.map((l) => l.block) };
  for (const direction of ['previous', 'next'] as const) {
    const byLabel = labelled.find((l) => l.direction === direction);
    const fromRel = rel[direction];
    if (fromRel) {
      let title = fromRel.title;
      if (!title) {
        const sameHref = labelled.find((l) => l.link.getAttribute('href')?.trim() === fromRel.href)?.title ?? anchorTitle(doc, fromRel.href);
        title = sameHref || slugTitle(fromRel.href);
      }
      result[direction] = { title, href: fromRel.href };
    } else if (byLabel) {
      const href = (byLabel.link.getAttribute('href') ?? '').trim();
      result[direction] = { title: byLabel.title || slugTitle(href), href };
    }
  }
  return result;
}

function anchorTitle(doc: Document, href: string): string {
  for (const a of doc.querySelectorAll('a[href]')) {
    if (a.getAttribute('href')?.trim() === href) {
      const words = linkWords(a);
      if (words) return words;
    }
  }
  return '';
}
