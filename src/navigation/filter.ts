// The list filter: which articles a `/` query keeps, best first. The seam (`filter` in
// NavigationEnv) takes any ArticleFilter; the reader plugs in ranked full-text search
// (src/search) once its index is built, and uses this simple one until then: a
// case-insensitive substring match over title, section and body (a title hit above a
// section hit above a body hit, reading order within each).
import type { Article } from '../library/types.js';

/** Where a query was found in one article, and the words that matched there. */
export interface FilterHit {
  field: 'title' | 'section' | 'body';
  /** Words to look for in the article's text (for opening at the first match). */
  terms: string[];
}

export interface ArticleFilter {
  (articles: readonly Article[], query: string): Article[];
  /** Where the query hit this article (after a call with the same query), when known. */
  hitOf?(article: Article, query: string): FilterHit | undefined;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en');
}

function simpleHit(article: Article, query: string): FilterHit | undefined {
  const needle = fold(query.trim());
  if (needle === '') return undefined;
  if (fold(article.title).includes(needle)) return { field: 'title', terms: [query.trim()] };
  if (fold(article.section.join(' › ')).includes(needle) || fold(article.section.join(' ')).includes(needle)) {
    return { field: 'section', terms: [query.trim()] };
  }
  if (fold(article.body).includes(needle)) return { field: 'body', terms: [query.trim()] };
  return undefined;
}

export const simpleFilter: ArticleFilter = Object.assign(
  (articles: readonly Article[], query: string): Article[] => {
    if (query.trim() === '') return [...articles];
    const tiers: Record<FilterHit['field'], Article[]> = { title: [], section: [], body: [] };
    for (const article of articles) {
      const hit = simpleHit(article, query);
      if (hit) tiers[hit.field].push(article);
    }
    return [...tiers.title, ...tiers.section, ...tiers.body];
  },
  { hitOf: simpleHit },
);

/**
 * The filter answering a repeated query from memory. The reducer and the views ask for the list
 * several times per key with the same query (five in the reader: the key, the re-anchoring,
 * the rows, the highlighted row, the status line), and the simple filter reads every body each
 * time. The caller makes one per library and filter (readerEnv does), so the memory is the
 * caller's, never this module's.
 */
export function rememberingLastQuery(filter: ArticleFilter): ArticleFilter {
  let last: { articles: readonly Article[]; query: string; result: Article[] } | null = null;
  const remembering = (articles: readonly Article[], query: string): Article[] => {
    if (last && last.articles === articles && last.query === query) return last.result;
    const result = filter(articles, query);
    last = { articles, query, result };
    return result;
  };
  const hitOf = filter.hitOf;
  return hitOf ? Object.assign(remembering, { hitOf: (article: Article, query: string) => hitOf(article, query) }) : remembering;
}
