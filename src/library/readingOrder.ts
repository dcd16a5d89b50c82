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

export function sortForReading(articles: readonly Article[]): Article[] {
  return [...articles].sort(compareForReading);
}
