// How an article is named in a list (the reader's and `list`'s): its title, and when another
// article of the same section has the same title (as titles match, SPEC §1a), its file name
// after it, so two notes called "Templates" can be told apart. Decided here once, at load (the
// records carry it as `listTitle`), for both.
import { normalizeTitle } from './normalizeTitle.js';
import type { Article } from './types.js';

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The library's articles with `listTitle` set on those whose title another of their section shares (the others as they were). */
export function withListTitles(articles: readonly Article[]): Article[] {
  const bySectionTitle = new Map<string, number>();
  const keys = articles.map((a) => `${a.section.join('\u0000')}\u0001${normalizeTitle(a.title)}`);
  for (const key of keys) bySectionTitle.set(key, (bySectionTitle.get(key) ?? 0) + 1);
  return articles.map((a, i) => {
    const colliding = (bySectionTitle.get(keys[i]) ?? 0) > 1;
    // Most records are kept as they are (a copy of each is 100,000 objects at 100,000 articles).
    if (!colliding && a.listTitle === undefined) return a;
    const { listTitle: _old, ...record } = a;
    return colliding ? { ...record, listTitle: `${a.title} (${fileName(a.path)})` } : record;
  });
}

/** The title an article is listed by. */
export function listTitleOf(article: Article): string {
  return article.listTitle ?? article.title;
}
