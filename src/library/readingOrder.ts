// The order a reader browses a library in (SPEC §3): by section, then newest first, then title.
import type { Article } from './types.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareForReading(a: Article, b: Article): number {
  const bySection = collator.compare(a.section.join(' › '), b.section.join(' › '));
  if (bySection !== 0) return bySection;
  // Newest first; undated articles after dated ones.
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The articles in compareForReading's order. Sections are ranked once (there are few of them),
 * so the collator compares titles only within one section and date: the same order, without a
 * section join and two collator calls for every comparison of a large library.
 */
export function sortForReading(articles: readonly Article[]): Article[] {
  const sectionOf = articles.map((a) => a.section.join(' › '));
  const distinct = [...new Set(sectionOf)].sort(collator.compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.forEach((key, i) => {
    if (i > 0 && collator.compare(distinct[i - 1], key) !== 0) rank++;
    rankOf.set(key, rank);
  });
  const items = articles.map((article, i) => ({ article, rank: rankOf.get(sectionOf[i]) ?? 0 }));
  items.sort((x, y) => {
    if (x.rank !== y.rank) return x.rank - y.rank;
    const a = x.article;
    const b = y.article;
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return items.map((item) => item.article);
}
