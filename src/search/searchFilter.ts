// The list filter seam (navigation's ArticleFilter) backed by the library's search index.
import type { Article } from '../library/types.js';
import type { ArticleFilter, FilterHit } from '../navigation/filter.js';
import { librarySearchFor, type LibraryHit, type LibrarySearch } from './librarySearch.js';

/** An ArticleFilter over one library's index; the index is built on first use if not before. */
export function searchFilter(search: LibrarySearch, articles: readonly Article[]): ArticleFilter {
  const byId = new Map(articles.map((article) => [article.id, article]));
  let last: { query: string; hits: Map<string, LibraryHit> } | null = null;
  const hitsOf = (query: string) => {
    if (last && last.query === query) return last.hits;
    const hits = new Map(search.search(query).map((hit) => [hit.id, hit]));
    last = { query, hits };
    return hits;
  };
  const filter = (_articles: readonly Article[], query: string): Article[] => {
    const out: Article[] = [];
    for (const id of hitsOf(query).keys()) {
      const article = byId.get(id);
      if (article) out.push(article);
    }
    return out;
  };
  return Object.assign(filter, {
    hitOf(article: Article, query: string): FilterHit | undefined {
      const hit = hitsOf(query).get(article.id);
      return hit ? { field: hit.field, terms: hit.terms } : undefined;
    },
  });
}

/** The filter for an article list, over its shared index. */
export function searchFilterFor(articles: readonly Article[]): ArticleFilter {
  return searchFilter(librarySearchFor(articles), articles);
}
