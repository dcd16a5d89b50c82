// Ranked full-text search over a library with MiniSearch: title, section and body indexed
// once per library load; a query ranks title hits above section hits above body hits (the
// field boosts lean the same way, and the tiers make it a rule rather than a tendency), and
// the last word of the query matches as a prefix, and fuzzily once it is long enough, so
// results follow the typing. Pure: no terminal code.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article } from '../library/types.js';

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
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a Markdown body a reader sees: link destinations and raw HTML tags left out. */
export function searchableBody(body: string): string {
  return body
    .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
}

function indexed(article: Article): IndexedArticle {
  return { id: article.id, title: article.title, section: article.section.join(' '), body: searchableBody(article.body) };
}

export interface LibrarySearchOptions {
  /** Documents added per turn of the event loop by buildAsync (default 200). */
  chunkSize?: number;
}

export class LibrarySearch {
  private readonly index: MiniSearch<IndexedArticle>;
  private state: 'empty' | 'building' | 'ready' = 'empty';
  private building: Promise<void> | null = null;
  private readonly cache = new Map<string, LibraryHit[]>();

  constructor(
    private readonly articles: readonly Article[],
    private readonly options: LibrarySearchOptions = {},
  ) {
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
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term, i, terms) => (i === terms.length - 1 && term.length >= 4 ? 0.2 : false),
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
    this.index.addAll(this.articles.map(indexed));
    this.state = 'ready';
  }

  /** Index in chunks, yielding to the event loop between them (keys stay answered meanwhile). */
  buildAsync(): Promise<void> {
    if (this.state === 'ready') return Promise.resolve();
    if (this.building) return this.building;
    this.state = 'building';
    const size = Math.max(1, this.options.chunkSize ?? 200);
    const docs = this.articles;
    this.building = (async () => {
      for (let start = 0; start < docs.length; start += size) {
        if (this.state !== 'building') return; // finished synchronously meanwhile
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.state !== 'building') return;
        this.index.addAll(docs.slice(start, start + size).map(indexed));
      }
      this.state = 'ready';
    })();
    return this.building;
  }

  /** Hits for a query, best first: title hits, then section hits, then body hits; by score within each. */
  search(query: string): LibraryHit[] {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const cached = this.cache.get(trimmed);
    if (cached) return cached;
    this.build();
    const hits = this.index.search(trimmed).map(hitOf);
    // Array.prototype.sort is stable: score order is kept within a tier.
    hits.sort((a, b) => FIELD_RANK[a.field] - FIELD_RANK[b.field]);
    if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(trimmed, hits);
    return hits;
  }
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
export function librarySearchFor(articles: readonly Article[], options?: LibrarySearchOptions): LibrarySearch {
  let search = perArticles.get(articles);
  if (!search) {
    search = new LibrarySearch(articles, options);
    perArticles.set(articles, search);
  }
  return search;
}
