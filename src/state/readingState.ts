// What broadsheet remembers between runs: per article where you stopped and whether you
// read it, per library the last article open. Pure data and pure updates; I/O is in stateStore.
// Every change carries its time, so two readers' states merge field by field (mergeReadingStates):
// the newer read mark and the newer position of each article win, whoever saves last.
// Added later, each optional so older files still load: per article a bookmark (an unbookmark
// is kept as a dated tombstone, so the other reader's older bookmark cannot bring it back), per
// library the way back and forward (the history trail) and a capped log of recent visits.

/** Where the reader stopped in one article. */
export interface ArticlePosition {
  /** Top line of the view, at `width`. */
  line: number;
  width: number;
  /** The same place as a fraction of the article, for another width. */
  fraction: number;
  /** The passage at the top, in words: what finds the place again after the file was edited. */
  anchor?: ReadingAnchor;
}

/**
 * Where the reader is in an article, in words rather than lines (made and read by
 * navigation/libraryChanged.ts; kept here because it is saved with positions).
 */
export interface ReadingAnchor {
  /** The nearest heading at or above the first visible line (its slug and which of that slug it is), or null above the first. */
  heading: { slug: string; occurrence: number } | null;
  /** Non-blank characters from the heading's line (or the top) to the first visible line. */
  offset: number;
  /** The first visible line's words, as shown (trimmed), or the first words below it when it is blank ('' when there are none). */
  words: string;
  /** Blank lines from the first visible line down to the line of `words` (absent: none). */
  lead?: number;
  /** The layout width the anchor was taken at (the words are compared only at the same width). */
  width: number;
}

/** A bookmark on an article, or (`removed`) the time it was taken off. */
export interface Bookmark {
  /** ISO time it was set or removed: the newer of two readers' wins. */
  at: string;
  /** Where in the article (absent on a tombstone). */
  position?: ArticlePosition;
  removed?: true;
}

export interface ArticleState {
  read: boolean;
  /** ISO time the read mark was last set or cleared (absent in files written before it existed). */
  readAt?: string;
  position?: ArticlePosition;
  /** ISO time of the last visit: when `position` was recorded. */
  visitedAt?: string;
  bookmark?: Bookmark;
}

/** The reader's history as back and forward walk it: article ids and the current one. */
export interface HistoryTrail {
  ids: string[];
  index: number;
  /** ISO time it was recorded: the newer trail of two readers wins whole (a trail is one reader's path). */
  at: string;
}

/** One entry of the recent-visits log: an article of the library and when it was last arrived at. */
export interface RecentVisit {
  id: string;
  at: string;
}

export interface LibraryState {
  lastArticleId?: string;
  /** ISO time `lastArticleId` was set. */
  changedAt?: string;
  trail?: HistoryTrail;
  /** Newest first, one entry per article, at most MAX_RECENT_VISITS. */
  visits?: RecentVisit[];
}

/** Entries kept in a history trail and in the recent-visits log (the state stays one small file). */
export const MAX_TRAIL = 100;
export const MAX_RECENT_VISITS = 100;

export interface ReadingState {
  version: 1;
  /** Keyed by the article file's absolute path: stable however the library is opened. */
  articles: Record<string, ArticleState>;
  /** Keyed by the library's roots, joined. */
  libraries: Record<string, LibraryState>;
}

export function emptyReadingState(): ReadingState {
  return { version: 1, articles: {}, libraries: {} };
}

export function libraryKey(roots: readonly string[]): string {
  return roots.join('\n');
}

/** Accepts only the shape we write; anything else counts as corrupt. */
export function isReadingState(value: unknown): value is ReadingState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ReadingState>;
  return (
    candidate.version === 1 &&
    typeof candidate.articles === 'object' &&
    candidate.articles !== null &&
    typeof candidate.libraries === 'object' &&
    candidate.libraries !== null
  );
}

export function recordPosition(state: ReadingState, articlePath: string, position: ArticlePosition, now: Date = new Date()): ReadingState {
  const previous = state.articles[articlePath];
  const at = now.toISOString();
  return {
    ...state,
    articles: { ...state.articles, [articlePath]: { ...previous, read: true, readAt: at, position, visitedAt: at } },
  };
}

export function setRead(state: ReadingState, articlePath: string, read: boolean, now: Date = new Date()): ReadingState {
  return { ...state, articles: { ...state.articles, [articlePath]: { ...state.articles[articlePath], read, readAt: now.toISOString() } } };
}

