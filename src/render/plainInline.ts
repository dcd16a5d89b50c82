// Plain text of inline tokens, without styling or link numbering: heading text (for the
// headings list and slugs) and the start of a paragraph (for the related-opener test).
import { sanitizeText } from './sanitizeText.js';
import { clean } from './cleanText.js';
import type { Tok } from './renderContext.js';

export function plainInline(tokens: Tok[] | undefined): string {
  if (!tokens) return '';
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        s += t.tokens ? plainInline(t.tokens) : clean(t.text);
        break;
      case 'escape':
      case 'codespan':
        s += sanitizeText(String(t.text ?? ''));
        break;
      case 'image':
        s += clean(t.text);
        break;
      case 'wikilink':
        s += sanitizeText(String(t.label ?? ''));
        break;
      case 'br':
        s += ' ';
        break;
      case 'html':
      case 'tag':
        break;
      default:
        if (Array.isArray(t.tokens)) s += plainInline(t.tokens);
        else if (typeof t.text === 'string') s += clean(t.text);
    }
  }
  return s;
}

/** The plain text a paragraph starts with (enough to test for a related opener). */
export function plainPrefix(tokens: Tok[] | undefined, want = 48): string {
  if (!tokens) return '';
  let s = '';
  for (const t of tokens) {
    if (s.length >= want) break;
    s += plainInline([t]);
  }
  return s;
}
