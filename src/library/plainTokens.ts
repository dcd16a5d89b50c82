// Text in marked's token shapes with no Markdown read: what is shown for a body (or the part of
// one) the lexer cannot take, or for a note in place of a body.
import type { Token, TokensList } from 'marked';

/** A text token holding `src` as written. */
export const plainText = (src: string): Token => ({ type: 'text', raw: src, text: src, escaped: false }) as Token;

/** A paragraph of `src` as written. */
export const plainParagraph = (src: string): Token => ({ type: 'paragraph', raw: src, text: src, tokens: [plainText(src)] }) as Token;

/** A body as paragraphs of plain text (split on blank lines). */
export function plainTokens(body: string): TokensList {
  const tokens = body.split(/\n{2,}/).filter((p) => p.trim() !== '').map(plainParagraph);
  return Object.assign(tokens, { links: Object.create(null) as TokensList['links'] });
}
