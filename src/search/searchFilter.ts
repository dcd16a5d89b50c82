// The list filter seam (navigation's ArticleFilter) backed by the library's search index.
import type { Article } from '../library/types.js';
import type { ArticleFilter, FilterHit } from '../navigation/filter.js';
import { librarySearchFor, type BodySource, type LibrarySearch } from './librarySearch.js';

/** An ArticleFilter over one library's index; the index is built on first use if not before. */
export function searchFilter(search: LibrarySearch): ArticleFilter {
  // Each key asks for the list once (the reader remembers it for the rest of the key); where
  // one article was hit is asked only on Enter.
  const filter = (_shown: readonly Article[], query: string): Article[] => search.articlesFor(query);
  return Object.assign(filter, {
    hitOf(article: Article, query: string): FilterHit | undefined {
      const hit = search.hitOf(article.id, query);
      return hit ? { field: hit.field, terms: hit.terms } : undefined;
    },
  });
}

/** The filter for an article list, over its shared index. */
export function searchFilterFor(articles: readonly Article[], bodyOf: BodySource): ArticleFilter {
  return searchFilter(librarySearchFor(articles, bodyOf));
}
