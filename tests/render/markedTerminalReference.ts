// marked-terminal as a reference renderer: what it shows of a Markdown text, as words, so a test
// can check that broadsheet shows every one of them too (no text is ever lost). broadsheet does
// not render with marked-terminal (README, "Choices worth knowing"); here it is the second
// opinion on what the text of a document is.
//
// The comparison is of words, not layout. Normalisation, applied the same way to both sides
// unless said otherwise:
// - styling is stripped (SGR and OSC sequences);
// - HTML entities in text are decoded on the reference side (marked leaves them to a browser and
//   marked-terminal decodes only &amp; &lt; &gt; &quot; &#39;); in code and after `\&` they stay;
// - a word is a run of letters, marks and digits (\p{L}\p{M}\p{N}), case-folded (NFKC, lower
//   case): punctuation, symbols and whitespace only separate words, so list bullets, `#`
//   heading prefixes, table borders, `[n]` link numbers and line breaks don't count;
// - words are counted: broadsheet must show each word at least as often as marked-terminal, at a
//   width where nothing needs wrapping; at narrow widths a line break may split a word (a table
//   cell, a code line, two CJK characters), so there the letters and digits are counted instead.
// What marked-terminal prints that is not the document's text is left out of the reference
// (through its own options, not by editing its output):
// - a link's destination printed beside its text, `text (href)`: broadsheet shows where a link
//   goes in its links panel, not in the body. A link with no text of its own (an autolink) keeps
//   its URL, which is the text;
// - an image's `![alt](src)`: the alt text is kept, the source is a destination;
// - the numbers of ordered list items (marked-terminal renumbers from 1 whatever the list's start);
// - raw HTML, which marked-terminal prints verbatim, is taken as the text a browser would show:
//   parsed (linkedom), tags, attributes and comments dropped, the content of script, style,
//   template, iframe and noscript dropped (never shown, SPEC §1c), images as their alt text;
// - `:emoji:` shortcodes are not turned into pictures (broadsheet shows them as typed);
// - the inline Markdown of a tight list item is rendered, not printed as source (a marked-terminal
//   7.3 bug: `- [text](href)` came out as `[text](href)`).
import { Marked, type MarkedExtension } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { parseHTML } from 'linkedom';
import { stripVTControlCharacters } from 'node:util';

const HREF_START = '\ue000';
const HREF_END = '\ue001';
const HTML_START = '\ue002';
const HTML_END = '\ue003';

function reference(extensions: MarkedExtension[]): Marked {
  const marked = new Marked(...extensions);
  marked.use(
    markedTerminal({
      // No width games: the reference is about text, and reflow would split words at hyphens.
      reflowText: false,
      emoji: false,
      // Entities in text (not in code, not escaped `\&`): marked leaves them for a browser.
      text: (text: string) => decodeEntities(text),
      href: (href: string) => `${HREF_START}${href}${HREF_END}`,
      html: (html: string) => `${HTML_START}${html}${HTML_END}`,
      image: (_href: string, _title: string | null, alt: string) => ` ${alt} `,
      list: (body: string) => body,
    }),
  );
  // marked-terminal 7.3 prints the inline Markdown of a tight list item as source
  // (`[text](href)`, `**bold**`): render those tokens as it renders a paragraph's.
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  return marked;
}

const plainReference = reference([]);
const referencesWith = new Map<MarkedExtension, Marked>();

/** What marked-terminal shows of `markdown`, as text (see the normalisation above). */
export function markedTerminalText(markdown: string, extension?: MarkedExtension): string {
  let marked = plainReference;
  if (extension) {
    marked = referencesWith.get(extension) ?? reference([extension]);
    referencesWith.set(extension, marked);
  }
  let out = stripVTControlCharacters(marked.parse(markdown, { async: false }) as string);
  // `text (href)`: the destination beside a text; an href alone is the link's text.
  out = out.replace(new RegExp(`\\(${HREF_START}[^${HREF_END}]*${HREF_END}\\)`, 'g'), ' ');
  out = out.replace(new RegExp(`[${HREF_START}${HREF_END}]`, 'g'), '');
  // marked-terminal 7.3 draws a task item's checkbox twice (`[X]  [X] text`): it is one box.
  out = out.replace(/(\[[ X]\]) +\1/g, '$1');
  // Raw HTML as a browser shows it.
  return out.replace(new RegExp(`${HTML_START}([^${HTML_END}]*)${HTML_END}`, 'g'), (_, html: string) => htmlText(html));
}

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'NOSCRIPT']);
/** Elements whose edges separate words on a page; inline ones (b, em, sup, a, span…) don't. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);

/** The text a browser shows of an HTML fragment (inline tags join, block edges separate). */
function htmlText(html: string): string {
  const box = document.createElement('div');
  box.innerHTML = html;
  let text = '';
  const visit = (node: DomNode) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeName === 'IMG') text += ` ${node.getAttribute?.('alt') ?? ''} `;
    else if (node.nodeType === 1 && !HIDDEN.has(node.nodeName)) {
      const block = BLOCKS.has(node.nodeName);
      if (block) text += ' ';
      Array.from(node.childNodes).forEach(visit);
      if (block) text += ' ';
    }
  };
  Array.from((box as unknown as DomNode).childNodes).forEach(visit);
  return text;
}

/** HTML entities decoded by an HTML parser; everything else kept as it is. */
function decodeEntities(text: string): string {
  if (!/&[#A-Za-z0-9]+;/.test(text)) return text;
  const box = document.createElement('div');
  box.innerHTML = text.replace(/&(?![#A-Za-z0-9]+;)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return box.textContent as string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /[\p{L}\p{M}\p{N}]/gu;

function counts(text: string, unit: RegExp): Map<string, number> {
  const found = new Map<string, number>();
  for (const [piece] of stripVTControlCharacters(text).normalize('NFKC').toLowerCase().matchAll(unit)) {
    found.set(piece, (found.get(piece) ?? 0) + 1);
  }
  return found;
}

function lacking(reference: Map<string, number>, shown: Map<string, number>): Map<string, number> {
  const missing = new Map<string, number>();
  for (const [piece, n] of reference) {
    const short = n - (shown.get(piece) ?? 0);
    if (short > 0) missing.set(piece, short);
  }
  return missing;
}

/** Words of `reference` that `shown` has fewer times, with how many are missing. */
export function missingWords(reference: string, shown: string): Map<string, number> {
  return lacking(counts(reference, WORD), counts(shown, WORD));
}

/**
 * Letters and digits of `reference` that `shown` has fewer times. For narrow widths, where a line
 * break may split a word (a table cell, a code line, between two CJK characters) but must never
 * drop a character.
 */
export function missingLetters(reference: string, shown: string): Map<string, number> {
  return lacking(counts(reference, LETTER), counts(shown, LETTER));
}