export function recordLastArticle(state: ReadingState, roots: readonly string[], articleId: string, now: Date = new Date()): ReadingState {
  const key = libraryKey(roots);
  return { ...state, libraries: { ...state.libraries, [key]: { ...state.libraries[key], lastArticleId: articleId, changedAt: now.toISOString() } } };
}

/** The line to show for a saved position at the current width. */
export function restoredLine(position: ArticlePosition | undefined, width: number, lineCount: number): number {
  if (!position) return 0;
  const line = position.width === width ? position.line : Math.round(position.fraction * lineCount);
  return Math.max(0, Math.min(line, Math.max(0, lineCount - 1)));
}

/** Remember where the reader stopped without changing the read mark (an article marked unread stays so). */
export function rememberPosition(state: ReadingState, articlePath: string, position: ArticlePosition, now: Date = new Date()): ReadingState {
  const previous = state.articles[articlePath];
  const same = previous?.position && previous.position.line === position.line && previous.position.width === position.width;
  if (same) return state;
  return {
    ...state,
    articles: { ...state.articles, [articlePath]: { ...previous, read: previous?.read ?? false, position, visitedAt: now.toISOString() } },
  };
}

export function isRead(state: ReadingState, articlePath: string): boolean {
  return state.articles[articlePath]?.read === true;
}

export function lastArticle(state: ReadingState, roots: readonly string[]): string | undefined {
  return state.libraries[libraryKey(roots)]?.lastArticleId;
}

export function libraryState(state: ReadingState, roots: readonly string[]): LibraryState | undefined {
  const library = state.libraries[libraryKey(roots)];
  return isRecord(library) ? library : undefined;
}

/** The history trail (at most MAX_TRAIL entries: the current one, then the way back before the way forward). */
export function recordTrail(state: ReadingState, roots: readonly string[], ids: readonly string[], index: number, now: Date = new Date()): ReadingState {
  const from = Math.max(0, index - (MAX_TRAIL - 1));
  const trail: HistoryTrail = { ids: ids.slice(from, from + MAX_TRAIL), index: index - from, at: now.toISOString() };
  const key = libraryKey(roots);
  return { ...state, libraries: { ...state.libraries, [key]: { ...state.libraries[key], trail } } };
}

/** A usable trail of this library, or undefined (absent, or garbled by a foreign writer). */
export function savedTrail(state: ReadingState, roots: readonly string[]): HistoryTrail | undefined {
  const trail = libraryState(state, roots)?.trail;
  if (!isRecord(trail) || !Array.isArray(trail.ids) || typeof trail.index !== 'number') return undefined;
  const ids = trail.ids.filter((id): id is string => typeof id === 'string');
  if (ids.length !== trail.ids.length) return undefined;
  return { ids, index: Math.max(-1, Math.min(Math.trunc(trail.index), ids.length - 1)), at: String(trail.at) };
}

const isVisit = (value: unknown): value is RecentVisit => isRecord(value) && typeof value.id === 'string' && typeof value.at === 'string';

/** Recent visits, newest first, one per article: `a`'s and `b`'s joined, each article at its newest time. */
function joinVisits(a: unknown, b: unknown): RecentVisit[] {
  const newest = new Map<string, RecentVisit>();
  for (const list of [a, b]) {
    if (!Array.isArray(list)) continue;
    for (const visit of list) {
      if (!isVisit(visit)) continue;
      const known = newest.get(visit.id);
      if (!known || timeOf(visit.at) > timeOf(known.at)) newest.set(visit.id, { id: visit.id, at: visit.at });
    }
  }
  return [...newest.values()].sort((x, y) => timeOf(y.at) - timeOf(x.at)).slice(0, MAX_RECENT_VISITS);
}

export function recordVisit(state: ReadingState, roots: readonly string[], id: string, now: Date = new Date()): ReadingState {
  const key = libraryKey(roots);
  const library = state.libraries[key];
  const visits = joinVisits([{ id, at: now.toISOString() }], library?.visits);
  return { ...state, libraries: { ...state.libraries, [key]: { ...library, visits } } };
}

/** This library's recent visits, newest first. */
export function recentVisits(state: ReadingState, roots: readonly string[]): RecentVisit[] {
  return joinVisits(libraryState(state, roots)?.visits, []);
}

/** The article's bookmark, when it has one (a tombstone is none). */
export function bookmarkOf(state: ReadingState, articlePath: string): Bookmark | undefined {
  const bookmark = state.articles[articlePath]?.bookmark;
  return isRecord(bookmark) && !bookmark.removed && typeof bookmark.at === 'string' ? bookmark : undefined;
}

