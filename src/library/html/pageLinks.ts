// The previous/next article (SPEC §1c): `rel=prev`/`rel=next` on <link> or <a>, else a link
// introduced by the words "Previous article" / "Next article" anywhere in the page (sites
// put them in a footer strip, outside the article body).
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

/** Words for a link: its text, else its title attribute, else an image's alt text. */
function linkWords(a: Element, dropLabel = false): string {
  let text = textOf(a);
  if (dropLabel) text = text.replace(LABEL, '').trim();
  return text || collapse(a.getAttribute('title')) || collapse(a.querySelector('img[alt]')?.getAttribute('alt'));
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
          const title = linkWords(inLink, true) || collapse(inLink.getAttribute('href'));
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
    const title = el.tagName === 'A' ? linkWords(el) : collapse(el.getAttribute('title'));
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
        title = sameHref || fromRel.href;
      }
      result[direction] = { title, href: fromRel.href };
    } else if (byLabel) {
      result[direction] = { title: byLabel.title || (byLabel.link.getAttribute('href') ?? '').trim(), href: (byLabel.link.getAttribute('href') ?? '').trim() };
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
