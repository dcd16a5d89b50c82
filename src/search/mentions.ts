// "Mentioned in": articles whose text names another article's title without linking to it.
// One index per library load: the titles (normalised as REF titles are, SPEC §1a) go into a
// trie of words, and each article's text is walked once through it, so the cost is one pass
// over the library, not one per panel opened. Titles of one word are left out (they would
// match everywhere: "Bridges", "Notes"). The pass can run in slices between keys
// (buildMentionsIndexAsync), after the search index, so the first `r` finds it done. Pure: no
// terminal code.
import { normalizeTitle } from '../library/normalizeTitle.js';
import type { Article, Library } from '../library/types.js';
import type { BodySource } from './librarySearch.js';
import { searchableBody } from './searchableBody.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Articles whose whole title ends at this word. */
  ids: string[] | null;
}

const node = (): TrieNode => ({ next: new Map(), ids: null });

/** article id → ids of articles that name its title without linking to it, sorted. */
export type MentionsIndex = Map<string, string[]>;

function titleTrie(articles: readonly Article[]): TrieNode {
  const root = node();
  for (const article of articles) {
    // Its title and its front-matter aliases: a note is mentioned by any name it goes by.
    for (const name of [article.title, ...article.aliases]) {
      const words = normalizeTitle(name).split(' ').filter(Boolean);
      if (words.length < 2) continue;
      let at = root;
      for (const word of words) {
        let child = at.next.get(word);
        if (!child) {
          child = node();
          at.next.set(word, child);
        }
        at = child;
      }
      if (!at.ids?.includes(article.id)) (at.ids ??= []).push(article.id);
    }
  }
  return root;
}

/**
 * The words of a body as titles are compared. Line breaks and tabs become spaces first (the
 * title normaliser turns them into spaces anyway), so a plain ASCII body takes its fast path.
 */
function bodyWords(body: string): string[] {
  return normalizeTitle(searchableBody(body).replace(/[\t\n\v\f\r]/g, ' ')).split(' ');
}

/** One pass over the articles' text, an article at a time, so it can be done in slices. */
class MentionsBuilder {
  private readonly root: TrieNode;
  private readonly found = new Map<string, Set<string>>();
  private next = 0;

  constructor(
    private readonly articles: readonly Article[],
    private readonly bodyOf: BodySource,
    from?: { root: TrieNode; found: Map<string, Set<string>>; walk: readonly string[] },
  ) {
    if (!from) {
      this.root = titleTrie(articles);
      return;
    }
    // The same titles: the same trie, and what the articles not walked again mention.
    this.root = from.root;
    const again = new Set(from.walk);
    for (const [id, mentioners] of from.found) {
      const kept = new Set([...mentioners].filter((mentioner) => !again.has(mentioner)));
      if (kept.size > 0) this.found.set(id, kept);
    }
    const byId = new Map(articles.map((article) => [article.id, article]));
    for (const id of again) {
      const article = byId.get(id);
      if (article) this.walk(article);
    }
    this.next = articles.length;
  }

  /**
   * The builder for an updated library whose articles have the same ids, titles and aliases:
   * only `walk` (the articles whose text changed) are read again. Null when the titles differ.
   */
  updatedFor(articles: readonly Article[], bodyOf: BodySource, walk: readonly string[]): MentionsBuilder | null {
    if (!this.done || !sameTitles(this.articles, articles)) return null;
    return new MentionsBuilder(articles, bodyOf, { root: this.root, found: this.found, walk });
  }

  get done(): boolean {
    return this.next >= this.articles.length;
  }

  /** Walk articles until `until` (a performance.now() time) or the end. */
  step(until = Infinity): void {
    do {
      if (this.done) return;
      this.walk(this.articles[this.next++]);
    } while (performance.now() < until);
  }

