// The list filter: which articles a `/` query keeps, best first. For now a case-insensitive
// substring match over title, section and body (a title hit above a section hit above a body
// hit, reading order within each). A later issue swaps in ranked full-text search through the
// `filter` seam of NavigationEnv.
import type { Article } from '../library/types.js';

export type ArticleFilter = (articles: readonly Article[], query: string) => Article[];

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en');
}

export const simpleFilter: ArticleFilter = (articles, query) => {
  const needle = fold(query.trim());
  if (needle === '') return [...articles];
  const title: Article[] = [];
  const section: Article[] = [];
  const body: Article[] = [];
  for (const article of articles) {
    if (fold(article.title).includes(needle)) title.push(article);
    else if (fold(article.section.join(' › ')).includes(needle) || fold(article.section.join(' ')).includes(needle)) section.push(article);
    else if (fold(article.body).includes(needle)) body.push(article);
  }
  return [...title, ...section, ...body];
};
