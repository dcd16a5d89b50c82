// Articles laid out at a width, memoised per article id + width, so scrolling and walking
// history never lay out twice, and a resize lays out once. A renderer that throws gives a
// one-line message in place of the article instead of taking the reader down (SPEC §4).
// When the library changes under the reader, the cache for the new library keeps every layout
// but those of the articles that changed; an article whose file was deleted keeps its last
// body, so it stays readable (at any width) until the reader leaves it.
import type { ArticleBody } from '../library/types.js';
import type { BodyStore } from '../library/bodyStore.js';
import type { LibraryChange } from '../library/libraryUpdates.js';
import type { CodeHighlighter, RenderedArticle, RenderOptions } from '../render/types.js';
import type { Theme } from '../render/theme.js';
import { sanitizeLine } from '../text/sanitize.js';

export type ArticleRenderer = (entry: ArticleBody, options: RenderOptions) => RenderedArticle;
export type RenderById = (id: string, width: number) => RenderedArticle;

/** How many layouts (and bodies) are kept; the least recently used goes first. */
const CAPACITY = 64;

interface CacheParts {
  store: BodyStore;
  render: ArticleRenderer;
  color: boolean;
  theme?: Theme;
  hyperlinks?: boolean;
  /** The code highlighter, once loaded (shared by the caches of later libraries). */
  highlighting?: Highlighting;
  /** `width NUL id` → layout. */
  layouts: Map<string, RenderedArticle>;
  /** id → the body last laid out: what a deleted article is shown from. */
  bodies: Map<string, ArticleBody>;
  /** Bodies of articles deleted while they were kept. */
  gone: Map<string, ArticleBody>;
}

/**
 * Highlighting arrives after the first frame: the slot is filled when the highlighter has
 * loaded, and `wanted` is told of each article laid out with plain code for want of it (so the
 * reader loads it then, and lays those articles out again).
 */
export interface Highlighting {
  highlight?: CodeHighlighter;
  wanted?(id: string): void;
}

/** The parts behind each cache function, so the cache of an updated library can start from them. */
const partsOf = new WeakMap<RenderById, CacheParts>();

/** Layouts of the bodies `store` reads (each body read once per layout kept). */
/** How articles look: the theme's colours, external links as terminal hyperlinks. */
export interface LayoutStyle {
  theme?: Theme;
  hyperlinks?: boolean;
}

export function createRenderCache(store: BodyStore, render: ArticleRenderer, color: boolean, style: LayoutStyle = {}, highlighting?: Highlighting): RenderById {
  return cacheOf({ store, render, color, theme: style.theme, hyperlinks: style.hyperlinks, highlighting, layouts: new Map(), bodies: new Map(), gone: new Map() });
}

/**
 * The cache for an updated library (`store` reads it): the layouts of `previous` but those of
 * changed, added and removed articles; a removed article's last body is kept to lay it out from.
 */
export function renderCacheAfter(previous: RenderById, store: BodyStore, change: LibraryChange): RenderById {
  const parts = partsOf.get(previous);
  if (!parts) throw new Error('renderCacheAfter: not a render cache');
  const dropped = new Set([...change.changed, ...change.added, ...change.removed]);
  const layouts = new Map([...parts.layouts].filter(([key]) => !dropped.has(key.slice(key.indexOf('\u0000') + 1))));
  const bodies = new Map([...parts.bodies].filter(([id]) => !dropped.has(id)));
  const gone = new Map([...parts.gone].filter(([id]) => !change.added.includes(id)));
  for (const id of change.removed) {
    const body = parts.bodies.get(id);
    if (body) gone.set(id, body);
  }
  return cacheOf({ ...parts, store, layouts, bodies, gone });
}

function cacheOf(parts: CacheParts): RenderById {
  const { store, render, color, theme, hyperlinks, highlighting, layouts, bodies, gone } = parts;
  const renderById: RenderById = (id, width) => {
    const key = `${width}\u0000${id}`;
    const hit = layouts.get(key);
    if (hit) {
      touch(layouts, key, hit);
      const body = bodies.get(id);
      if (body) touch(bodies, id, body);
      return hit;
    }
    let rendered: RenderedArticle;
    try {
      const entry = store.read(id) ?? gone.get(id) ?? null;
      if (entry) {
        rendered = render(entry, { width, color, theme, hyperlinks, highlight: highlighting?.highlight });
        if (rendered.plainCode) highlighting?.wanted?.(id);
        touch(bodies, id, entry);
        if (bodies.size > CAPACITY) bodies.delete(bodies.keys().next().value!);
      } else {
        rendered = messageArticle(`not in library: ${id}`, width);
      }
    } catch (error) {
      rendered = messageArticle(`could not show this article: ${error instanceof Error ? error.message : String(error)}`, width);
    }
    layouts.set(key, rendered);
    if (layouts.size > CAPACITY) layouts.delete(layouts.keys().next().value!);
    return rendered;
  };
  partsOf.set(renderById, parts);
  return renderById;
}

/** Most recently used last. */
function touch<K, V>(map: Map<K, V>, key: K, value: V) {
  map.delete(key);
  map.set(key, value);
}

function messageArticle(message: string, width: number): RenderedArticle {
  const line = sanitizeLine(message);
  return { lines: [line], plainLines: [line], links: [], headings: [], blocks: [], width };
}

/** Layouts before the bodies are loaded: the first frame of the list lays out no article. */
export const bodiesPending: RenderById = (id, width) => messageArticle('loading…', width);
