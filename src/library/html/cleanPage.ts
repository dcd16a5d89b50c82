// Everything that must never reach the Markdown (SPEC §1c): scripts, styles, forms, iframes,
// event handlers, menus, cookie banners, comments. (The element that holds the story is
// found by the metadata pass: pageMetadata.ts storyRoot.)
import { matchRelatedOpener } from '../relatedOpeners.js';
import { classAndId, looseKey, textOf } from './dom.js';
import { mathAsText } from './mathText.js';

/** Never content, wherever they stand. */
const ALWAYS_JUNK = 'script, style, noscript, template, link, meta, iframe, frame, frameset, object, embed, applet, canvas, svg, audio, video, map, button, input, select, textarea, dialog';
/** Page furniture: removed, but unwrapped instead when a careless page puts the story inside one. */
const FURNITURE = 'form, nav, menu, [role=navigation], [role=menu], [role=menubar], [role=dialog], [role=alertdialog], [role=search], [hidden], [aria-hidden=true]';
const JUNK_CLASS = /\b(cookies?|cookie-?\w+|consent|gdpr|onetrust|cmp-\w+|comments?|comment-?(list|form|section|area|thread|s-area)|disqus|menu|navbar|nav-?menu|site-?nav|main-?nav|share-?(bar|buttons|tools|links)|social-?share|newsletter|paywall)\b/i;
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;
const UNSAFE_HREF = /^\s*(javascript|vbscript|data):/i;
/** Where the original href is kept while Readability runs (it may rewrite hrefs). */
export const HREF_KEEP = 'data-broadsheet-href';

function remove(el: Element, keep: Element): void {
  if (!el.parentNode) return;
  if (el.contains(keep)) {
    // Keep the story, drop the wrapper: <form id="page"><article>…</article></form>.
    while (el.firstChild) el.parentNode.insertBefore(el.firstChild, el);
  }
  el.remove();
}

export interface CleanOptions {
  /** The story's element (kept even when page furniture wraps it). */
  root: Element;
  /** Blocks already read elsewhere (previous/next strip, related block). */
  drop: Element[];
  /** The page's title: an <h1> repeating it is dropped, since the reader shows the title. */
  title: string;
}

/**
 * Remove junk from the whole body and make what is left safe to convert: no handlers, no
 * `javascript:` links, original hrefs kept aside, `Read:` paragraphs as plain <p>.
 */
export function cleanPage(doc: Document, options: CleanOptions): void {
  const { root } = options;
  const body = doc.body;
  for (const el of options.drop) remove(el, root);
  mathAsText(body);
  for (const el of [...body.querySelectorAll(ALWAYS_JUNK)]) el.remove();
  for (const el of [...body.querySelectorAll(FURNITURE)]) remove(el, root);

  const rootLength = textOf(root).length;
  const sweep = (parent: Element): void => {
    for (let el = parent.firstElementChild; el; ) {
      const next = el.nextElementSibling;
      if (!el.contains(root) && isFurniture(el, root, rootLength)) el.remove();
      else sweep(el);
      el = next;
    }
  };
  sweep(body);

  const title = looseKey(options.title);
  const h1 = root.querySelector('h1') ?? body.querySelector('h1');
  if (h1 && title && looseKey(textOf(h1)) === title) h1.remove();

  stripAndMark(body);
}

function isFurniture(el: Element, root: Element, rootLength: number): boolean {
  const tag = el.tagName;
  // Site header and footer, outside the story.
  if ((tag === 'HEADER' || tag === 'FOOTER') && !root.contains(el)) return el.querySelector('h1') === null;
  if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return true;
  return JUNK_CLASS.test(classAndId(el)) && el.querySelector('h1') === null && textOf(el).length < Math.max(rootLength / 2, 200);
}

function stripAndMark(body: Element): void {
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === 8) {
        child.parentNode?.removeChild(child); // <!-- comments -->
      } else if (child.nodeType === 1) {
        const el = child as Element;
        for (const name of el.getAttributeNames()) if (/^on/i.test(name)) el.removeAttribute(name);
        if (el.tagName === 'A') {
          const href = el.getAttribute('href');
          if (href !== null && UNSAFE_HREF.test(href)) el.removeAttribute('href');
          else if (href !== null) el.setAttribute(HREF_KEEP, href);
        }
        const line = WRAPPERS.has(el.tagName) ? readLine(el) : null;
        if (line) {
          // A `Read:` line, perhaps in a styled box (Readability drops <aside>s, boxes of links
          // and classes like "related"): a plain <p>, so extraction keeps it where it stands.
          const p = el.ownerDocument.createElement('p');
          while (line.firstChild) p.appendChild(line.firstChild);
          plainOpener(p);
          el.replaceWith(p);
          visit(p);
          child = next;
          continue;
        }
        visit(el);
      }
      child = next;
    }
  };
  visit(body);
}

/** `<strong>Read:</strong> <a…>`: the opener as plain text, so the Markdown paragraph starts with it. */
function plainOpener(p: Element): void {
  for (let first = p.firstElementChild; first && first.tagName !== 'A'; first = p.firstElementChild) {
    const text = first.textContent ?? '';
    const opener = matchRelatedOpener(text);
    if (opener === null || text.trim() !== opener.trim() || !(p.textContent ?? '').trimStart().startsWith(text.trim())) return;
    first.replaceWith(first.ownerDocument.createTextNode(text));
  }
}

/** The first `enough` characters or so of an element's text, without reading all of it. */
function leadingText(node: Node, enough: number): string {
  let text = '';
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += c.nodeValue ?? '';
      else if (c.nodeType === 1 && walk(c)) return true;
      if (text.trimStart().length >= enough) return true;
    }
    return false;
  };
  walk(node);
  return text;
}

const WRAPPERS = new Set(['DIV', 'SECTION', 'ASIDE', 'P']);

function isReadParagraph(el: Element): boolean {
  return el.querySelector('a[href]') !== null && el.querySelector('p, div, li, h1, h2, h3, h4, h5, h6, ul, ol, table') === null && matchRelatedOpener(el.textContent ?? '') !== null;
}

/** The element holding one `Read:` line inside `el` (`el` itself, or through wrappers that hold nothing else); null when there is none. */
function readLine(el: Element): Element | null {
  if (matchRelatedOpener(leadingText(el, 16)) === null) return null; // the cheap test first
  let inner = el;
  while (inner.childElementCount === 1 && WRAPPERS.has(inner.firstElementChild!.tagName) && textOf(inner.firstElementChild) === textOf(inner)) {
    inner = inner.firstElementChild!;
  }
  return isReadParagraph(inner) ? inner : null;
}

/** After extraction: every link gets back the href the page wrote. */
export function restoreHrefs(content: Element): void {
  for (const a of content.querySelectorAll(`[${HREF_KEEP}]`)) {
    a.setAttribute('href', a.getAttribute(HREF_KEEP) ?? '');
    a.removeAttribute(HREF_KEEP);
  }
}
