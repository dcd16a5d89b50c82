// Ranked full-text search over a library: title, section and body indexed once per library
// load (searchIndex.ts); a query ranks title hits above section hits above body hits (the
// field boosts lean the same way, and the tiers make it a rule rather than a tendency), and
// the last word of the query matches as a prefix, and fuzzily once it is long enough, so
// results follow the typing. The index can be kept between runs (IndexKeeping): then only the
// files changed since are read again. Pure: no terminal code; files only through the caller.
import type { Article } from '../library/types.js';
import type { LibraryChange } from '../library/libraryUpdates.js';
import { searchableBody } from './searchableBody.js';
import { hashText } from '../text/textHash.js';
import {
  ALL_FIELDS,
  BODY,
  foldTerm,
  IndexBuilder,
  patchIndex,
  scoreOf,
  scoreWord,
  Scratch,
  SECTION,
  SPLIT,
  termsIn,
  TITLE,
  type IndexedDocument,
  type SearchIndex,
  type TermQuery,
  type WordHits,
  type Expansion,
} from './searchIndex.js';

export { foldTerm } from './searchIndex.js';
export type { SearchIndex } from './searchIndex.js';

export type HitField = 'title' | 'section' | 'body';

export interface LibraryHit {
  id: string;
  /** The best field any query term was found in. */
  field: HitField;
  /** The indexed words that matched (after prefix and fuzzy expansion), lower case. */
  terms: string[];
  score: number;
}

/** Words shorter than this, when last, are expanded as prefixes over titles and sections only. */
const SHORT_PREFIX = 3;

/**
 * The query as typed, one list of parts per word (a word's parts are OR'ed): every word but the
 * last must match exactly; the last one matches as a prefix (and fuzzily from four letters). A
 * last word of one or two letters would expand to much of the vocabulary: it is a prefix over
 * titles and sections only, and an exact word in the body, so the first keystrokes stay cheap.
 * Null when a word folds to nothing (it can match no document, so neither can the query).
 */
export function wordQueries(text: string): TermQuery[][] | null {
  const words = text.split(SPLIT).filter((word) => word !== '');
  if (words.length === 0) return null;
  const parts: TermQuery[][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const term = foldTerm(word);
    if (term === '') return null;
    if (i < words.length - 1) parts.push([{ term, prefix: false, fuzzy: false, fields: ALL_FIELDS }]);
    else if (word.length < SHORT_PREFIX)
      parts.push([
        { term, prefix: true, fuzzy: false, fields: TITLE | SECTION },
        { term, prefix: false, fuzzy: false, fields: BODY },
      ]);
    else parts.push([{ term, prefix: true, fuzzy: word.length >= 4 ? 0.2 : false, fields: ALL_FIELDS }]);
  }
  return parts;
}

/** An article's body as Markdown, read when the index is built (the reader's body store; null when it cannot be read). */
export type BodySource = (article: Article) => string | null;

/** The article's title and section as indexed: aliases (front matter) are title words, other names of it. */
function headOf(article: Article): { title: string; section: string } {
  const title = article.aliases.length ? [article.title, ...article.aliases].join(' \n ') : article.title;
  return { title, section: article.section.join(' ') };
}

/** A saved index between runs: where it is read from and written to, and the files' stamps now. */
export interface IndexKeeping {
  /** The index an earlier run kept, or null (none, unreadable, of another version). */
  load(): SearchIndex | null;
  /** Keep this index for the next run; resolves once written (a failure is ignored: it is a cache). */
  save(index: SearchIndex): Promise<void>;
  /** The file's size and modification time now, or null when it cannot be looked at. */
  stampOf(article: Article): readonly [number, number] | null;
}

export interface LibrarySearchOptions {
  /** How long buildAsync works before yielding to the event loop (default 8 ms). */
  sliceMs?: number;
  /** Keep the index between runs: read back what is still fresh, save what is built. */
  keeping?: IndexKeeping;
  /** Documents read between looks at the clock (default 1: one saved page can cost what a hundred notes do). */
  chunkSize?: number;
}

