// A saved page's outline: its elements (tag, attributes, parent, extent) and its text, read in
// one pass of a streaming tokenizer (htmlparser2), without building a DOM. Every metadata rule
// (title, byline, date, section, previous/next, the story's root) reads this, so the list of a
// folder of pages appears after a few milliseconds a page, and the full extraction (linkedom,
// Readability) that runs later agrees with it: it reads its metadata here too.
//
// The tree is the one linkedom builds, since linkedom builds its DOM from the same tokenizer's
// events with the same options; `ordinal` numbers elements as `elementsInOrder` numbers the DOM's,
// so a rule's answer (the story's root, a block to leave out) can be found in the DOM again.
import { Parser } from 'htmlparser2';
import { collapse } from './pageWords.js';

export interface OutlineElement {
  /** Upper case, as a DOM's tagName. */
  tag: string;
  /** Attribute names in lower case. */
  attrs: Readonly<Record<string, string>>;
  /** Index of the parent element; -1 at the top. */
  parent: number;
  /** Index of the last element inside it (itself when it holds none). */
  end: number;
  /** Where its text (textContent) starts and ends in `PageOutline.text`. */
  textStart: number;
  textEnd: number;
  /** Its place among the page's elements other than html, head and body, in document order. */
  ordinal: number;
}

/** A run of text as the tokenizer gave it (a DOM text node), and the element it stands in. */
export interface OutlineText {
  start: number;
  end: number;
  parent: number;
}

export interface PageOutline {
  /** Every element, in document order; the first is the document itself (tag '#DOCUMENT'). */
  elements: OutlineElement[];
  texts: OutlineText[];
  /** All the page's text, comments left out (script and style text kept, as textContent does). */
  text: string;
  /** Index of <body>; 0 (the document) when the page has none: then every element outside <head> is in the body. */
  body: number;
}

export interface HtmlLimits {
  /** Element depth below <body> (or <head>) past which content is flattened. */
  maxDepth: number;
  /** Elements kept, in document order. */
  maxElements: number;
  /** Links (<a href>) kept as links. */
  maxLinks: number;
}

// Real pages nest 15-40 deep and hold a few thousand elements and links (a long Wikipedia
// article: 15,000-30,000 elements, 3,000-6,000 links, most of them outside the story).
// Readability costs about 0.1 ms an element, more with many links, so these keep a page
// to about a second at worst.
export const HTML_LIMITS: HtmlLimits = { maxDepth: 64, maxElements: 20_000, maxLinks: 5_000 };

/** Elements a DOM would not count: the skeleton, which a page may leave out and the DOM then makes. */
const SKELETON = new Set(['HTML', 'HEAD', 'BODY']);

/** The page's outline, in one pass; markup past `maxElements` opening tags is left out, as the DOM of full extraction leaves it (boundDocument.ts). */
export function outlinePage(html: string, maxElements = Infinity): PageOutline {
  const cut = Number.isFinite(maxElements) ? markupCut(html, maxElements) : -1;
  const elements: OutlineElement[] = [];
  const texts: OutlineText[] = [];
  const chunks: string[] = [];
  let length = 0;
  let ordinal = 0;
  let body = 0;
  // The document: an element holding all, so that every question has a scope.
  elements.push({ tag: '#DOCUMENT', attrs: {}, parent: -1, end: 0, textStart: 0, textEnd: 0, ordinal: -1 });
  const open: number[] = [0];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toUpperCase();
        const index = elements.length;
        elements.push({ tag, attrs, parent: open.length ? open[open.length - 1] : -1, end: index, textStart: length, textEnd: length, ordinal: SKELETON.has(tag) ? -1 : ordinal++ });
        if (tag === 'BODY' && body === 0) body = index;
        open.push(index);
      },
      ontext(data) {
        texts.push({ start: length, end: length + data.length, parent: open.length ? open[open.length - 1] : -1 });
        chunks.push(data);
        length += data.length;
      },
      onclosetag() {
        if (open.length <= 1) return; // a stray end tag: the document stays open
        const index = open.pop()!;
        const el = elements[index];
        el.end = elements.length - 1;
        el.textEnd = length;
      },
    },
    { lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(cut < 0 ? html : html.slice(0, cut));
  parser.end();
  // Elements still open at the end close there.
  for (const index of open) {
    elements[index].end = elements.length - 1;
    elements[index].textEnd = length;
  }
  return { elements, texts, text: chunks.join(''), body };
}


