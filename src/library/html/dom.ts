// Small DOM helpers shared by the saved-page readers. linkedom gives a fast, spec-shaped DOM
// without jsdom (which fails on Node 20, see FIELD-NOTES); it does not repair a page that
// lacks <html>/<head>/<body>, so `parseDocument` does that itself.
import { parseHTML } from 'linkedom';
import { collapse } from './pageWords.js';

export { collapse, looseKey } from './pageWords.js';

const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE']);
const ELEMENT_NODE = 1;

/** Parse a whole page (or a fragment) into a document that always has head and body. */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  const root = document.documentElement;
  if (root && root.tagName === 'HTML' && hasHeadAndBody(root)) return document;

  // A fragment or a page without the usual skeleton: move every node into a fresh one.
  const fresh = parseHTML('<!doctype html><html><head></head><body></body></html>').document;
  const head = fresh.head;
  const body = fresh.body;
  // A loop, not a recursion: a page may nest <html><body> thousands of times.
  const pending: Node[] = [...document.childNodes].reverse();
  while (pending.length) {
    const node = pending.pop()!;
    if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).tagName;
      if (tag === 'HTML' || tag === 'HEAD' || tag === 'BODY') {
        for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
        continue;
      }
      if (HEAD_TAGS.has(tag) && body.firstChild === null) {
        head.appendChild(node);
        continue;
      }
    }
    if (node.nodeType === 10 /* doctype */) continue;
    body.appendChild(node);
  }
  return fresh;
}

function hasHeadAndBody(root: Element): boolean {
  const head = root.firstElementChild;
  return head !== null && head.tagName === 'HEAD' && head.nextElementSibling?.tagName === 'BODY';
}


/** The visible words of an element, collapsed. */
export function textOf(node: Node | null | undefined): string {
  return node ? collapse(node.textContent) : '';
}


/** True when `node` is `ancestor` or inside it. */
export function isInside(node: Node, ancestor: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

/** Every element of a document-ordered walk under `root`, skipping the subtrees `skip` rejects. */
export function* elementsUnder(root: Element, skip?: (el: Element) => boolean): Generator<Element> {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (skip?.(child)) continue;
    yield child;
    yield* elementsUnder(child, skip);
  }
}

/** Class and id of an element, as one string for pattern tests. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/**
 * The document's elements other than html, head and body, in document order: numbered so, the
 * DOM's elements and the outline's (pageOutline.ts `ordinal`) are the same elements, whether
 * or not the page wrote its own skeleton.
 */
export function elementsInOrder(doc: Document): Element[] {
  const found: Element[] = [];
  const pending: Element[] = [doc.documentElement];
  while (pending.length) {
    const el = pending.pop()!;
    const tag = el.tagName;
    if (tag !== 'HTML' && tag !== 'HEAD' && tag !== 'BODY') found.push(el);
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) pending.push(child);
  }
  return found;
}