  private walk(article: Article): void {
    const words = bodyWords(this.bodyOf(article) ?? '');
    for (let start = 0; start < words.length; start++) {
      let at = this.root.next.get(words[start]);
      for (let i = start + 1; at; i++) {
        if (at.ids) {
          for (const id of at.ids) {
            if (id === article.id) continue;
            let set = this.found.get(id);
            if (!set) this.found.set(id, (set = new Set()));
            set.add(article.id);
          }
        }
        if (i >= words.length) break;
        at = at.next.get(words[i]);
      }
    }
  }

  /** The index, once every article was walked. */
  result(): MentionsIndex {
    this.step();
    const byId = new Map(this.articles.map((article) => [article.id, article]));
    const index: MentionsIndex = new Map();
    for (const [id, mentioners] of this.found) {
      const linkedFrom = new Set(byId.get(id)?.backlinks ?? []);
      const ids = [...mentioners].filter((mentioner) => !linkedFrom.has(mentioner)).sort();
      if (ids.length > 0) index.set(id, ids);
    }
    return index;
  }
}

export function buildMentionsIndex(articles: readonly Article[], bodyOf: BodySource): MentionsIndex {
  return new MentionsBuilder(articles, bodyOf).result();
}

/** Same ids, titles and aliases, in the same order. */
function sameTitles(a: readonly Article[], b: readonly Article[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.id !== y.id || x.title !== y.title || x.aliases.length !== y.aliases.length || x.aliases.some((alias, k) => alias !== y.aliases[k])) return false;
  }
  return true;
}

const built = new WeakMap<Library, MentionsIndex>();
const building = new WeakMap<Library, MentionsBuilder>();
/** The finished builders, kept with their library so an update of it can start from them. */
const finished = new WeakMap<Library, MentionsBuilder>();

/** The mentions index of a library, built on first use (or finished, if a slice build is under way) and kept for this load. */
export function mentionsIndexFor(library: Library, bodyOf: BodySource): MentionsIndex {
  let index = built.get(library);
  if (!index) {
    const builder = building.get(library) ?? new MentionsBuilder(library.articles, bodyOf);
    index = builder.result();
    built.set(library, index);
    finished.set(library, builder);
    building.delete(library);
  }
  return index;
}

/**
 * The mentions index of `library`, an update of `previous` (live reload), made from the
 * previous one's when the titles are the same: only the articles of `change` are read again.
 * False when it cannot be (titles changed, or the previous one was never built): build it afresh.
 */
export function updateMentionsIndex(previous: Library, library: Library, bodyOf: BodySource, walk: readonly string[]): boolean {
  if (built.has(library)) return true;
  const next = finished.get(previous)?.updatedFor(library.articles, bodyOf, walk);
  if (!next) return false;
  building.set(library, next);
  mentionsIndexFor(library, bodyOf);
  return true;
}

export interface MentionsBuildOptions {
  /** How long a slice walks articles before yielding to the event loop (default 8 ms). */
  sliceMs?: number;
  /** Stops the slices (the reader closed); what was walked is kept for a later finish. */
  signal?: AbortSignal;
}

/**
 * Build the library's mentions index in slices between keys and frames; resolves once it is
 * kept. Asking for it meanwhile (mentionsIndexFor) finishes the rest at once.
 */
export async function buildMentionsIndexAsync(library: Library, bodyOf: BodySource, options: MentionsBuildOptions = {}): Promise<void> {
  if (built.has(library)) return;
  let builder = building.get(library);
  if (!builder) building.set(library, (builder = new MentionsBuilder(library.articles, bodyOf)));
  const slice = options.sliceMs ?? 8;
  while (!builder.done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (built.has(library) || options.signal?.aborted) return; // finished synchronously meanwhile, or no longer wanted
    builder.step(performance.now() + slice);
  }
  mentionsIndexFor(library, bodyOf);
}

/** Articles that name this one's title without linking to it. */
export function mentionsOf(library: Library, id: string, bodyOf: BodySource): string[] {
  return mentionsIndexFor(library, bodyOf).get(id) ?? [];
}
