// Readable content (a DOM element) → Markdown that reads back as the page's text and never
// shows Markdown's own syntax: links around blocks, emphasis across line breaks, adjacent or
// nested emphasis and emphasis beside punctuation are written so that marked takes them as
// meant. Links keep the href given (siteLinks.ts has resolved it); images become Markdown
// images of their words with no source (`![alt]()`: shown `[image: alt]`, never fetched, never
// checked); anything executable or interactive is dropped.
import TurndownService from 'turndown';
import { collapse, textOf } from './dom.js';
import { addTableRules } from './markdownTables.js';

const NEVER = ['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'canvas', 'svg', 'audio', 'video', 'nav', 'menu', 'dialog', 'head', 'title', 'meta', 'link'] as const;

const BLOCKS = 'p, div, section, article, aside, header, footer, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, blockquote, pre, table, figure, figcaption, hr, details, summary';
const BLOCK_TAGS = new Set(BLOCKS.toUpperCase().split(', '));
const EMPHASIS = new Set(['EM', 'I']);
const STRONG = new Set(['STRONG', 'B']);

function destination(href: string): string {
  // Angle brackets let a destination hold spaces; parentheses are escaped as turndown does.
  if (/[\s<>]/.test(href)) return `<${href.replace(/[<>]/g, (c) => (c === '<' ? '%3C' : '%3E'))}>`;
  return href.replace(/([()])/g, '\\$1');
}

// ---- The DOM, made plain before conversion -------------------------------------------------

function kindOf(el: Element): 'em' | 'strong' | null {
  return EMPHASIS.has(el.tagName) ? 'em' : STRONG.has(el.tagName) ? 'strong' : null;
}

function unwrap(el: Element): void {
  while (el.firstChild) el.parentNode!.insertBefore(el.firstChild, el);
  el.remove();
}

/**
 * `<em>b</em><em>y</em>` is one emphasis (`*b**y*` would read as `b**y`); emphasis inside the
 * same emphasis is that emphasis (`**x**` from two <em>s is strong); `<br>` in `<pre>` is a
 * line end (textContent drops it).
 */
/** The text nodes below `el` (all of them: the caller knows they are only space). */
function textNodes(el: Element): ChildNode[] {
  const found: ChildNode[] = [];
  const walk = (node: ChildNode) => {
    if (node.nodeType === 3) found.push(node);
    else for (const child of [...node.childNodes]) walk(child);
  };
  for (const child of [...el.childNodes]) walk(child);
  return found;
}

function plainDom(content: Element): void {
  for (const br of [...content.querySelectorAll('pre br')]) br.replaceWith(br.ownerDocument.createTextNode('\n'));
  // An image among words stands apart from them, and so does a link or span holding only it.
  // The spaces go into the page, not the image's Markdown: turndown trims an element's content
  // when it has space on one edge only.
  for (const img of [...content.querySelectorAll('img')]) {
    if (!imageWords(img) || standsAlone(img)) continue;
    let unit: Element = img;
    while (unit.parentElement && unit.parentElement !== content && !BLOCK_TAGS.has(unit.parentElement.tagName) && textOf(unit.parentElement) === '') unit = unit.parentElement;
    if (!unit.parentNode) continue;
    // Space inside the unit would collapse into the space outside it and be trimmed away with it.
    if (unit !== img) for (const text of textNodes(unit)) text.remove();
    unit.parentNode.insertBefore(img.ownerDocument.createTextNode(' '), unit);
    unit.parentNode.insertBefore(img.ownerDocument.createTextNode(' '), unit.nextSibling);
  }
  for (const el of [...content.querySelectorAll('em, i, strong, b')]) {
    const kind = kindOf(el);
    if (!el.parentNode) continue;
    for (let up = el.parentElement; up && up !== content; up = up.parentElement) {
      if (kindOf(up) === kind) {
        unwrap(el);
        break;
      }
    }
  }
  for (const el of [...content.querySelectorAll('em, i, strong, b')]) {
    if (!el.parentNode) continue;
    const kind = kindOf(el);
    for (let next = el.nextSibling; next && next.nodeType === 1 && kindOf(next as Element) === kind; next = el.nextSibling) {
      while (next.firstChild) el.appendChild(next.firstChild);
      (next as Element).remove();
    }
  }
}

// ---- Emphasis --------------------------------------------------------------------------------

/**
 * Punctuation at an emphasis's edge that may stand outside it: any outside ASCII (`「`, `”`,
 * `（`), and sentence marks; never Markdown's own (a link's `)`, an escape's `\`).
 */
const MOVABLE = /^(?:[^\x00-\x7f]|["'.,;:?!])$/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const movable = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c) && MOVABLE.test(c);

function splitEdges(text: string): { before: string; inner: string; after: string } {
  let start = 0;
  let end = text.length;
  while (start < end && movable(text[start])) start++;
  while (end > start && movable(text[end - 1]) && text[end - 2] !== '\\') end--;
  return { before: text.slice(0, start), inner: text.slice(start, end), after: text.slice(end) };
}

/**
 * One run of emphasis, written so marked reads it as emphasis: punctuation at its edges stands
 * outside the delimiters (CommonMark will not open `**` before `「` after a letter, so
 * `は**「重要」**です` shows its asterisks), and a run with a line break in it is one run per line.
 */
function emphasize(content: string, delimiter: string): string {
  if (!content.trim()) return content.replace(/[^\s]/g, '');
  return content
    .split(/( {2}\n|\n)/)
    .map((part, i) => {
      if (i % 2 === 1 || !part.trim()) return part;
      const lead = /^\s*/.exec(part)![0];
      const trail = /\s*$/.exec(part)![0];
      const { before, inner, after } = splitEdges(part.trim());
      if (!inner) return part;
      return `${lead}${before}${delimiter}${inner}${delimiter}${after}${trail}`;
    })
    .join('');
}

// ---- Images and links ----------------------------------------------------------------------

/**
 * An alt that only names the file ("performance.jpg", "IMG_2041", a wiki's "Harbour logo.png")
 * says nothing to a reader: no sentence ends in an image file's extension.
 */
const FILE_NAME_ALT = /^(?:[^\n]*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)|(?:img|image|dsc|pxl|photo)[_-]?\d+\w*)$/i;

export function imageWords(img: Element): string {
  // Some pages put markup in an alt (`<span style=…>Credit</span>`): a reader sees its words.
  const alt = collapse(img.getAttribute('alt')?.replace(/<\/?[a-zA-Z][^>]*>/g, ' ') ?? null);
  return alt && !FILE_NAME_ALT.test(alt) ? alt : '';
}

/** An image that is its block's only content (a figure, a paragraph holding just a picture): its own line. */
function standsAlone(img: Element): boolean {
  for (let el: Element | null = img.parentElement; el; el = el.parentElement) {
    if (el.tagName === 'FIGURE') return true;
    if (textOf(el) !== '') return false;
    if (BLOCK_TAGS.has(el.tagName)) return true;
  }
  return false;
}

/**
 * A link around blocks (a teaser card: a heading and a paragraph): the blocks as they are, the
 * link kept on the heading's words or the first line, since a Markdown link holds only inline text.
 */
function linkAroundBlocks(content: string, href: string): string {
  const blocks = content.trim().split(/\n{2,}/);
  const at = blocks.findIndex((b) => /[\p{L}\p{N}]/u.test(b));
  if (at < 0) return `\n\n${content.trim()}\n\n`;
  const block = blocks[at];
  const heading = /^(#{1,6} )(.*)$/s.exec(block);
  if (heading && !heading[2].includes('\n')) blocks[at] = `${heading[1]}[${heading[2]}](${href})`;
  else {
    const [first, ...rest] = block.split('\n');
    const marker = /^((?:[-*+]|\d+[.)])\s+|>\s*)?(.*)$/.exec(first)!;
    if (marker[2].trim()) blocks[at] = [`${marker[1] ?? ''}[${marker[2].trim()}](${href})`, ...rest].join('\n');
  }
  return `\n\n${blocks.join('\n\n')}\n\n`;
}

// ---- Super- and subscripts ----------------------------------------------------------

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎' };

/** `x<sup>2</sup>` as `x²` when every character has a superscript form, else `x^(…)`; a footnote mark (`[1]`) stays as it is. */
function script(content: string, table: Record<string, string>, mark: string): string {
  const text = content.trim();
  if (!text || /^\\?\[[^\]]*\\?\]$/.test(text) || /[\n]/.test(text)) return content;
  if ([...text].every((c) => c in table)) return [...text].map((c) => table[c]).join('');
  return /^[\p{L}\p{N}]+$/u.test(text) ? `${mark}${text}` : `${mark}(${text})`;
}

// ---- The converter -------------------------------------------------------------------------

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.remove([...NEVER] as unknown as TurndownService.Filter);
  addTableRules(service);
  service.addRule('preformatted', {
    // <pre> without <code> inside: turndown would run its lines into one paragraph.
    filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const text = (node.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });
  service.addRule('emphasis', { filter: ['em', 'i'], replacement: (content) => emphasize(content, '*') });
  service.addRule('strong', { filter: ['strong', 'b'], replacement: (content) => emphasize(content, '**') });
  service.addRule('imageAsWords', {
    filter: 'img',
    replacement: (_content, node) => {
      const words = imageWords(node as Element);
      if (!words) return '';
      // An image, not text: its words are never lexed as Markdown (a `www.` in them made an
      // autolink that ran on over an escaped bracket). marked unescapes only brackets in an alt.
      const shown = `![${words.replace(/\\+(?=[[\]]|$)/g, '').replace(/[[\]]/g, '\\$&')}]()`;
      return standsAlone(node as Element) ? `\n\n${shown}\n\n` : shown;
    },
  });
  service.addRule('figure', {
    filter: ['figure', 'figcaption'],
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule('superscript', { filter: 'sup', replacement: (content) => script(content, SUPERSCRIPT, '^') });
  service.addRule('subscript', { filter: 'sub', replacement: (content) => script(content, SUBSCRIPT, '_') });
  service.addRule('details', {
    filter: ['details', 'summary', 'dt', 'dd'],
    replacement: (content, node) => {
      const text = content.trim();
      if (!text) return '';
      // A term or a summary heads what follows it: strong, on a line of its own.
      return node.nodeName === 'DT' || node.nodeName === 'SUMMARY' ? `\n\n${emphasize(text, '**')}\n\n` : `\n\n${text}\n\n`;
    },
  });
  service.addRule('linkKeepingHref', {
    filter: (node) => node.nodeName === 'A' && !!(node as Element).getAttribute('href'),
    replacement: (content, node) => {
      const text = content.trim();
      if (!text) return '';
      const href = destination(((node as Element).getAttribute('href') ?? '').trim());
      if ((node as Element).querySelector(BLOCKS) !== null || /\n/.test(text)) return linkAroundBlocks(content, href);
      // Space at the content's edges (an image's) stays outside the brackets, between words.
      return `${/^\s/.test(content) ? ' ' : ''}[${text}](${href})${/\s$/.test(content) ? ' ' : ''}`;
    },
  });
  return service;
}

let service: TurndownService | null = null;

/** Markdown for `content`, trimmed, ending in one newline ('' when there is nothing). */
export function toMarkdown(content: Element): string {
  service ??= createService();
  plainDom(content);
  const markdown = service
    .turndown(content as unknown as TurndownService.Node)
    .replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return markdown ? `${markdown}\n` : '';
}
