// How an article is named in a list (the reader's and `list`'s): its title, and when another
// article of the same section has the same title (as titles match, SPEC §1a), its file name
// after it, so two notes called "Templates" can be told apart. Decided here once for both.
import { normalizeTitle } from './normalizeTitle.js';
import type { Article } from './types.js';

const memo = new WeakMap<readonly Article[], ReadonlyMap<string, string>>();

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Article id → the title to list it by, for these articles (kept per array: lists are made once per load). */
export function listTitles(articles: readonly Article[]): ReadonlyMap<string, string> {
  let titles = memo.get(articles);
  if (titles) return titles;
  const bySectionTitle = new Map<string, number>();
  const keyOf = (a: Article) => `${a.section.join('\u0000')}\u0001${normalizeTitle(a.title)}`;
  for (const a of articles) {
    const key = keyOf(a);
    bySectionTitle.set(key, (bySectionTitle.get(key) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const a of articles) out.set(a.id, (bySectionTitle.get(keyOf(a)) ?? 0) > 1 ? `${a.title} (${fileName(a.path)})` : a.title);
  memo.set(articles, (titles = out));
  return titles;
}

/** The title `article` is listed by among `articles`. */
export function listTitleOf(articles: readonly Article[], article: Article): string {
  return listTitles(articles).get(article.id) ?? article.title;
}
