// renderArticle: an Article laid out as terminal lines at a width (pure: no Ink, no stdout).
import { wikilinkExtension } from '../library/wikilinks.js';
import { startsWithRelatedOpener } from '../library/relatedOpeners.js';
import { targetKey } from '../library/linkGraph.js';
import { lexBody } from '../library/bodyLinks.js';
import type { Article } from '../library/types.js';
import type { RenderedArticle, RenderOptions } from './types.js';
import { createRenderer } from './createRenderer.js';
import type { Tok } from './renderContext.js';

// One marked instance per module (created inside createRenderer), not per call.
const render = createRenderer({ wikilinkExtension, startsWithRelatedOpener, targetKey, lex: (body) => lexBody(body).tokens as unknown as Tok[] });

export function renderArticle(article: Article, options: RenderOptions): RenderedArticle {
  return render(article, options);
}

export { sanitizeText, sanitizeLine } from './sanitizeText.js';
