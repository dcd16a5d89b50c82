// Ranked full-text search over a library with MiniSearch: title, section and body indexed
// once per library load; a query ranks title hits above section hits above body hits (the
// field boosts lean the same way, and the tiers make it a rule rather than a tendency), and
// the last word of the query matches as a prefix, and fuzzily once it is long enough, so
// results follow the typing. Pure: no terminal code.
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Article } from '../library/types.js';
import type { LibraryChange } from '../library/libraryUpdates.js';
import { searchableBody } from './searchableBody.js';

export type HitField = 'title' | 'section' | 'body';

export interface LibraryHit {
  id: string;
  /** The best field any query term was found in. */
  field: HitField;
  /** The indexed words that matched (after prefix and fuzzy expansion), lower case. */
  terms: string[];
  score: number;
}

interface IndexedArticle {
  id: string;
  title: string;
  section: string;
  body: string;
}

const FIELD_RANK: Record<HitField, number> = { title: 0, section: 1, body: 2 };

/** Lower case, accents dropped, compatibility forms unified: the same for index and query. */
export function foldTerm(term: string): string {
  // Most words are ASCII: skip the Unicode work for them (indexing folds every word).
  if (/^[\x20-\x7e]*$/.test(term)) return term.toLowerCase();
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** MiniSearch's own word split: whitespace and punctuation. */
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** Words shorter than this, when last, are expanded as prefixes over titles and sections only. */
const SHORT_PREFIX = 3;

/**
 * The query as typed, one sub-query per word: every word but the last must match exactly; the
 * last one matches as a prefix (and fuzzily from four letters). A last word of one or two
 * letters would expand to much of the vocabulary: it is a prefix over titles and sections only,
 * and an exact word in the body, so the first keystrokes stay cheap on a large library.
 */
export function wordQueries(text: string): Query[] {
  const words = text.split(SPLIT).filter((word) => word !== '');
  if (words.length === 0) return [];
  const last = words[words.length - 1];
  const exact = (word: string, fields?: string[]): Query => ({ queries: [word], prefix: false, fuzzy: false, ...(fields ? { fields } : {}) });
  const lastQuery: Query =
    last.length < SHORT_PREFIX
      ? { combineWith: 'OR', queries: [{ queries: [last], prefix: true, fuzzy: false, fields: ['title', 'section'] }, exact(last, ['body'])] }
      : { queries: [last], prefix: true, fuzzy: last.length >= 4 ? 0.2 : false };
  return [...words.slice(0, -1).map((word) => exact(word)), lastQuery];
}

/** The whole query as one MiniSearch query: every word's sub-query, all required. */
export function queryOf(text: string): Query | null {
  const queries = wordQueries(text);
  return queries.length === 0 ? null : { combineWith: 'AND', queries };
}

/** An article's body as Markdown, read when the index is built (the reader's body store; null when it cannot be read). */
export type BodySource = (article: Article) => string | null;

function indexed(article: Article, bodyOf: BodySource): IndexedArticle {
  // Aliases (front matter) are indexed as title words: other names of the same article.
  const title = article.aliases.length ? [article.title, ...article.aliases].join(' \n ') : article.title;
  return { id: article.id, title, section: article.section.join(' '), body: searchableBody(bodyOf(article) ?? '') };
}

export interface LibrarySearchOptions {
  /**
   * Documents added at a time by buildAsync (default 1: each reads its body, and one saved page
   * can cost what a hundred notes do, so the time is looked at after every file).
   */
  chunkSize?: number;
  /** How long buildAsync indexes before yielding to the event loop (default 8 ms). */
  sliceMs?: number;
}

export class LibrarySearch {
  private readonly index: MiniSearch<IndexedArticle>;
  private state: 'empty' | 'building' | 'ready' = 'empty';
  private building: Promise<void> | null = null;
  private readonly cache = new Map<string, LibraryHit[]>();
  private readonly words = new Map<string, WordResults>();

  constructor(
    private readonly articles: readonly Article[],
    private readonly bodyOf: BodySource,
    private readonly options: LibrarySearchOptions = {},
    /** A built index to take over (updatedFor): this search starts ready. */
    built?: MiniSearch<IndexedArticle>,
  ) {
    if (built) {
      this.index = built;
      this.state = 'ready';
      return;
    }
    this.index = new MiniSearch<IndexedArticle>({
      fields: ['title', 'section', 'body'],
      idField: 'id',
      storeFields: [],
      processTerm: (term) => {
        const folded = foldTerm(term);
        return folded === '' ? null : folded;
      },
      searchOptions: {
        boost: { title: 8, section: 3, body: 1 },
        combineWith: 'AND',
        maxFuzzy: 2,
        weights: { prefix: 0.6, fuzzy: 0.3 },
      },
    });
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Index every article now. */
  build(): void {
    if (this.state === 'ready') return;
    if (this.state === 'building') {
      // An async build is half done: finish it here with what is left.
      this.index.removeAll();
    }
    this.index.addAll(this.articles.map((article) => indexed(article, this.bodyOf)));
    this.state = 'ready';
  }

  /**
   * Index in chunks, yielding to the event loop between them (keys stay answered meanwhile).
   * `signal` stops it (the reader closed): what was indexed is dropped, so nothing keeps the
   * process alive and a later build starts afresh.
   */
  buildAsync(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    if (this.building) return this.building;
    this.state = 'building';
    const size = Math.max(1, this.options.chunkSize ?? 1);
    const slice = this.options.sliceMs ?? 8;
    const docs = this.articles;
    this.building = (async () => {
      let next = 0;
      while (next < docs.length) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.state !== 'building') return; // finished synchronously meanwhile
        if (options.signal?.aborted) {
          this.index.removeAll();
          this.state = 'empty';
          this.building = null;
          return;
        }
        // Index for a few milliseconds, then let keys and frames through.
        const until = performance.now() + slice;
        do {
          this.index.addAll(docs.slice(next, next + size).map((article) => indexed(article, this.bodyOf)));
          next += size;
        } while (next < docs.length && performance.now() < until);
      }
      this.state = 'ready';
    })();
    return this.building;
  }

  /**
   * The search of an updated library (live reload): this index with the articles that changed,
   * came or went indexed again, so an edit costs its own files, not the library's. Null while
   * this one is not built (build the new library's afresh). This search must not be used after.
   */
  updatedFor(articles: readonly Article[], bodyOf: BodySource, change: LibraryChange): LibrarySearch | null {
    if (this.state !== 'ready') return null;
    const byId = new Map(articles.map((article) => [article.id, article]));
    for (const id of [...change.removed, ...change.changed, ...change.added]) {
      if (this.index.has(id)) this.index.discard(id);
      const article = byId.get(id);
      if (article) this.index.add(indexed(article, bodyOf));
    }
    const next = new LibrarySearch(articles, bodyOf, this.options, this.index);
    perArticles.set(articles, next);
    return next;
  }

  /** Hits for a query, best first: title hits, then section hits, then body hits; by score within each. */
  search(query: string): LibraryHit[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const cached = this.cache.get(trimmed);
    if (cached) return cached;
    const words = wordQueries(trimmed);
    if (words.length === 0) return [];
    this.build();
    const hits = tiered(combineAll(words.map((word) => this.wordResults(word))));
    remember(this.cache, trimmed, hits, QUERY_CACHE);
    return hits;
  }

  /**
   * One word's results, by id. Typing changes only the last word, so the words before it are
   * answered from here and only the last one is searched again on a key.
   */
  private wordResults(query: Query): WordResults {
    const key = JSON.stringify(query);
    const cached = this.words.get(key);
    if (cached) return cached;
    const results: WordResults = new Map();
    for (const result of this.index.search(query)) results.set(String(result.id), result);
    remember(this.words, key, results, WORD_CACHE);
    return results;
  }
}

