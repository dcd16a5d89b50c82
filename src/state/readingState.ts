// What broadsheet remembers between runs: per article where you stopped and whether you
// read it, per library the last article open. Pure data and pure updates; I/O is in stateStore.
// Every change carries its time, so two readers' states merge field by field (mergeReadingStates):
// the newer read mark and the newer position of each article win, whoever saves last.

/** Where the reader stopped in one article. */
export interface ArticlePosition {
  /** Top line of the view, at `width`. */
  line: number;
  width: number;
  /** The same place as a fraction of the article, for another width. */
  fraction: number;
}

export interface ArticleState {
  read: boolean;
  /** ISO time the read mark was last set or cleared (absent in files written before it existed). */
  readAt?: string;
  position?: ArticlePosition;
  /** ISO time of the last visit: when `position` was recorded. */
  visitedAt?: string;
}

export interface LibraryState {
  lastArticleId?: string;
  /** ISO time `lastArticleId` was set. */
  changedAt?: string;
}

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
  return merged;
}

/**
 * Our state merged with another reader's (what is on disk): per article the newer read mark and
 * the newer position, per library the newer last article; a tie keeps ours. Nothing is lost
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
    const other = theirs.libraries[key];
    libraries[key] = isRecord(other) && timeOf(other.changedAt) > timeOf(state?.changedAt) ? other : state;
  }
  return { version: 1, articles, libraries };
}
