// Read marks and reading positions in the navigation state: arriving at an article marks it
// read and the library's last article, leaving it remembers where it was left; `m` toggles a
// mark, the next-unread command finds the next unread article. Saving is the UI's (src/state).
// Owns `reading`.
import type { Article } from '../library/types.js';
import { isRead, recordLastArticle, rememberPosition, setRead, type ReadingState } from '../state/readingState.js';
import { selectedIndex, visibleArticles } from './articleList.js';
import { openArticle } from './history.js';
import { currentVisit, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';
import { positionOf } from './savedPlace.js';

export function isArticleRead(state: NavigationState, article: Article): boolean {
  return isRead(state.reading, article.absPath);
}

function toggleRead(state: NavigationState, env: NavigationEnv): NavigationState {
  const id = state.screen === 'article' ? currentVisit(state)?.id : state.list.selectedId;
  const article = id !== undefined && id !== null ? env.library.byId.get(id) : undefined;
  if (!article) return state;
  const read = !isRead(state.reading, article.absPath);
  return { ...state, reading: setRead(state.reading, article.absPath, read), message: `marked ${read ? 'read' : 'unread'}: ${article.title}` };
}

function nextUnread(state: NavigationState, env: NavigationEnv): NavigationState {
  if (state.screen === 'list') {
    const visible = visibleArticles(state, env);
    const from = selectedIndex(state, env, visible);
    for (let step = 1; step <= visible.length; step++) {
      const article = visible[(from + step) % visible.length];
      if (!isRead(state.reading, article.absPath)) return { ...state, list: { ...state.list, selectedId: article.id } };
    }
    return { ...state, message: 'every article here is read' };
  }
  const visit = currentVisit(state);
  if (!visit) return state;
  const seen = new Set([visit.id]);
  let article = env.library.byId.get(visit.id);
  while (article?.next && article.next.target.kind === 'article' && !seen.has(article.next.target.id)) {
    const id = article.next.target.id;
    seen.add(id);
    article = env.library.byId.get(id);
    if (article && !isRead(state.reading, article.absPath)) return openArticle(state, env, id, undefined, 'resume');
  }
  return { ...state, message: 'no unread article further along the chain' };
}

/** Leaving an article remembers where it was left; arriving marks it read and the library's last article. */
export function syncReading(prev: NavigationState, next: NavigationState, env: NavigationEnv): NavigationState {
  const before = prev.screen === 'article' ? currentVisit(prev) : null;
  const after = next.screen === 'article' ? currentVisit(next) : null;
  if (before === after || (before && after && prev.index === next.index && before.id === after.id)) return next;
  let reading = next.reading;
  if (before) {
    const article = env.library.byId.get(before.id);
    if (article) reading = rememberPosition(reading, article.absPath, positionOf(env, before));
  }
  if (after) {
    const article = env.library.byId.get(after.id);
    if (article) {
      if (!isRead(reading, article.absPath)) reading = setRead(reading, article.absPath, true);
      reading = recordLastArticle(reading, env.library.roots, article.id);
    }
  }
  return reading === next.reading ? next : { ...next, reading };
}

/** The reading state to save now: what the reducer keeps, plus the place in the article open. */
export function readingSnapshot(state: NavigationState, env: NavigationEnv): ReadingState {
  const visit = state.screen === 'article' ? currentVisit(state) : null;
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  if (!visit || !article) return state.reading;
  return rememberPosition(state.reading, article.absPath, positionOf(env, visit));
}

export const readingCommands = {
  toggleRead,
  nextUnread,
} satisfies CommandHandlers;
