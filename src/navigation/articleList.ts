// The article list: reading order, the `/` filter (best first), the highlighted row kept by
// id and on screen, and opening the highlighted article (at its first match for a body hit).
// The list is not a history entry: going to it and back keeps history. Owns `list`.
// Nothing is remembered between calls: the order is the caller's (env.articles, sorted once
// per library), and a filter answers a repeated query from its own memory (searchFilter does).
import type { Article, Library } from '../library/types.js';
import { firstTermMatch } from './articleSearch.js';
import { isRead } from '../state/readingState.js';
import { isArticleSaved } from './bookmarks.js';
import { hasTag, listQuery, narrowsList, simpleFilter } from './filter.js';
import { openArticle } from './history.js';
import { currentVisit, replaceVisit, type CommandHandler, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';
import { clamp, pageRows } from './viewport.js';

/** Articles in reading order: by section, newest first, then title (for env.articles; decided at load). */
export function articlesInOrder(library: Library): readonly Article[] {
  return library.readingOrder;
}

/** The list as it shows: narrowed by the query's `tag:` and `is:` (listQuery), then filtered by its words, best first. */
export function visibleArticles(state: NavigationState, env: NavigationEnv): readonly Article[] {
  const query = listQuery(state.list.query);
  const ranked = query.text.trim() === '' ? env.articles : (env.filter ?? simpleFilter)(env.articles, query.text);
  if (!narrowsList(query)) return ranked;
  return ranked.filter(
    (article) =>
      query.tags.every((tag) => hasTag(article, tag)) && (!query.saved || isArticleSaved(state, article)) && (!query.unread || !isRead(state.reading, article.absPath)),
  );
}

/** The highlighted row among `visible`: the selected article, else the first row; -1 when empty. */
function indexIn(visible: readonly Article[], selectedId: string | null): number {
  if (visible.length === 0) return -1;
  // Nothing chosen yet (each key of the filter starts here): the first row, without looking
  // through 100,000 rows for an id none has.
  if (selectedId === null) return 0;
  const i = visible.findIndex((article) => article.id === selectedId);
  return i < 0 ? 0 : i;
}

/** The highlighted row (-1 when the list is empty); pass `visible` when it is at hand. */
export function selectedIndex(state: NavigationState, env: NavigationEnv, visible = visibleArticles(state, env)): number {
  return indexIn(visible, state.list.selectedId);
}

/** Keep the list's highlighted row on screen. */
export function normalizeList(state: NavigationState, env: NavigationEnv): NavigationState {
  const visible = visibleArticles(state, env);
  const height = Math.max(1, env.viewport.height);
  const i = indexIn(visible, state.list.selectedId);
  const selectedId = i >= 0 ? visible[i].id : state.list.selectedId;
  let top = clamp(state.list.top, 0, Math.max(0, visible.length - height));
  if (i >= 0) {
    if (i < top) top = i;
    if (i >= top + height) top = i - height + 1;
  }
  if (top === state.list.top && selectedId === state.list.selectedId) return state;
  return { ...state, list: { ...state.list, top, selectedId } };
}

function moveSelection(state: NavigationState, env: NavigationEnv, to: (index: number, count: number) => number): NavigationState {
  const visible = visibleArticles(state, env);
  if (visible.length === 0) return state;
  const i = clamp(to(indexIn(visible, state.list.selectedId), visible.length), 0, visible.length - 1);
  return { ...state, list: { ...state.list, selectedId: visible[i].id } };
}

function openSelected(state: NavigationState, env: NavigationEnv): NavigationState {
  const visible = visibleArticles(state, env);
  const i = indexIn(visible, state.list.selectedId);
  if (i < 0) return { ...state, message: 'no article matches' };
  const article = visible[i];
  const id = article.id;
  const visit = currentVisit(state);
  // A hit in the body opens the article at the first line that shows it, highlighted.
  const query = listQuery(state.list.query).text.trim();
  const hit = query !== '' ? (env.filter ?? simpleFilter).hitOf?.(article, query) : undefined;
  if (hit?.field === 'body') {
    // The words as typed first ("run away" where it stands), else the first of the terms that matched.
    const lines = env.render(id, env.viewport.width).plainLines;
    const found = firstTermMatch(lines, [query]) ?? firstTermMatch(lines, hit.terms);
    if (found) {
      const opened =
        visit && visit.id === id
          ? replaceVisit({ ...state, screen: 'article' }, { ...visit, top: found.match.line, focus: null })
          : openArticle(state, env, id, undefined, found.match.line);
      if (opened.screen !== 'article') return opened;
      const at = currentVisit(opened)!;
      return {
        ...opened,
        search: { query: found.term, prompt: false, origin: { index: opened.index, top: at.top, focus: null }, current: { id, line: found.match.line, index: found.match.index } },
      };
    }
  }
  // The list is not a history entry: reopening the current article returns to it as it was.
  if (visit && visit.id === id) return { ...state, screen: 'article' };
  return openArticle(state, env, id, undefined, 'resume');
}

/** The filter prompt: each edit starts the highlight again at the best match. */
export function editFilter(state: NavigationState, query: string): NavigationState {
  return { ...state, list: { ...state.list, query, selectedId: null, top: 0 } };
}

/** Enter in the filter prompt: the prompt closes and the highlighted article opens. */
export function acceptFilter(state: NavigationState, env: NavigationEnv): NavigationState {
  return openSelected({ ...state, list: { ...state.list, prompt: false } }, env);
}

export function clearFilter(state: NavigationState): NavigationState {
  return { ...state, list: { ...state.list, query: '', prompt: false } };
}

const selectDown: CommandHandler = (state, env) => moveSelection(state, env, (i) => i + 1);
const selectUp: CommandHandler = (state, env) => moveSelection(state, env, (i) => i - 1);

export const listCommands = {
  listDown: selectDown,
  promptSelectDown: selectDown,
  listUp: selectUp,
  promptSelectUp: selectUp,
  listPageDown: (state, env) => moveSelection(state, env, (i) => i + pageRows(env)),
  listPageUp: (state, env) => moveSelection(state, env, (i) => i - pageRows(env)),
  listTop: (state, env) => moveSelection(state, env, () => 0),
  listBottom: (state, env) => moveSelection(state, env, (_i, n) => n - 1),
  openSelected,
  // A fresh prompt each time, as less and newsboat do: the old filter is not typed onto.
  openFilter: (state) => ({ ...state, list: { ...state.list, prompt: true, query: '', top: 0 } }),
  clearFilter,
  toList: (state) => {
    const visit = currentVisit(state);
    return { ...state, screen: 'list', list: { ...state.list, selectedId: visit ? visit.id : state.list.selectedId } };
  },
} satisfies CommandHandlers;
