// Test helpers: Articles built by hand, visible-column slicing, width and escape checks.
import stringWidth from 'string-width';
import type { Article, ArticleBody, LinkTarget, RelatedLink, ArticleLink } from '../../src/library/types.js';
import { lexBody } from '../../src/library/bodyLinks.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import type { RenderedArticle, RenderOptions } from '../../src/render/types.js';

/** A body entry as the body store gives it, for an article built by hand (its body lexed by the library's lexer). */
export function makeArticle(over: Partial<Article> & { body: string; linkTargets?: Map<string, LinkTarget> }): ArticleBody {
  const { body, linkTargets = new Map<string, LinkTarget>(), ...fields } = over;
  const article: Article = {
    id: 'test/article',
    title: 'Test article',
    path: 'test/article.md',
    absPath: '/lib/test/article.md',
    root: '/lib',
    format: 'markdown',
    section: [],
    date: null,
    author: null,
    summary: null,
    source: null,
    aliases: [],
    tags: [],
    related: [] as RelatedLink[],
    previous: null as ArticleLink | null,
    next: null as ArticleLink | null,
    backlinks: [],
    words: 0,
    problems: [],
    ...fields,
  };
  return { article, body, tokens: lexBody(body).tokens, linkTargets };
}

/**
 * broadsheet's rendering of one Markdown body (links left as the renderer finds them). The one
 * place that knows what renderArticle takes, for tests that only care about a body's text.
 */
export function renderBody(body: string, options: RenderOptions, over: Partial<Article> = {}): RenderedArticle {
  return renderArticle(makeArticle({ ...over, body }), options);
}

/** Slice a plain string by visible columns [start, end). */
export function sliceColumns(s: string, start: number, end: number): string {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let col = 0;
  let out = '';
  for (const { segment } of seg.segment(s)) {
    const w = stringWidth(segment);
    if (col >= start && col + w <= end) out += segment;
    col += w;
  }
  return out;
}

export function overWidth(r: RenderedArticle, width: number): string[] {
  const bad: string[] = [];
  r.lines.forEach((l, i) => {
    if (stringWidth(l) > width) bad.push(`line ${i} (${stringWidth(l)} > ${width}): ${JSON.stringify(l)}`);
  });
  r.plainLines.forEach((l, i) => {
    if (stringWidth(l) > width) bad.push(`plain line ${i} (${stringWidth(l)} > ${width}): ${JSON.stringify(l)}`);
  });
  return bad;
}

/** Every ESC must start one of our SGR sequences; no C0 (but none expected), no C1, no bidi controls. */
export function foreignControls(lines: string[]): string[] {
  const bad: string[] = [];
  lines.forEach((l, i) => {
    const withoutSgr = l.replace(/\x1b\[[0-9;]*m/g, '');
    if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(withoutSgr)) bad.push(`line ${i}: ${JSON.stringify(l)}`);
  });
  return bad;
}