/** Where the markup's opening tag number `max + 1` starts (a cut there leaves `max` elements at most), or -1. */
export function markupCut(html: string, max: number): number {
  let count = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1);
    // <a…, <A…: an opening tag (or something in a script that looks like one: counted too).
    if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && ++count > max) return at;
  }
  return -1;
}

// ---- Questions a rule asks of the outline, as it would of a DOM. ----

/** The element's textContent. */
export function rawText(outline: PageOutline, index: number): string {
  const el = outline.elements[index];
  return outline.text.slice(el.textStart, el.textEnd);
}

/** The element's words, collapsed (dom.ts textOf). */
export function textAt(outline: PageOutline, index: number): string {
  return index < 0 ? '' : collapse(rawText(outline, index));
}

export function attr(outline: PageOutline, index: number, name: string): string | null {
  return outline.elements[index].attrs[name] ?? null;
}

/** True when `inner` is `outer` or inside it. */
export function within(outline: PageOutline, inner: number, outer: number): boolean {
  return inner >= outer && inner <= outline.elements[outer].end;
}

/** The element itself or its nearest ancestor `test` accepts (Element.closest); -1 when none. */
export function closest(outline: PageOutline, index: number, test: (el: OutlineElement) => boolean): number {
  for (let i = index; i >= 0; i = outline.elements[i].parent) if (test(outline.elements[i])) return i;
  return -1;
}

/** The first element inside `index` (not itself) that `test` accepts (Element.querySelector); -1 when none. */
export function firstInside(outline: PageOutline, index: number, test: (el: OutlineElement) => boolean): number {
  const end = outline.elements[index].end;
  for (let i = index + 1; i <= end; i++) if (test(outline.elements[i])) return i;
  return -1;
}

/** Every element inside `index` (not itself) that `test` accepts, in document order. */
export function allInside(outline: PageOutline, index: number, test: (el: OutlineElement) => boolean): number[] {
  const found: number[] = [];
  const end = outline.elements[index].end;
  for (let i = index + 1; i <= end; i++) if (test(outline.elements[i])) found.push(i);
  return found;
}

/** Every element of the page `test` accepts, in document order. */
export function allOf(outline: PageOutline, test: (el: OutlineElement) => boolean): number[] {
  const found: number[] = [];
  outline.elements.forEach((el, i) => {
    if (test(el)) found.push(i);
  });
  return found;
}

/** True when the element is in the page's body (inside <body>, or outside <head> when the page has no <body>). */
export function inBody(outline: PageOutline, index: number): boolean {
  if (!within(outline, index, outline.body) || index === outline.body) return false;
  return outline.body > 0 || (closest(outline, index, (el) => el.tag === 'HEAD') < 0 && !SKELETON.has(outline.elements[index].tag));
}

/**
 * The elements inside `scope` (not itself) that `test` accepts, in document order; when the
 * scope is the body, only the body's (a page with no <body> keeps its <head> out of it).
 */
export function inside(outline: PageOutline, scope: number, test: (el: OutlineElement) => boolean): number[] {
  const found = allInside(outline, scope, test);
  return scope === 0 ? found.filter((i) => inBody(outline, i)) : found;
}

/** The page body's textContent. */
export function bodyText(outline: PageOutline): string {
  return outline.body > 0 ? rawText(outline, outline.body) : outline.text;
}

/** The class and id of an element, as one string for pattern tests (dom.ts classAndId). */
export function classAndIdAt(outline: PageOutline, index: number): string {
  const { attrs } = outline.elements[index];
  return `${attrs.class ?? ''} ${attrs.id ?? ''}`;
}

/** Space-separated tokens of an attribute, in lower case (`rel`, `itemprop`). */
export function tokensOf(value: string | null | undefined): string[] {
  return (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}
