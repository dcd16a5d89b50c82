// Articles laid out at a width, memoised per article id + width, so scrolling and walking
// history never lay out twice, and a resize lays out once. A renderer that throws gives a
// one-line message in place of the article instead of taking the reader down (SPEC §4).
import type { ArticleBody } from '../library/types.js';
import type { BodyStore } from '../library/bodyStore.js';
import type { RenderedArticle, RenderOptions } from '../render/types.js';
import { sanitizeLine } from '../text/sanitize.js';

export type ArticleRenderer = (entry: ArticleBody, options: RenderOptions) => RenderedArticle;
export type RenderById = (id: string, width: number) => RenderedArticle;

/** How many layouts are kept; the least recently used goes first. */
const CAPACITY = 64;

/** Layouts of the bodies `store` reads (each body read once per layout kept). */
export function createRenderCache(store: BodyStore, render: ArticleRenderer, color: boolean): RenderById {
  const cache = new Map<string, RenderedArticle>();
  return (id, width) => {
    const key = `${width}\u0000${id}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let rendered: RenderedArticle;
    try {
      const entry = store.read(id);
      rendered = entry ? render(entry, { width, color }) : messageArticle(`not in library: ${id}`, width);
    } catch (error) {
      rendered = messageArticle(`could not show this article: ${error instanceof Error ? error.message : String(error)}`, width);
    }
    cache.set(key, rendered);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
    return rendered;
  };
}

function messageArticle(message: string, width: number): RenderedArticle {
  const line = sanitizeLine(message);
  return { lines: [line], plainLines: [line], links: [], headings: [], blocks: [], width };
}

/** Layouts before the bodies are loaded: the first frame of the list lays out no article. */
export const bodiesPending: RenderById = (id, width) => messageArticle('loading…', width);
