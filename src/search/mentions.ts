// "Mentioned in": articles whose text names another article's title without linking to it.
// One index per library load: the titles (normalised as REF titles are, SPEC §1a) go into a
// trie of words, and each article's text is walked once through it, so the cost is one pass
// over the library, not one per panel opened. Titles of one word are left out (they would
// match everywhere: "Bridges", "Notes"). Pure: no terminal code.
import { normalizeTitle } from '../library/normalizeTitle.js';
import type { Article, Library } from '../library/types.js';
import { searchableBody } from './librarySearch.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Articles whose whole title ends at this word. */
  ids: string[] | null;
}

const node = (): TrieNode => ({ next: new Map(), ids: null });

/** article id → ids of articles that name its title without linking to it, sorted. */
export type MentionsIndex = Map<string, string[]>;

export function buildMentionsIndex(articles: readonly Article[]): MentionsIndex {
  const root = node();
  for (const article of articles) {
    const words = normalizeTitle(article.title).split(' ').filter(Boolean);
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
    (at.ids ??= []).push(article.id);
  }

  const found = new Map<string, Set<string>>();
  for (const article of articles) {
    const words = normalizeTitle(searchableBody(article.body)).split(' ');
    for (let start = 0; start < words.length; start++) {
      let at = root.next.get(words[start]);
      for (let i = start + 1; at; i++) {
        if (at.ids) {
          for (const id of at.ids) {
            if (id === article.id) continue;
            let set = found.get(id);
            if (!set) found.set(id, (set = new Set()));
            set.add(article.id);
          }
        }
        if (i >= words.length) break;
        at = at.next.get(words[i]);
      }
    }
  }

  const byId = new Map(articles.map((article) => [article.id, article]));
  const index: MentionsIndex = new Map();
  for (const [id, mentioners] of found) {
    const linkedFrom = new Set(byId.get(id)?.backlinks ?? []);
    const ids = [...mentioners].filter((mentioner) => !linkedFrom.has(mentioner)).sort();
    if (ids.length > 0) index.set(id, ids);
  }
  return index;
}

const perLibrary = new WeakMap<Library, MentionsIndex>();

/** The mentions index of a library, built on first use and kept for this load. */
export function mentionsIndexFor(library: Library): MentionsIndex {
  let index = perLibrary.get(library);
  if (!index) {
    index = buildMentionsIndex(library.articles);
    perLibrary.set(library, index);
  }
  return index;
}

/** Articles that name this one's title without linking to it. */
export function mentionsOf(library: Library, id: string): string[] {
  return mentionsIndexFor(library).get(id) ?? [];
}
