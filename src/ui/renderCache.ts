// Articles laid out at a width, memoised per article id + width, so scrolling and walking
// history never lay out twice, and a resize lays out once. A renderer that throws gives a
// one-line message in place of the article instead of taking the reader down (SPEC §4).
import type { Article, Library } from '../library/types.js';
import type { RenderedArticle, RenderOptions } from '../render/types.js';
import { cleanLine } from './displayText.js';

export type ArticleRenderer = (article: Article, options: RenderOptions) => RenderedArticle;
export type RenderById = (id: string, width: number) => RenderedArticle;

/** How many layouts are kept; the least recently used goes first. */
const CAPACITY = 64;

export function createRenderCache(library: Library, render: ArticleRenderer, color: boolean): RenderById {
  const cache = new Map<string, RenderedArticle>();
  return (id, width) => {
    const key = `${width}\u0000${id}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const article = library.byId.get(id);
    let rendered: RenderedArticle;
    if (!article) rendered = messageArticle(`not in library: ${id}`, width);
    else {
      try {
        rendered = render(article, { width, color });
      } catch (error) {
        rendered = messageArticle(`could not show this article: ${error instanceof Error ? error.message : String(error)}`, width);
      }
    }
    cache.set(key, rendered);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
    return rendered;
  };
}

function messageArticle(message: string, width: number): RenderedArticle {
  const line = cleanLine(message);
  return { lines: [line], plainLines: [line], links: [], headings: [], width };
}
