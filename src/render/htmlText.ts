// Raw HTML in Markdown is never passed through: blocks are shown as their text (dim, tags
// dropped, block tags as line breaks) and images, inline or in blocks, by their alt text.
import { cleanText } from '../text/clean.js';
import { decodeEntities } from '../text/entities.js';
import { collapseWhitespace } from '../text/whitespace.js';
import { STYLE } from './styles.js';
import { pushAll, type Line } from './lines.js';
import { wrapAtoms } from './wrapAtoms.js';
import { raisedText } from './raisedText.js';

export function altOf(tag: string): string {
  const m = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  return m ? cleanText(m[1] ?? m[2] ?? m[3] ?? '') : '';
}

const BLOCK_TAGS =
  /<\/?(?:p|div|h[1-6]|li|tr|table|thead|tbody|tfoot|ul|ol|pre|blockquote|details|summary|section|article|header|footer|nav|aside|hr|dl|dt|dd|figure|figcaption|center|main)\b[^>]*>/gi;

const PRE = /^\s*<pre\b[^>]*>/i;

/** A `<pre>` block's text, its lines kept (tags dropped, entities decoded), or null for other HTML. */
export function preText(html: string): string | null {
  const open = PRE.exec(html);
  if (!open) return null;
  let s = html.slice(open[0].length).replace(/<\/pre\s*>[\s\S]*$/i, '');
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<br\s*\/?>/gi, '\n').replace(/<\/?[A-Za-z][^>]*>/g, '');
  return decodeEntities(s).replace(/^\n/, '');
}

const RAISED = /<(sup|sub)\s*>([^<]*)<\/\1\s*>/gi;

/** HTML block: shown as its text (dim), tags dropped, images as their alt text. */
function htmlToText(html: string): string[] {
  let s = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  s = s.replace(RAISED, (_, tag: string, text: string) => raisedText(decodeEntities(text), tag.toLowerCase() as 'sup' | 'sub'));
  s = s.replace(/<(script|style|template|iframe|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/<img\b[^>]*>/gi, (m) => {
    const alt = altOf(m).replace(/\s+/g, ' ').trim();
    return alt ? ` [image: ${alt}] ` : '';
  });
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(BLOCK_TAGS, '\n');
  // Cells of a row stand apart: `<td>v3</td><td>v4</td>` is "v3 v4", never "v3v4".
  s = s.replace(/<\/?t[dh]\b[^>]*>/gi, ' ');
  s = s.replace(/<\/?[A-Za-z][^>]*>/g, '');
  s = cleanText(s);
  return s
    .split('\n')
    .map((l) => collapseWhitespace(l))
    .filter((l) => l !== '');
}

export function layoutHtmlBlock(html: string, width: number): Line[] {
  const out: Line[] = [];
  for (const para of htmlToText(html)) pushAll(out, wrapAtoms([{ text: para, style: STYLE.html, link: -1 }], width));
  return out;
}