export function setBookmark(state: ReadingState, articlePath: string, position: ArticlePosition, now: Date = new Date()): ReadingState {
  const previous = state.articles[articlePath];
  const bookmark: Bookmark = { at: now.toISOString(), position };
  return { ...state, articles: { ...state.articles, [articlePath]: { ...previous, read: previous?.read ?? false, bookmark } } };
}

/** Takes the bookmark off, leaving a dated tombstone for the merge. */
export function removeBookmark(state: ReadingState, articlePath: string, now: Date = new Date()): ReadingState {
  const previous = state.articles[articlePath];
  if (!previous?.bookmark) return state;
  return { ...state, articles: { ...state.articles, [articlePath]: { ...previous, bookmark: { at: now.toISOString(), removed: true } } } };
}

/** A saved position as written by us (a foreign or garbled one is none). */
export function isArticlePosition(value: unknown): value is ArticlePosition {
  return isRecord(value) && Number.isFinite(value.line) && Number.isFinite(value.width) && Number.isFinite(value.fraction);
}

/** A saved anchor as written by us (a foreign or garbled one is none). */
export function isReadingAnchor(value: unknown): value is ReadingAnchor {
  if (!isRecord(value) || !Number.isFinite(value.offset) || typeof value.words !== 'string' || !Number.isFinite(value.width)) return false;
  const heading = value.heading;
  return heading === null || (isRecord(heading) && typeof heading.slug === 'string' && Number.isInteger(heading.occurrence));
}

/** Milliseconds of an ISO time; a missing or garbled one counts as older than any other. */
function timeOf(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One article's state from two readers: the newer read mark and the newer position, each on its own. */
function mergeArticle(ours: ArticleState | undefined, theirs: ArticleState | undefined): ArticleState | undefined {
  if (!isRecord(theirs)) return ours;
  if (!isRecord(ours)) return theirs;
  const mark = timeOf(theirs.readAt) > timeOf(ours.readAt) ? theirs : ours;
  const place = timeOf(theirs.visitedAt) > timeOf(ours.visitedAt) ? theirs : ours;
  const merged: ArticleState = { read: mark.read === true };
  if (mark.readAt !== undefined) merged.readAt = mark.readAt;
  if (place.position !== undefined) merged.position = place.position;
  if (place.visitedAt !== undefined) merged.visitedAt = place.visitedAt;
  const bookmark = newer(ours.bookmark, theirs.bookmark);
  if (bookmark !== undefined) merged.bookmark = bookmark;
  return merged;
}

/** The newer of two dated records (`at`); a tie keeps ours, a garbled one loses. */
function newer<T extends { at: string }>(ours: T | undefined, theirs: T | undefined): T | undefined {
  if (!isRecord(theirs)) return ours;
  if (!isRecord(ours)) return theirs;
  return timeOf(theirs.at) > timeOf(ours.at) ? theirs : ours;
}

/** One library's state from two readers: the newer last article, the newer trail, both logs of visits. */
function mergeLibrary(ours: LibraryState | undefined, theirs: LibraryState | undefined): LibraryState | undefined {
  if (theirs === undefined || !isRecord(theirs as unknown)) return ours;
  if (ours === undefined || !isRecord(ours as unknown)) return theirs;
  const last = timeOf(theirs.changedAt) > timeOf(ours.changedAt) ? theirs : ours;
  const merged: LibraryState = {};
  if (last.lastArticleId !== undefined) merged.lastArticleId = last.lastArticleId;
  if (last.changedAt !== undefined) merged.changedAt = last.changedAt;
  const trail = newer(ours.trail, theirs.trail);
  if (trail !== undefined) merged.trail = trail;
  if (ours.visits !== undefined || theirs.visits !== undefined) merged.visits = joinVisits(ours.visits, theirs.visits);
  return merged;
}

/**
 * Our state merged with another reader's (what is on disk): per article the newer read mark, the
 * newer position and the newer bookmark (or tombstone), per library the newer last article, the
 * newer history trail and both logs of recent visits; a tie keeps ours. Nothing is lost
 * that either side recorded, so two readers on one library keep both sets of marks.
 */
export function mergeReadingStates(ours: ReadingState, theirs: ReadingState): ReadingState {
  const articles: Record<string, ArticleState> = { ...theirs.articles };
  for (const [path, state] of Object.entries(ours.articles)) {
    const merged = mergeArticle(state, theirs.articles[path]);
    if (merged) articles[path] = merged;
  }
  const libraries: Record<string, LibraryState> = { ...theirs.libraries };
  for (const [key, state] of Object.entries(ours.libraries)) {
    const merged = mergeLibrary(state, theirs.libraries[key]);
    if (merged) libraries[key] = merged;
  }
  return { version: 1, articles, libraries };
}