/** A query's hits, best first: title hits, then section hits, then body hits. */
interface Ranked {
  articles: Article[];
  /** Where the section hits start, and the body hits. */
  sectionsAt: number;
  bodiesAt: number;
  /** What each word expanded to (where one article was hit is worked out from these, on Enter). */
  words: Expansion[][];
  /** What the words' summed scores are multiplied by (how many distinct words the query has). */
  quality: number;
}

const EMPTY: Ranked = { articles: [], sectionsAt: 0, bodiesAt: 0, words: [], quality: 1 };

/** Queries whose hits are kept (typing back and forth), and words whose hits are. */
const QUERY_CACHE = 8;
const WORD_CACHE = 8;

export class LibrarySearch {
  private index: SearchIndex | null = null;
  /** True once the index says what every file says now (built from the bodies, or a kept one checked). */
  private fresh = false;
  /** Whether checking a kept index replaced it (some file had changed). */
  private corrected = false;
  private steps: Iterator<void, SearchIndex> | null = null;
  private driving: Promise<void> | null = null;
  private readonly usable: Array<() => void> = [];
  private readonly scratch = new Scratch();
  private readonly ranking = new RankScratch();
  private readonly cache = new Map<string, Ranked>();
  private readonly words = new Map<string, WordHits>();
  /** Per slot: the article, and its place in `articles` (ties rank in reading order). */
  private slotArticles: Array<Article | undefined> = [];
  private slotRanks = new Int32Array(0);
  /** Article id → slot, made when first asked (on Enter, or an update). */
  private slotIds: Map<string, number> | null = null;

  constructor(
    private readonly articles: readonly Article[],
    private readonly bodyOf: BodySource,
    private readonly options: LibrarySearchOptions = {},
    /** A built index to take over (updatedFor): this search starts ready. */
    built?: SearchIndex,
  ) {
    if (built) {
      this.take(built);
      this.fresh = true;
    }
  }

  get ready(): boolean {
    return this.index !== null;
  }

  /** The index as built (for keeping it, and for tests). */
  get built(): SearchIndex | null {
    return this.index;
  }

  private take(index: SearchIndex): void {
    this.index = index;
    // Hits of another index are no answers of this one.
    this.cache.clear();
    this.words.clear();
    this.slotIds = null;
    const n = index.keys.length;
    this.slotArticles = Array.from({ length: n }, () => undefined);
    this.slotRanks = new Int32Array(n).fill(-1);
    // Slots are mostly in the articles' order (a build adds them so, an update keeps them and
    // adds after): walk both, and look a path up only where they part.
    let byPath: Map<string, number> | null = null;
    let next = 0;
    for (let slot = 0; slot < n; slot++) {
      const key = index.keys[slot];
      let at = next < this.articles.length && this.articles[next].absPath === key ? next : -1;
      if (at < 0) {
        if (!byPath) {
          byPath = new Map();
          this.articles.forEach((article, i) => byPath!.set(article.absPath, i));
        }
        at = byPath.get(key) ?? -1;
        if (at < 0) continue;
      }
      next = at + 1;
      this.slotArticles[slot] = this.articles[at];
      this.slotRanks[slot] = at;
    }
  }

  private slotOf(id: string): number | undefined {
    if (!this.slotIds) {
      this.slotIds = new Map();
      this.slotArticles.forEach((article, slot) => article && this.slotIds!.set(article.id, slot));
    }
    return this.slotIds.get(id);
  }

  private document(article: Article, bodyOf: BodySource): IndexedDocument {
    const { title, section } = headOf(article);
    // Stamped before the body is read: a file changed in between looks changed next time.
    const stamp = this.options.keeping?.stampOf(article) ?? [0, 0];
    return { key: article.absPath, title, section, body: searchableBody(bodyOf(article) ?? ''), stamp: [stamp[0], stamp[1], hashText(`${title}\u0000${section}`)] };
  }

