// The list filter seam (navigation's ArticleFilter) backed by the library's search index.
import type { Article } from '../library/types.js';
import type { ArticleFilter, FilterHit } from '../navigation/filter.js';
import { librarySearchFor, type BodySource, type LibraryHit, type LibrarySearch } from './librarySearch.js';

/** An ArticleFilter over one library's index; the index is built on first use if not before. */
export function searchFilter(search: LibrarySearch, articles: readonly Article[]): ArticleFilter {
  const byId = new Map(articles.map((article) => [article.id, article]));
  // Each key asks for the list once; where one article was hit is asked only on Enter, so the
  // hits are looked up by id only then.
  let last: { query: string; hits: LibraryHit[]; byId: Map<string, LibraryHit> | null } | null = null;
  const hitsOf = (query: string) => {
    if (!last || last.query !== query) last = { query, hits: search.search(query), byId: null };
    return last;
  };
  const filter = (_articles: readonly Article[], query: string): Article[] => {
    const out: Article[] = [];
    for (const hit of hitsOf(query).hits) {
      const article = byId.get(hit.id);
      if (article) out.push(article);
    }
    return out;
  };
  return Object.assign(filter, {
    hitOf(article: Article, query: string): FilterHit | undefined {
      const found = hitsOf(query);
      found.byId ??= new Map(found.hits.map((hit) => [hit.id, hit]));
      const hit = found.byId.get(article.id);
      return hit ? { field: hit.field, terms: hit.terms } : undefined;
    },
  });
}

/** The filter for an article list, over its shared index. */
export function searchFilterFor(articles: readonly Article[], bodyOf: BodySource): ArticleFilter {
  return searchFilter(librarySearchFor(articles, bodyOf), articles);
}
