// Plain text of inline tokens, without styling or link numbering: heading text (for the
// headings list and slugs) and the start of a paragraph (for the related-opener test).
import { sanitizeText } from '../text/sanitize.js';
import { cleanText } from '../text/clean.js';
import type { Token } from 'marked';
import { bodyTokens } from './renderContext.js';

export function plainInline(tokens: readonly Token[] | undefined): string {
  let s = '';
  for (const t of bodyTokens(tokens)) {
    switch (t.type) {
      case 'text':
        s += t.tokens ? plainInline(t.tokens) : cleanText(t.text);
        break;
      case 'escape':
      case 'codespan':
        s += sanitizeText(t.text);
        break;
      case 'image':
        s += cleanText(t.text);
        break;
      case 'wikilink':
        s += sanitizeText(t.label);
        break;
      case 'br':
        s += ' ';
        break;
      case 'html':
      case 'comment':
      case 'footnoteRef':
        break;
      case 'math':
        s += sanitizeText(t.text);
        break;
      default:
        if ('tokens' in t && t.tokens) s += plainInline(t.tokens);
        else if ('text' in t && typeof t.text === 'string') s += cleanText(t.text);
    }
  }
  return s;
}

/** The plain text a paragraph starts with (enough to test for a related opener). */
export function plainPrefix(tokens: readonly Token[] | undefined, want = 48): string {
  let s = '';
  for (const t of tokens ?? []) {
    if (s.length >= want) break;
    s += plainInline([t]);
  }
  return s;
}
