// renderArticle: an article's body (a body store's entry: the record, the tokens, the resolved
// links) laid out as terminal lines at a width. Pure: no Ink, no stdout, no lexing (the library
// lexed the body once, with the one marked of the product), no caches (the reader keeps the
// one cache of laid-out articles, src/ui/renderCache.ts).
//
// The layout is our own over marked's tokens: marked-terminal breaks a promise with every block
// it renders (lists/tables/code/HTML overflow, CJK wrapped by UTF-16 length, OSC 8 links,
// `:emoji:` rewriting), and importing it loads highlight.js.
import type { Token } from 'marked';
import type { ArticleBody } from '../library/types.js';
import { relatedNumbers } from '../library/linkGraph.js';
import type { RenderedArticle, RenderOptions } from './types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { plainInline } from './plainInline.js';
import type { Ctx } from './renderContext.js';
import { emptyLine, pushAll, type Line } from './lines.js';
import { collectFootnotes, layoutBlocks, layoutNotes } from './blocks.js';
import { relatedAndFooter, sameTitle, titleBlock } from './articleFrame.js';
import { emit } from './emitLines.js';

export function renderArticle(entry: ArticleBody, options: RenderOptions): RenderedArticle {
  const { article } = entry;
  const width = Math.max(1, Math.floor(Number(options.width) || 80));
  const ctx: Ctx = {
    article, linkTargets: entry.linkTargets, links: [], relatedNumbers: relatedNumbers(article.related), inRelated: false, listDepth: 0, depth: 0,
    footnotes: { defs: new Map(), order: [] },
    highlight: options.color !== false ? options.highlight : undefined, plainCode: false, hyperlinks: options.hyperlinks === true,
    ...(entry.tokenLines ? { tokenLines: entry.tokenLines } : {}),
  };

  let tokens: readonly Token[] = entry.tokens;
  // The body's own first `# Title` repeats the title block: skip it.
  const firstIdx = tokens.findIndex((t) => t.type !== 'space');
  if (firstIdx >= 0) {
    const f = tokens[firstIdx];
    if (f.type === 'heading' && f.depth === 1 && sameTitle(plainInline(f.tokens), sanitizeLine(article.title))) {
      tokens = tokens.slice(firstIdx + 1);
    }
  }

  const all: Line[] = titleBlock(article, width);
  // A footnote's definition is written `[^label]:`: a body without `[^` has none to look for.
  if (entry.body.includes('[^')) collectFootnotes(tokens, ctx.footnotes.defs);
  const body = layoutBlocks(tokens, width, ctx, false);
  const notes = layoutNotes(width, ctx);
  if (notes.length) {
    if (body.length) body.push(emptyLine());
    pushAll(body, notes);
  }
  if (body.length) {
    all.push(emptyLine());
    pushAll(all, body);
  }
  const footer = relatedAndFooter(ctx, width);
  if (footer.length) {
    all.push(emptyLine());
    pushAll(all, footer);
  }
  const rendered = emit(all, ctx, width, options.color !== false, options.theme, ctx.hyperlinks);
  if (ctx.plainCode && options.color !== false) rendered.plainCode = true;
  return rendered;
}