/** Queries whose hits are kept (typing back and forth), and words whose results are. */
const QUERY_CACHE = 16;
const WORD_CACHE = 16;

type WordResults = Map<string, SearchResult>;

function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): void {
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

/**
 * Every word required, as MiniSearch's AND combines them: scores add up, the matched terms and
 * fields merge, and the sum is weighed by how many distinct query words took part. In the
 * last word's order (its best first), which breaks ties between equal scores.
 */
function combineAll(perWord: WordResults[]): SearchResult[] {
  const last = perWord[perWord.length - 1];
  const others = perWord.slice(0, -1);
  if (others.length === 0) return [...last.values()];
  const queryTerms = new Set<string>();
  for (const results of perWord) for (const result of results.values()) for (const term of result.queryTerms) queryTerms.add(term);
  const quality = queryTerms.size || 1;
  const combined: SearchResult[] = [];
  next: for (const [id, result] of last) {
    let score = result.score;
    for (const results of others) {
      const other = results.get(id);
      if (!other) continue next;
      score += other.score;
    }
    const match = {};
    for (const results of perWord) Object.assign(match, results.get(id)!.match);
    combined.push({ id: result.id, score: score * quality, terms: Object.keys(match), queryTerms: result.queryTerms, match });
  }
  combined.sort((a, b) => b.score - a.score);
  return combined;
}

/** Title hits, then section hits, then body hits, in score order within each (one pass, no sort). */
function tiered(results: readonly SearchResult[]): LibraryHit[] {
  const tiers: Record<HitField, LibraryHit[]> = { title: [], section: [], body: [] };
  for (const result of results) {
    const hit = hitOf(result);
    tiers[hit.field].push(hit);
  }
  return [...tiers.title, ...tiers.section, ...tiers.body];
}

function hitOf(result: SearchResult): LibraryHit {
  let field: HitField = 'body';
  for (const fields of Object.values(result.match)) {
    for (const name of fields) if (FIELD_RANK[name as HitField] < FIELD_RANK[field]) field = name as HitField;
  }
  return { id: String(result.id), field, terms: result.terms, score: result.score };
}

const perArticles = new WeakMap<readonly Article[], LibrarySearch>();

/** One search index per article list (a library load), created on first use. */
export function librarySearchFor(articles: readonly Article[], bodyOf: BodySource, options?: LibrarySearchOptions): LibrarySearch {
  let search = perArticles.get(articles);
  if (!search) {
    search = new LibrarySearch(articles, bodyOf, options);
    perArticles.set(articles, search);
  }
  return search;
}

