// Bookmarks: `B` puts one on the open article at the place in view (on the list: the selected
// article, at its saved place), or takes it off; the Saved screen lists them, newest first, and
// opens each at its place. Stored in the reading state (removal as a dated tombstone, so another
// reader's save does not bring it back); on the Saved screen `B` takes the highlighted one off.
// Reads and writes `reading`'s bookmarks.
import type { Article } from '../library/types.js';
import { bookmarkOf, isArticlePosition, removeBookmark, setBookmark, type ArticlePosition, type Bookmark } from '../state/readingState.js';
import { currentVisit, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';
import { positionOf } from './savedPlace.js';

export function isArticleSaved(state: NavigationState, article: Article): boolean {
  return bookmarkOf(state.reading, article.absPath) !== undefined;
}

/** The library's bookmarked articles, newest bookmark first. */
export function savedArticles(state: NavigationState, env: NavigationEnv): Array<{ article: Article; bookmark: Bookmark }> {
  const saved: Array<{ article: Article; bookmark: Bookmark }> = [];
  for (const article of env.articles) {
    const bookmark = bookmarkOf(state.reading, article.absPath);
    if (bookmark) saved.push({ article, bookmark });
  }
  return saved.sort((a, b) => (a.bookmark.at < b.bookmark.at ? 1 : a.bookmark.at > b.bookmark.at ? -1 : 0));
}

function toggleBookmark(state: NavigationState, env: NavigationEnv): NavigationState {
  if (state.picker?.kind === 'saved') {
    const saved = savedArticles(state, env);
    const entry = saved[state.picker.selected];
    if (!entry) return state;
    const selected = Math.max(0, Math.min(state.picker.selected, saved.length - 2));
    return {
      ...state,
      reading: removeBookmark(state.reading, entry.article.absPath),
      picker: saved.length > 1 ? { ...state.picker, selected } : null,
      message: `bookmark removed: ${entry.article.title}`,
    };
  }
  const visit = state.screen === 'article' ? currentVisit(state) : null;
  const id = visit ? visit.id : state.list.selectedId;
  const article = id !== null ? env.library.byId.get(id) : undefined;
  if (!article) return state;
  if (isArticleSaved(state, article)) {
    return { ...state, reading: removeBookmark(state.reading, article.absPath), message: `bookmark removed: ${article.title}` };
  }
  const saved = state.reading.articles[article.absPath]?.position;
  const position: ArticlePosition = visit ? positionOf(env, visit) : isArticlePosition(saved) ? saved : { line: 0, width: env.viewport.width, fraction: 0 };
  return { ...state, reading: setBookmark(state.reading, article.absPath, position), message: `bookmarked: ${article.title}` };
}

export const bookmarkCommands = {
  toggleBookmark,
} satisfies CommandHandlers;
