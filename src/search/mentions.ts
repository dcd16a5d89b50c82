// "Mentioned in": articles whose text names another article's title without linking to it.
// One index per library load: the titles (normalised as REF titles are, SPEC §1a) go into a
// trie of words, and each article's text is walked once through it, so the cost is one pass
// over the library, not one per panel opened. Titles of one word are left out (they would
// match everywhere: "Bridges", "Notes"). The pass can run in slices between keys
// (buildMentionsIndexAsync), after the search index, so the first `r` finds it done, and be
// kept between runs (MentionsKeeping): then only files changed since are read. Pure: no
// terminal code; files only through the caller.
import { normalizeTitle } from '../library/normalizeTitle.js';
import type { Article, Library } from '../library/types.js';
import type { BodySource } from './librarySearch.js';
import { hashText } from '../text/textHash.js';
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

/** What a kept index says of one article: its file's stamp when it was walked, and the ids it mentions. */
export interface KeptMentioner {
  stamp: readonly [number, number];
  mentions: readonly string[];
}

/** A mentions index kept between runs: what each article mentioned, valid while the titles are the same. */
export interface KeptMentions {
  /** A hash of every article's id, title and aliases: other titles, other mentions. */
  titles: number;
  byMentioner: ReadonlyMap<string, KeptMentioner>;
}

/** Where a kept mentions index is read from and written to, and the files' stamps now (as IndexKeeping). */
export interface MentionsKeeping {
  load(): KeptMentions | null;
  save(kept: KeptMentions): Promise<void>;
  stampOf(article: Article): readonly [number, number] | null;
}

/** A hash of every id, title and alias, in order (a NUL after each). */
export function titlesHash(articles: readonly Article[]): number {
  let h = hashText('');
  for (const article of articles) {
    h = hashText(`${article.id}\u0000${article.title}\u0000`, h);
    for (const alias of article.aliases) h = hashText(`${alias}\u0000`, h);
  }
  return h;
}

/**
 * One pass over the articles' text, an article at a time, so it can be done in slices. An
 * article a kept index says is unchanged (same titles, same file stamp) is not read: what it
 * mentioned is taken over.
 */
class MentionsBuilder {
  private trie: TrieNode | null;
  private readonly found = new Map<string, Set<string>>();
  private readonly queue: readonly Article[];
  private next = 0;
  /** What each article mentioned, to be kept for the next run (only with keeping). */
  private record: Map<string, KeptMentioner> | null;
  /** Whether any article was read (else the kept index is still right: nothing to write). */
  walked = false;

  constructor(
    private readonly articles: readonly Article[],
    private readonly bodyOf: BodySource,
    from?: { root: TrieNode | null; found: Map<string, Set<string>>; walk: readonly string[] },
    private keeping?: { kept: KeptMentions | null; stampOf: MentionsKeeping['stampOf'] },
  ) {
    this.record = keeping ? new Map() : null;
    if (!from) {
      this.trie = null;
      this.queue = articles;
      return;
    }
    // The same titles: the same trie, and what the articles not walked again mention.
    this.trie = from.root;
    const again = new Set(from.walk);
    for (const [id, mentioners] of from.found) {
      const kept = new Set([...mentioners].filter((mentioner) => !again.has(mentioner)));
      if (kept.size > 0) this.found.set(id, kept);
    }
    const byId = new Map(articles.map((article) => [article.id, article]));
    this.queue = [...again].flatMap((id) => byId.get(id) ?? []);
  }

  /** The titles' trie, made when an article is first read (a kept index may need none). */
  private get root(): TrieNode {
    return (this.trie ??= titleTrie(this.articles));
  }

  /**
   * The builder for an updated library whose articles have the same ids, titles and aliases:
   * only `walk` (the articles whose text changed) are read again. Null when the titles differ.
   */
  updatedFor(articles: readonly Article[], bodyOf: BodySource, walk: readonly string[]): MentionsBuilder | null {
    if (!this.done || !sameTitles(this.articles, articles)) return null;
    return new MentionsBuilder(articles, bodyOf, { root: this.trie, found: this.found, walk });
  }

