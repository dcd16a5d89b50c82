// The list filter: which articles a `/` query keeps, best first. The seam (`filter` in
// NavigationEnv) takes any ArticleFilter; the reader plugs in ranked full-text search
// (src/search) once its index is built, and uses a simple one until then: a case-insensitive
// substring match over title, section and body (a title hit above a section hit above a body
// hit, reading order within each). Bodies come from the caller (`bodyText`): this layer reads
// no file. A query's `tag:x` and `is:saved` narrow the list before any filter ranks (listQuery).
import type { Article } from '../library/types.js';
import { tagKey } from '../library/tags.js';

/**
 * A list query split into what narrows the list by what an article is (`tag:x`, `is:saved`,
 * `is:unread`; any order, several allowed) and the words the filter ranks (the rest, in order).
 * Every filter gets only the words: the narrowing is the same whichever filter answers.
 */
export interface ListQuery {
  text: string;
  /** Tags every kept article has (`tag:boats` also keeps `boats/sail`, as Obsidian's nested tags). */
  tags: string[];
  saved: boolean;
  unread: boolean;
}

const TOKEN = /^(tag|is):(.*)$/i;

export function listQuery(query: string): ListQuery {
  const parsed: ListQuery = { text: '', tags: [], saved: false, unread: false };
  const words: string[] = [];
  for (const word of query.split(/\s+/)) {
    const token = TOKEN.exec(word);
    if (!token) {
      if (word !== '') words.push(word);
      continue;
    }
    // A token still being typed (`tag:`, `is:sa`) narrows nothing and is no word either.
    const value = token[2].toLowerCase().replace(/^#/, '');
    if (token[1].toLowerCase() === 'tag') {
      if (value !== '') parsed.tags.push(value);
    } else if (value === 'saved' || value === 'bookmarked') parsed.saved = true;
    else if (value === 'unread') parsed.unread = true;
  }
  parsed.text = words.join(' ');
  return parsed;
}

/** True when the query narrows the list by more than words. */
export function narrowsList(query: ListQuery): boolean {
  return query.tags.length > 0 || query.saved || query.unread;
}

/** Whether an article has the tag (or a tag nested under it). */
export function hasTag(article: Article, tag: string): boolean {
  const wanted = tagKey(tag);
  return article.tags.some((name) => {
    const key = tagKey(name);
    return key === wanted || key.startsWith(`${wanted}/`);
  });
}

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

/** An article's body text, or null when it is not at hand. */
export type BodyText = (article: Article) => string | null;

function simpleHit(article: Article, query: string, bodyText: BodyText): FilterHit | undefined {
  const needle = fold(query.trim());
  if (needle === '') return undefined;
  // Aliases (front matter) are names of the article, so they count as its title.
  if (fold(article.title).includes(needle) || article.aliases.some((alias) => fold(alias).includes(needle))) {
    return { field: 'title', terms: [query.trim()] };
  }
  if (fold(article.section.join(' › ')).includes(needle) || fold(article.section.join(' ')).includes(needle)) {
    return { field: 'section', terms: [query.trim()] };
  }
  const body = bodyText(article);
  if (body !== null && fold(body).includes(needle)) return { field: 'body', terms: [query.trim()] };
  return undefined;
}

/** The simple filter over title, section and (when `bodyText` gives it) body. */
export function createSimpleFilter(bodyText: BodyText): ArticleFilter {
  return Object.assign(
    (articles: readonly Article[], query: string): Article[] => {
      if (query.trim() === '') return [...articles];
      const tiers: Record<FilterHit['field'], Article[]> = { title: [], section: [], body: [] };
      for (const article of articles) {
        const hit = simpleHit(article, query, bodyText);
        if (hit) tiers[hit.field].push(article);
      }
      return [...tiers.title, ...tiers.section, ...tiers.body];
    },
    { hitOf: (article: Article, query: string) => simpleHit(article, query, bodyText) },
  );
}

/** Titles and sections only: the filter of a navigation given none. */
export const simpleFilter: ArticleFilter = createSimpleFilter(() => null);

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
