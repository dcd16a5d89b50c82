// Where the open article stands in its previous/next chain and how much of the chain is unread
// ("4 of 12 · 5 unread"), for the status line. The chains are indexed once per library (on first
// use: a library whose chains are never shown never pays), the unread count once per chain and
// reading state: a key that changes neither costs a lookup.
import { chainIndex, type ChainIndex, type ChainPlace } from '../library/chainIndex.js';
import type { Library } from '../library/types.js';
import { isRead, type ReadingState } from '../state/readingState.js';

export interface ChainProgress {
  /** 1-based. */
  position: number;
  length: number;
  unread: number;
}

export type ChainProgressOf = (id: string, reading: ReadingState) => ChainProgress | null;

/** The chain progress of this library's articles (made once per library by the caller). */
export function chainProgressOf(library: Library): ChainProgressOf {
  let index: ChainIndex | null = null;
  const unread = new WeakMap<ReadingState, WeakMap<ChainPlace['ids'], number>>();
  return (id, reading) => {
    index ??= chainIndex(library);
    const place = index.get(id);
    if (!place) return null;
    let counts = unread.get(reading);
    if (!counts) unread.set(reading, (counts = new WeakMap()));
    let count = counts.get(place.ids);
    if (count === undefined) {
      count = place.ids.filter((each) => {
        const article = library.byId.get(each);
        return article !== undefined && !isRead(reading, article.absPath);
      }).length;
      counts.set(place.ids, count);
    }
    return { position: place.position + 1, length: place.ids.length, unread: count };
  };
}

/** "4 of 12 · 5 unread", or "· all read". */
export function chainProgressText(progress: ChainProgress): string {
  return `${progress.position} of ${progress.length} · ${progress.unread === 0 ? 'all read' : `${progress.unread} unread`}`;
}