  get done(): boolean {
    return this.next >= this.queue.length;
  }

  /** Walk articles until `until` (a performance.now() time) or the end. */
  step(until = Infinity): void {
    do {
      if (this.done) return;
      this.take(this.queue[this.next++]);
    } while (performance.now() < until);
  }

  /** One article: what a kept index says it mentions, if its file is as it was, else a walk of its text. */
  private take(article: Article): void {
    if (!this.keeping) {
      this.walk(article);
      return;
    }
    const stamp = this.keeping.stampOf(article);
    const kept = this.keeping.kept?.byMentioner.get(article.id);
    if (kept && stamp && kept.stamp[0] === stamp[0] && kept.stamp[1] === stamp[1]) {
      for (const id of kept.mentions) this.mention(id, article.id);
      this.record?.set(article.id, kept);
      return;
    }
    this.walked = true;
    const mentions = this.walk(article);
    this.record?.set(article.id, { stamp: stamp ?? [0, 0], mentions: [...mentions] });
  }

  private mention(id: string, by: string): void {
    let set = this.found.get(id);
    if (!set) this.found.set(id, (set = new Set()));
    set.add(by);
  }

  /** Walk one article's text through the trie; returns the ids it mentions. */
  private walk(article: Article): Set<string> {
    const words = bodyWords(this.bodyOf(article) ?? '');
    const root = this.root;
    const mentions = new Set<string>();
    for (let start = 0; start < words.length; start++) {
      let at = root.next.get(words[start]);
      for (let i = start + 1; at; i++) {
        if (at.ids) {
          for (const id of at.ids) {
            if (id === article.id) continue;
            mentions.add(id);
            this.mention(id, article.id);
          }
        }
        if (i >= words.length) break;
        at = at.next.get(words[i]);
      }
    }
    return mentions;
  }

  /**
   * What to keep for the next run, once every article was taken (null without keeping, or when
   * nothing was read: the kept one is still right). Handed over once: the builder lets it go.
   */
  takeKept(): KeptMentions | null {
    const kept = this.record && this.done && this.walked ? { titles: titlesHash(this.articles), byMentioner: this.record } : null;
    this.record = null;
    this.keeping = undefined;
    return kept;
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
  /** Keep the index between runs: articles whose file is as it was are not read again. */
  keeping?: MentionsKeeping;
}

/**
 * Build the library's mentions index in slices between keys and frames; resolves once it is
 * kept. Asking for it meanwhile (mentionsIndexFor) finishes the rest at once.
 */
export async function buildMentionsIndexAsync(library: Library, bodyOf: BodySource, options: MentionsBuildOptions = {}): Promise<void> {
  if (built.has(library)) return;
  let builder = building.get(library);
  if (!builder) {
    const { keeping } = options;
    const kept = keeping?.load() ?? null;
    const fresh = kept && kept.titles === titlesHash(library.articles) ? kept : null;
    builder = new MentionsBuilder(library.articles, bodyOf, undefined, keeping ? { kept: fresh, stampOf: keeping.stampOf } : undefined);
    building.set(library, builder);
  }
  const slice = options.sliceMs ?? 8;
  while (!builder.done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) return; // no longer wanted
    if (built.has(library)) break; // finished synchronously meanwhile
    builder.step(performance.now() + slice);
  }
  mentionsIndexFor(library, bodyOf);
  const kept = builder.takeKept();
  if (kept) await options.keeping?.save(kept);
}

/** Articles that name this one's title without linking to it. */
export function mentionsOf(library: Library, id: string, bodyOf: BodySource): string[] {
  return mentionsIndexFor(library, bodyOf).get(id) ?? [];
}
