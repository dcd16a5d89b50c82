// The one way a new library reaches a running reader (live reload, saved pages extracted in the
// background): a subscription that delivers complete, immutable libraries, each with what
// changed since the one before. Publishers decide when; the reader keeps its place across them.
import type { Article, Library } from './types.js';

/** What changed between two libraries, by article id. */
export interface LibraryChange {
  /** In both, shown differently now: the file changed, or its record or its links' targets did. */
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface LibraryUpdate {
  /** The whole library as it is now. */
  readonly library: Library;
  readonly change: LibraryChange;
  /** A line for the status line ("reading pages 37/130", "watching by polling"), when there is one. */
  readonly status?: string;
}

export type LibraryListener = (update: LibraryUpdate) => void;

/** What the reader subscribes to; the returned function unsubscribes. */
export interface LibraryUpdates {
  subscribe(listener: LibraryListener): () => void;
}

/** A channel with its publishing end (the publisher keeps `publish`, the reader gets the rest). */
export interface LibraryChannel extends LibraryUpdates {
  publish(update: LibraryUpdate): void;
}

export function createLibraryChannel(): LibraryChannel {
  const listeners = new Set<LibraryListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(update) {
      for (const listener of [...listeners]) listener(update);
    },
  };
}

/** One subscription to several sources (the reader's background work publishes independently). */
export function mergeLibraryUpdates(...sources: readonly (LibraryUpdates | null | undefined)[]): LibraryUpdates {
  const present = sources.filter((source): source is LibraryUpdates => source != null);
  return {
    subscribe(listener) {
      const stops = present.map((source) => source.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
  };
}

/** True when nothing changed (a publisher need not publish it). */
export function isNoChange(change: LibraryChange): boolean {
  return change.changed.length === 0 && change.added.length === 0 && change.removed.length === 0;
}

/**
 * What changed from `before` to `after`. `touched` are the ids whose files changed on disk (a
 * body edit that leaves the record as it was still shows differently). Articles whose records
 * differ count as changed, and so do the articles linking to anything added, removed or changed,
 * since their links may resolve, or read, differently now.
 */
export function libraryChange(before: Library, after: Library, touched: Iterable<string> = []): LibraryChange {
  const added: string[] = [];
  const removed: string[] = [];
  const changed = new Set<string>();
  for (const article of after.articles) if (!before.byId.has(article.id)) added.push(article.id);
  for (const article of before.articles) if (!after.byId.has(article.id)) removed.push(article.id);
  for (const id of touched) if (before.byId.has(id) && after.byId.has(id)) changed.add(id);
  for (const article of after.articles) {
    const old = before.byId.get(article.id);
    if (old && old !== article && !sameRecord(old, article)) changed.add(article.id);
  }
  // Whoever links to what moved may show its links differently (resolved, unresolved, retitled).
  const moved = [...added, ...removed, ...changed];
  for (const id of moved) {
    for (const library of [before, after]) {
      for (const linker of library.byId.get(id)?.backlinks ?? []) if (after.byId.has(linker) && before.byId.has(linker)) changed.add(linker);
    }
  }
  return { changed: [...changed].sort(), added: added.sort(), removed: removed.sort() };
}

/** Records are plain data (strings, numbers, arrays, plain objects): equal field by field. */
function sameRecord(a: Article, b: Article): boolean {
  return samePlain(a, b);
}

function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!samePlain((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * A channel that keeps what is published before anyone subscribes and gives it, in order, to
 * the first subscriber: a publisher may start before the reader is listening (saved pages are
 * read while Ink loads) without its first updates being lost.
 */
export function createHeldLibraryChannel(): LibraryChannel {
  const channel = createLibraryChannel();
  let held: LibraryUpdate[] | null = [];
  return {
    subscribe(listener) {
      const unsubscribe = channel.subscribe(listener);
      const pending = held;
      held = null;
      for (const update of pending ?? []) listener(update);
      return unsubscribe;
    },
    publish(update) {
      if (!held) return channel.publish(update);
      // Of a run of statuses over the same library, only the last is worth giving.
      const last = held[held.length - 1];
      if (last && last.library === update.library && isNoChange(last.change) && isNoChange(update.change)) held[held.length - 1] = update;
      else held.push(update);
    },
  };
}
