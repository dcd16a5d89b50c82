// The order a reader browses a library in (SPEC §3): by section, then newest first, then title.
// Text is compared as Intl.Collator('en', { sensitivity: 'base', numeric: true }) compares it.
import type { Article } from './types.js';

// Making the first Intl object costs ~9 ms (ICU starts up), more than the rest of the reader's
// first frame: so the collator is made only for text the quick comparison below cannot order.
let collator: Intl.Collator | undefined;
const collate = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b);

/**
 * Primary weights of the collator (CLDR root order) for printable ASCII but digits, and the
 * `›` sections are joined with: punctuation and symbols in this order, then numbers, then
 * letters without case. tests/library/readingOrder.test.ts checks it against Intl.Collator.
 */
export const QUICK_ORDER = ' _-,;:!?.\'›"()[]{}@*/\\&#%`^+<=>|~$';
const NUMBER = QUICK_ORDER.length;
const WEIGHT = new Int16Array(128).fill(-1);
for (let i = 0; i < QUICK_ORDER.length; i++) if (QUICK_ORDER.charCodeAt(i) < 128) WEIGHT[QUICK_ORDER.charCodeAt(i)] = i;
for (let c = 0x30; c <= 0x39; c++) WEIGHT[c] = NUMBER;
for (let c = 0x41; c <= 0x5a; c++) WEIGHT[c] = WEIGHT[c + 0x20] = NUMBER + 1 + (c - 0x41);
const ANGLE = QUICK_ORDER.indexOf('›');
/** Digits in a row the quick way compares as a number (ICU splits longer ones). */
const MAX_DIGITS = 200;

const weightAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c < 128 ? WEIGHT[c] : c === 0x203a ? ANGLE : -1;
};

/** The collator's order of two texts, or undefined for text the quick way does not know. */
function quickCompare(a: string, b: string): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const wa = weightAt(a, i);
    const wb = weightAt(b, j);
    if (wa < 0 || wb < 0) return undefined;
    if (wa === NUMBER && wb === NUMBER) {
      // Numbers compare by value: leading zeros do not count, then more digits is more.
      let ea = i;
      while (ea < a.length && weightAt(a, ea) === NUMBER) ea++;
      let eb = j;
      while (eb < b.length && weightAt(b, eb) === NUMBER) eb++;
      if (ea - i > MAX_DIGITS || eb - j > MAX_DIGITS) return undefined;
      while (i < ea - 1 && a.charCodeAt(i) === 0x30) i++;
      while (j < eb - 1 && b.charCodeAt(j) === 0x30) j++;
      if (ea - i !== eb - j) return ea - i < eb - j ? -1 : 1;
      for (; i < ea; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) < b.charCodeAt(j) ? -1 : 1;
      continue;
    }
    if (wa !== wb) return wa < wb ? -1 : 1;
    i++;
    j++;
  }
  // One ran out (or both): the longer is later, when what is left of it is known text too.
  const rest = i < a.length ? a.slice(i) : b.slice(j);
  for (let k = 0; k < rest.length; k++) if (weightAt(rest, k) < 0) return undefined;
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare, quicker for plain text. */
export function compareText(a: string, b: string): number {
  return quickCompare(a, b) ?? collate(a, b);
}

export function compareForReading(a: Article, b: Article): number {
  const bySection = compareText(a.section.join(' › '), b.section.join(' › '));
  if (bySection !== 0) return bySection;
  // Newest first; undated articles after dated ones.
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareText(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The articles in compareForReading's order. Sections are ranked once (there are few of them),
 * so the collator compares titles only within one section and date: the same order, without a
 * section join and two collator calls for every comparison of a large library.
 */
export function sortForReading(articles: readonly Article[]): Article[] {
  const sectionOf = articles.map((a) => a.section.join(' › '));
  const distinct = [...new Set(sectionOf)].sort(compareText);
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.forEach((key, i) => {
    if (i > 0 && compareText(distinct[i - 1], key) !== 0) rank++;
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
    return compareText(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return items.map((item) => item.article);
}
