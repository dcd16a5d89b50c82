// A saved page's DOM bounded before anything else reads it (metadata, Readability, turndown).
// Their cost grows with depth × nodes (Readability and our own walks climb and re-read
// ancestors; turndown recurses per level), so 1,000 nested <div>s (11 KB) took 11 s and 4,000
// failed, and 40,000 links cost four times the page without them. Past the limits, in the DOM:
// - what is nested deeper than `maxDepth` is flattened into plain paragraphs at that depth,
//   every word kept;
// - elements past the first `maxElements` (in document order) are dropped, the text before
//   them kept;
// - links past the first `maxLinks` become their words.
// Parsing itself costs about as much per element as the rest, so the markup is cut before it
// is parsed too, after as many opening tags as elements are kept.
// Every walk here is a loop, never a recursion: the point is that the tree may be deep.
import { parseDocument } from './dom.js';
import { HTML_LIMITS, markupCut, type HtmlLimits } from './pageOutline.js';

export { HTML_LIMITS, type HtmlLimits } from './pageOutline.js';

/** What a page past a limit gives: `too-deep` when nesting was flattened, `too-large` when only elements or links were over. */
export interface PageLimitProblem {
  kind: 'too-deep' | 'too-large' | 'unreadable';
  message: string;
}

/** What a page held past the limits. */
export interface BoundReport {
  /** Subtrees flattened at maxDepth. */
  flattened: number;
  /** Elements dropped past maxElements. */
  dropped: number;
  /** Links that became their words past maxLinks. */
  unlinked: number;
  /** Opening tags past maxElements cut from the markup before parsing. */
  cutTags?: boolean;
  /** One line saying what was done, or null when the page was within every limit. */
  problem: string | null;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose end is a paragraph break when a deep subtree is flattened to text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
/** Never text (their content is code or styling). */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The words of a subtree as paragraphs (the start and end of a block are breaks), in one pass. */
export function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const breakHere = () => {
    const text = current.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const isBlock = (n: Node) => n.nodeType === ELEMENT && BLOCK.has((n as Element).tagName);
  let node: Node | null = root.firstChild;
  while (node) {
    let enter = false;
    if (node.nodeType === TEXT) current += node.nodeValue ?? '';
    else if (node.nodeType === ELEMENT && !NOT_TEXT.has((node as Element).tagName)) {
      if (isBlock(node)) breakHere();
      enter = true;
    }
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Up past every node that ends here, then on to the next sibling.
    while (node !== root && !node.nextSibling) {
      if (isBlock(node)) breakHere();
      node = node.parentNode as Node;
    }
    if (node === root) break;
    if (isBlock(node)) breakHere();
    node = node.nextSibling;
  }
  breakHere();
  return paragraphs;
}

/** `el`'s content replaced by its words as <p> paragraphs. */
function flatten(el: Element): void {
  const doc = el.ownerDocument;
  const paragraphs = paragraphsOf(el);
  while (el.lastChild) el.removeChild(el.lastChild);
  for (const text of paragraphs) {
    const p = doc.createElement('p');
    p.appendChild(doc.createTextNode(text));
    el.appendChild(p);
  }
}

const elementsIn = (node: Node) => (node.nodeType === ELEMENT ? 1 + (node as Element).getElementsByTagName('*').length : 0);

/** Remove `el` and every node after it in document order (within `root`); the elements removed. */
function dropFrom(el: Element, root: Element): number {
  let dropped = 0;
  for (let n: Node = el; n !== root && n.parentNode; n = n.parentNode) {
    while (n.nextSibling) {
      const sibling = n.nextSibling;
      dropped += elementsIn(sibling);
      n.parentNode.removeChild(sibling);
    }
  }
  dropped += elementsIn(el);
  el.parentNode?.removeChild(el);
  return dropped;
}

/** The node after `node` and its children in document order within `root`, with its depth; null at the end. */
function nextAfter(node: Node, root: Node, depth: number): { node: Node; depth: number } | null {
  for (let n: Node = node; n !== root; n = n.parentNode as Node, depth--) {
    if (n.nextSibling) return { node: n.nextSibling, depth };
    if (!n.parentNode) return null;
  }
  return null;
}

/** `a` replaced by its children: its words stay, its link goes. */
function unwrap(a: Element): void {
  const parent = a.parentNode;
  if (!parent) return;
  while (a.firstChild) parent.insertBefore(a.firstChild, a);
  parent.removeChild(a);
}

/** Bound `doc` in place to `limits` (see the top of the file); says what was done. */
export function boundDocument(doc: Document, limits: HtmlLimits = HTML_LIMITS): BoundReport {
  const root = doc.documentElement;
  let flattened = 0;
  let elements = 0;
  let links = 0;
  let dropped = 0;
  let unlinked = 0;
  // Depth counts from <html>'s children (<head>, <body>) at 0.
  let depth = 0;
  let node: Node | null = root?.firstChild ?? null;
  while (root && node) {
    let enter = false;
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (el.tagName === 'A' && el.hasAttribute('href') && ++links > limits.maxLinks) {
        // Its words take its place (and count no element), and the walk goes on with them.
        const first = el.firstChild;
        const after = first ? { node: first, depth } : nextAfter(el, root, depth);
        unwrap(el);
        unlinked++;
        if (!after) break;
        ({ node, depth } = after);
        continue;
      }
      if (++elements > limits.maxElements) {
        dropped = dropFrom(el, root);
        break;
      }
      if (depth >= limits.maxDepth && el.firstElementChild) {
        flatten(el);
        flattened++;
        // Its paragraphs are its only children now; the walk goes on after it.
        elements += el.childNodes.length;
      } else {
        enter = true;
      }
    }
    if (enter && node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    const after = nextAfter(node, root, depth);
    if (!after) break;
    ({ node, depth } = after);
  }
  // Unwrapped links leave runs of text nodes, which cost Readability and turndown as elements do.
  if (unlinked && root) root.normalize();
  const said: string[] = [];
  if (flattened) said.push(`nested deeper than ${limits.maxDepth} elements (flattened to paragraphs there)`);
  if (dropped) said.push(`over ${limits.maxElements} elements (the last ${dropped} left out)`);
  if (unlinked) said.push(`over ${limits.maxLinks} links (the last ${unlinked} shown as their words)`);
  return { flattened, dropped, unlinked, problem: said.length ? `page is ${said.join(', ')}` : null };
}

/** A page parsed within the limits: markup past maxElements opening tags cut, then the DOM bounded. */
export function parseBounded(html: string, limits: HtmlLimits = HTML_LIMITS): { doc: Document; problem: PageLimitProblem | null } {
  const cut = markupCut(html, limits.maxElements);
  const doc = parseDocument(cut < 0 ? html : html.slice(0, cut));
  const report = boundDocument(doc, limits);
  let message = report.problem;
  if (cut >= 0 && !report.dropped) message = `${message ? `${message}, ` : 'page is '}over ${limits.maxElements} elements (the rest left out)`;
  if (!message) return { doc, problem: null };
  return { doc, problem: { kind: report.flattened ? 'too-deep' : 'too-large', message } };
}