  /**
   * The build, one step per file looked at. A kept index answers at once (taken before any file
   * is looked at, as the list is painted from the library's index), then every file's stamp is
   * checked: the documents still fresh are taken over, the other articles read and indexed,
   * and the corrected index replaces it. Without one, every article is read. What is built is
   * kept for the next run.
   */
  private *buildSteps(): Generator<void, SearchIndex> {
    const keeping = this.options.keeping;
    const saved = keeping?.load() ?? null;
    if (saved) this.take(saved);
    yield;
    if (saved && keeping) {
      const slotOf = new Map<string, number>();
      saved.keys.forEach((key, slot) => slotOf.set(key, slot));
      const fresh = new Uint8Array(saved.keys.length);
      const stale: Article[] = [];
      for (const article of this.articles) {
        const slot = slotOf.get(article.absPath);
        const stamp = slot === undefined ? null : keeping.stampOf(article);
        const { title, section } = headOf(article);
        if (
          slot !== undefined &&
          stamp &&
          !fresh[slot] &&
          saved.stamps[slot * 3] === stamp[0] &&
          saved.stamps[slot * 3 + 1] === stamp[1] &&
          saved.stamps[slot * 3 + 2] === hashText(`${title}\u0000${section}`)
        )
          fresh[slot] = 1;
        else stale.push(article);
        yield;
      }
      if (stale.length === 0 && !fresh.includes(0)) return saved;
      // The files changed since read now, then the kept index patched with them.
      const docs: IndexedDocument[] = [];
      for (const article of stale) {
        docs.push(this.document(article, this.bodyOf));
        yield;
      }
      const patched = patchIndex(saved, (slot) => !fresh[slot], docs);
      void keeping.save(patched);
      return patched;
    }
    const builder = new IndexBuilder();
    for (const article of this.articles) {
      builder.add(this.document(article, this.bodyOf));
      yield;
    }
    const index = builder.finish();
    void keeping?.save(index);
    return index;
  }

  /** Run the build's steps until done (the index fresh), or until `until` (a performance.now() time) passes. */
  private advance(until = Infinity, chunk = 1): boolean {
    if (this.fresh) return true;
    this.steps ??= this.buildSteps();
    const answering = this.index !== null;
    for (;;) {
      for (let i = 0; i < chunk; i++) {
        const step = this.steps.next();
        // A kept index just taken: let the caller tell its waiters before the files are checked.
        if (!answering && this.index && until !== Infinity && !step.done) return false;
        if (step.done) {
          this.steps = null;
          if (step.value !== this.index) {
            this.corrected = this.index !== null;
            this.take(step.value);
          }
          this.fresh = true;
          return true;
        }
      }
      if (performance.now() >= until) return false;
    }
  }

  /** Index every article now (or finish a build under way); a kept index already answering is checked later. */
  build(): void {
    if (this.index) return;
    this.advance();
  }

