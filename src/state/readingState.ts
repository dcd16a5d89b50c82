// What broadsheet remembers between runs: per article where you stopped and whether you
// read it, per library the last article open. Pure data and pure updates; I/O is in stateStore.

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
  position?: ArticlePosition;
  /** ISO time of the last visit. */
  visitedAt?: string;
}

export interface LibraryState {
  lastArticleId?: string;
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
  return {
    ...state,
    articles: { ...state.articles, [articlePath]: { ...previous, read: true, position, visitedAt: now.toISOString() } },
  };
}

export function setRead(state: ReadingState, articlePath: string, read: boolean): ReadingState {
  return { ...state, articles: { ...state.articles, [articlePath]: { ...state.articles[articlePath], read } } };
}

export function recordLastArticle(state: ReadingState, roots: readonly string[], articleId: string): ReadingState {
  const key = libraryKey(roots);
  return { ...state, libraries: { ...state.libraries, [key]: { ...state.libraries[key], lastArticleId: articleId } } };
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
