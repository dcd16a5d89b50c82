// Previous/next chains, indexed once per library: every article that has a previous or next
// article in the library is in exactly one chain, at one position, so "4 of 12" costs a lookup
// rather than a walk. The chain follows `next`; an article with no `next` of its own continues
// with the one whose `previous` names it (and the other way round), so a chain written from
// one end only is still one chain. Messy data stays bounded: an article is placed once, a branch
// starts a chain of its own, and a cycle starts at its first article in id order.
import type { Article, ArticleLink, Library } from './types.js';

export interface ChainPlace {
  /** The chain's articles, first to last. */
  ids: readonly string[];
  /** This article's index in `ids`. */
  position: number;
}

export type ChainIndex = ReadonlyMap<string, ChainPlace>;

function linkedId(library: Library, link: ArticleLink | null): string | undefined {
  return link?.target.kind === 'article' && library.byId.has(link.target.id) ? link.target.id : undefined;
}

export function chainIndex(library: Library): ChainIndex {
  // Who names an article as its previous / next (the first by id, as the articles are sorted).
  const namedAsPrevious = new Map<string, string>();
  const namedAsNext = new Map<string, string>();
  for (const article of library.articles) {
    const previous = linkedId(library, article.previous);
    const next = linkedId(library, article.next);
    if (previous !== undefined && previous !== article.id && !namedAsPrevious.has(previous)) namedAsPrevious.set(previous, article.id);
    if (next !== undefined && next !== article.id && !namedAsNext.has(next)) namedAsNext.set(next, article.id);
  }
  const after = (article: Article) => {
    const next = linkedId(library, article.next);
    return next !== undefined && next !== article.id ? next : namedAsPrevious.get(article.id);
  };
  const before = (article: Article) => {
    const previous = linkedId(library, article.previous);
    return previous !== undefined && previous !== article.id ? previous : namedAsNext.get(article.id);
  };

  const index = new Map<string, ChainPlace>();
  for (const article of library.articles) {
    if (index.has(article.id)) continue;
    // Back to the chain's start: as far as `before` leads to articles not yet placed.
    let start = article;
    const walked = new Set([article.id]);
    for (let id = before(start); id !== undefined && !index.has(id); id = before(start)) {
      if (walked.has(id)) {
        start = article; // a cycle: it starts here, at its first article in id order
        break;
      }
      walked.add(id);
      start = library.byId.get(id)!;
    }
    const ids: string[] = [];
    const inChain = new Set<string>();
    for (let current: Article | undefined = start; current && !index.has(current.id) && !inChain.has(current.id); ) {
      ids.push(current.id);
      inChain.add(current.id);
      const id = after(current);
      current = id === undefined ? undefined : library.byId.get(id);
    }
    if (ids.length < 2) continue;
    const place = (position: number): ChainPlace => ({ ids, position });
    ids.forEach((id, position) => index.set(id, place(position)));
  }
  return index;
}