  /** The build in slices until the index is fresh; `usable` waiters are told as soon as it answers. */
  private drive(signal?: AbortSignal): Promise<void> {
    if (this.driving) return this.driving;
    const slice = this.options.sliceMs ?? 8;
    const chunk = Math.max(1, this.options.chunkSize ?? 1);
    const tell = () => {
      if (this.index || !this.driving) for (const resolve of this.usable.splice(0)) resolve();
    };
    this.driving = (async () => {
      while (!this.fresh) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal?.aborted) {
          // What was built is dropped (a later build starts afresh); a kept index stays, unchecked.
          this.steps = null;
          break;
        }
        this.advance(performance.now() + slice, chunk);
        tell();
      }
      this.driving = null;
      tell();
    })();
    return this.driving;
  }

  /**
   * Index in slices, yielding to the event loop between them (keys stay answered meanwhile).
   * `signal` stops it (the reader closed): what was indexed is dropped, so nothing keeps the
   * process alive and a later build starts afresh.
   */
  buildAsync(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.index) return Promise.resolve();
    const usable = new Promise<void>((resolve) => this.usable.push(resolve));
    void this.drive(options.signal);
    return usable;
  }

  /**
   * Resolves once the index says what every file says now (a kept one checked, slices as
   * buildAsync's), with whether checking it changed it: then the hits shown before may be
   * out of date (ask again).
   */
  async whenFresh(options: { signal?: AbortSignal } = {}): Promise<boolean> {
    while (!this.fresh && !options.signal?.aborted) await this.drive(options.signal);
    return this.corrected;
  }

  /**
   * The search of an updated library (live reload): this index with the articles that changed,
   * came or went indexed again, so an edit costs its own files, not the library's. Null while
   * this one is not built, or is a kept one not yet checked (build the new library's afresh).
   * This search must not be used after.
   */
  updatedFor(articles: readonly Article[], bodyOf: BodySource, change: LibraryChange): LibrarySearch | null {
    if (!this.index || !this.fresh) return null;
    const again = new Set([...change.removed, ...change.changed, ...change.added]);
    const byId = new Map(articles.map((article) => [article.id, article]));
    // Paths of the articles to read again, before and after (an id keeps its path, but be sure).
    const paths = new Set<string>();
    for (const id of again) {
      const before = this.slotOf(id);
      if (before !== undefined) paths.add(this.index.keys[before]);
      const after = byId.get(id);
      if (after) paths.add(after.absPath);
    }
    const index = this.index;
    const docs = [...again].flatMap((id) => {
      const article = byId.get(id);
      return article ? [this.document(article, bodyOf)] : [];
    });
    const next = new LibrarySearch(articles, bodyOf, this.options, patchIndex(index, (slot) => paths.has(index.keys[slot]), docs));
    perArticles.set(articles, next);
    return next;
  }

  /**
   * One word's hits. Typing changes only the last word: the words before it are kept and
   * answered from here; the last one's are the scratch's, used for this key only.
   */
  private wordHits(parts: TermQuery[], last: boolean): WordHits {
    if (last) return scoreWord(this.index!, parts, this.scratch, false);
    const key = JSON.stringify(parts);
    const cached = this.words.get(key);
    if (cached) return cached;
    const hits = scoreWord(this.index!, parts, this.scratch, true);
    remember(this.words, key, hits, WORD_CACHE);
    return hits;
  }

  private ranked(query: string): Ranked {
    const trimmed = query.trim();
    if (trimmed === '') return EMPTY;
    const cached = this.cache.get(trimmed);
    if (cached) return cached;
    const parts = wordQueries(trimmed);
    if (!parts) return EMPTY;
    this.build();
    // The words before the last first: the last one's hits live in the scratch they also use.
    const earlier = parts.slice(0, -1).map((word) => this.wordHits(word, false));
    const words = [...earlier, this.wordHits(parts[parts.length - 1], true)];
    const quality = parts.length > 1 ? new Set(parts.map((word) => word[0].term)).size : 1;
    const ranked = rank(combine(words, quality, this.ranking), this.slotRanks, this.slotArticles, this.articles.length, words, quality, this.ranking);
    remember(this.cache, trimmed, ranked, QUERY_CACHE);
    return ranked;
  }

  /** The articles a query finds, best first: title hits, then section hits, then body hits; by score within each. */
  articlesFor(query: string): Article[] {
    return this.ranked(query).articles;
  }

  /** Where a query hit one article, and the indexed words that matched there; undefined when it did not. */
  hitOf(id: string, query: string): LibraryHit | undefined {
    const ranked = this.ranked(query);
    const slot = this.slotOf(id);
    if (slot === undefined || ranked.words.length === 0) return undefined;
    let score = 0;
    for (const expansions of ranked.words) {
      const word = scoreOf(this.index!, expansions, slot);
      if (word.fields === 0) return undefined;
      score += word.score;
    }
    // The field is the tier it was ranked in (the best field any word found it in).
    const at = ranked.articles.indexOf(this.slotArticles[slot]!);
    if (at < 0) return undefined;
    const field: HitField = at < ranked.sectionsAt ? 'title' : at < ranked.bodiesAt ? 'section' : 'body';
    const terms: string[] = [];
    for (const expansions of ranked.words) for (const term of termsIn(this.index!, expansions, slot)) if (!terms.includes(term)) terms.push(term);
    return { id, field, terms, score: score * ranked.quality };
  }

  /** Hits for a query, best first (each worked out as hitOf does: for a few hits, not a list of thousands). */
  search(query: string): LibraryHit[] {
    return this.articlesFor(query).map((article) => this.hitOf(article.id, query)!);
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V, size: number): void {
  if (cache.size >= size) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

/** Buffers a key's ranking reuses (a key at 100,000 hits would otherwise allocate megabytes, and the collector would follow). */
class RankScratch {
  slots = new Uint32Array(0);
  scores = new Float64Array(0);
  fields = new Uint8Array(0);
  keys = new Float64Array(0);
  places = new Uint32Array(0);
  size(n: number, places: number): void {
    if (this.slots.length < n) {
      this.slots = new Uint32Array(n);
      this.scores = new Float64Array(n);
      this.fields = new Uint8Array(n);
      this.keys = new Float64Array(n);
    }
    if (this.places.length < places + 1) this.places = new Uint32Array(places + 1);
  }
}

interface Combined {
  count: number;
  slots: Uint32Array;
  scores: Float64Array;
  fields: Uint8Array;
}

/**
 * Every word required: the last word's hits that every other word has too (all slot lists are
 * ascending: one merge), scores added up and weighed by how many distinct words the query has,
 * fields joined.
 */
function combine(words: readonly WordHits[], quality: number, scratch: RankScratch): Combined {
  const last = words[words.length - 1];
  if (words.length === 1) return last;
  scratch.size(last.count, 0);
  const { slots, scores, fields } = scratch;
  const others = words.slice(0, -1);
  const at = new Array<number>(others.length).fill(0);
  let count = 0;
  next: for (let i = 0; i < last.count; i++) {
    const slot = last.slots[i];
    let score = last.scores[i];
    let field = last.fields[i];
    for (let w = 0; w < others.length; w++) {
      const other = others[w];
      let k = at[w];
      while (k < other.count && other.slots[k] < slot) k++;
      at[w] = k;
      if (k === other.count || other.slots[k] !== slot) continue next;
      score += other.scores[k];
      field |= other.fields[k];
    }
    slots[count] = slot;
    scores[count] = score * quality;
    fields[count] = field;
    count++;
  }
  return { count, slots, scores, fields };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Title hits, then section hits, then body hits, by score within each and in reading order
 * between equal scores. Sorted as numbers, not with a comparator: the reading place is written
 * into the lowest bits of each score (a difference below one part in 2^30 counts as a tie), so
 * a plain Float64Array sort orders 100,000 hits in a few milliseconds.
 */
function rank(hits: Combined, slotRanks: Int32Array, slotArticles: ReadonlyArray<Article | undefined>, places: number, words: WordHits[], quality: number, scratch: RankScratch): Ranked {
  const { count } = hits;
  const bits = Math.max(1, Math.ceil(Math.log2(places + 1)));
  const low = bits >= 32 ? 0xffffffff : 2 ** bits - 1;
  const lo = LITTLE_ENDIAN ? 0 : 1;
  // The slots may be the scratch's own (combine's): read them before the keys are written.
  scratch.size(count, places);
  const { keys, places: slotAt } = scratch;
  const halves = new Uint32Array(keys.buffer);
  // Tier sizes, then each hit's key in its tier's part of `keys`.
  const sizes = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    if (slotRanks[hits.slots[i]] < 0) continue; // a document of no article shown
    const fields = hits.fields[i];
    sizes[fields & TITLE ? 0 : fields & SECTION ? 1 : 2]++;
  }
  const starts = [0, sizes[0], sizes[0] + sizes[1]];
  const filled = [...starts];
  for (let i = 0; i < count; i++) {
    const slot = hits.slots[i];
    const place = slotRanks[slot];
    if (place < 0) continue;
    const fields = hits.fields[i];
    const at = filled[fields & TITLE ? 0 : fields & SECTION ? 1 : 2]++;
    keys[at] = hits.scores[i];
    halves[at * 2 + lo] = ((halves[at * 2 + lo] & ~low) | (low - place)) >>> 0;
    slotAt[place] = slot;
  }
  const total = starts[2] + sizes[2];
  const articles = new Array<Article>(total);
  for (let tier = 0; tier < 3; tier++) {
    const start = starts[tier];
    const end = start + sizes[tier];
    keys.subarray(start, end).sort();
    // Ascending scores: the best last.
    for (let i = end - 1, k = start; i >= start; i--, k++) articles[k] = slotArticles[slotAt[low - (halves[i * 2 + lo] & low)]]!;
  }
  return { articles, sectionsAt: starts[1], bodiesAt: starts[2], words: words.map((word) => word.expansions), quality };
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
