// The article renderer: Markdown tokens (marked's lexer, with the library's wikilink
// extension) laid out into lines at a width by our own block layout. marked-terminal is
// not used: every block it renders breaks a promise (lists/tables/code/HTML overflow,
// paragraphs wrap by UTF-16 length so CJK overflows, links may emit OSC 8, hr reads
// process.stdout.columns, `:emoji:` rewriting), and importing it loads highlight.js.
//
// Built from its dependencies (createRenderer) so tests can run it before the library
// modules exist; renderArticle.ts wires in the real ones.
import { Marked, type MarkedExtension } from 'marked';
import type { Article } from '../library/types.js';
import type { RenderedArticle, RenderOptions } from './types.js';
import { cleanLine } from './cleanText.js';
import { plainInline } from './plainInline.js';
import type { Ctx, RenderDeps, Tok } from './renderContext.js';
import { emptyLine, pushAll, type Line } from './lines.js';
import { layoutBlocks } from './blocks.js';
import { relatedAndFooter, sameTitle, titleBlock } from './articleFrame.js';
import { emit } from './emitLines.js';

export type RenderFn = (article: Article, options: RenderOptions) => RenderedArticle;

export function createRenderer(deps: RenderDeps): RenderFn {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use({ extensions: [deps.wikilinkExtension] } as MarkedExtension);

  // Re-rendering the same body at another width (a resize) skips lexing.
  let lastBody: string | null = null;
  let lastTokens: Tok[] = [];
  const lex = (body: string): Tok[] => {
    if (body === lastBody) return lastTokens;
    let tokens: Tok[];
    try {
      // The library's lexer caps nesting (capNesting.ts) and never throws for what a body holds.
      tokens = deps.lex ? lexShared(body) : (marked.lexer(body) as unknown as Tok[]);
    } catch {
      // Never fail on bad input: fall back to the text as paragraphs.
      tokens = body.split(/\n{2,}/).map((p) => ({ type: 'paragraph', text: p, raw: p }));
    }
    lastBody = body;
    lastTokens = tokens;
    return tokens;
  };

  const lexShared = (body: string): Tok[] => {
    try {
      return deps.lex!(body);
    } catch {
      // The library's parsers are not loaded (a test of an article made by hand): lex here, uncapped.
      return marked.lexer(body) as unknown as Tok[];
    }
  };

  return function renderArticle(article: Article, options: RenderOptions): RenderedArticle {
    const width = Math.max(1, Math.floor(Number(options.width) || 80));
    const relatedNumbers = new Map<string, number>();
    article.related.forEach((r, i) => {
      const k = deps.targetKey(r.target);
      if (!relatedNumbers.has(k)) relatedNumbers.set(k, i + 1);
    });
    const ctx: Ctx = { article, deps, links: [], relatedNumbers, inRelated: false, listDepth: 0, depth: 0 };

    let tokens = lex(typeof article.body === 'string' ? article.body : '');
    // The body's own first `# Title` repeats the title block: skip it.
    const firstIdx = tokens.findIndex((t) => t.type !== 'space');
    if (firstIdx >= 0) {
      const f = tokens[firstIdx];
      if (f.type === 'heading' && f.depth === 1 && sameTitle(plainInline(f.tokens), cleanLine(article.title))) {
        tokens = tokens.slice(firstIdx + 1);
      }
    }

    const all: Line[] = titleBlock(article, width);
    const body = layoutBlocks(tokens, width, ctx, false);
    if (body.length) {
      all.push(emptyLine());
      pushAll(all, body);
    }
    const footer = relatedAndFooter(ctx, width);
    if (footer.length) {
      all.push(emptyLine());
      pushAll(all, footer);
    }
    return emit(all, ctx, width, options.color !== false);
  };
}
