// The screens of places to go, drawn over the list or the article and closed by Esc back to it:
// recent visits (H, newest first, with when), bookmarks (S, the Saved screen) and tags (T, with
// how many articles have each). Enter opens the highlighted one: a visit where it was left, a
// bookmark at its place, a tag as the list filtered to `tag:x`. Owns `picker`.
import { tagCounts } from '../library/tags.js';
import { recentVisits } from '../state/readingState.js';
import { savedArticles } from './bookmarks.js';
import type { PickerContext } from './commands.js';
import { openArticle } from './history.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { lineOfPosition } from './savedPlace.js';
import { clamp } from './viewport.js';

/** One row of a picker: an article and when (visited, bookmarked), or a tag and how many have it. */
export type PickerEntry =
  | {
      id: string;
      /** ISO time of the visit or the bookmark. */
      at: string;
    }
  | { tag: string; count: number };

/** The rows of the open picker (none when closed). */
export function pickerEntries(state: NavigationState, env: NavigationEnv): PickerEntry[] {
  switch (state.picker?.kind) {
    case 'visits':
      return recentVisits(state.reading, env.library.roots).filter((visit) => env.library.byId.has(visit.id));
    case 'saved':
      return savedArticles(state, env).map(({ article, bookmark }) => ({ id: article.id, at: bookmark.at }));
    case 'tags':
      return tagCounts(env.articles);
    default:
      return [];
  }
}

const EMPTY: Record<PickerContext, string> = {
  visits: 'no visits yet in this library',
  saved: 'no bookmarks yet: B puts one on the article you read',
  tags: 'no tags in this library (front matter tags, or #tags in a note)',
};

function openPicker(state: NavigationState, env: NavigationEnv, kind: PickerContext): NavigationState {
  const opened: NavigationState = { ...state, picker: { kind, selected: 0 }, overlay: null };
  return pickerEntries(opened, env).length === 0 ? { ...state, message: EMPTY[kind] } : opened;
}

function movePicker(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  if (!state.picker) return state;
  const selected = clamp(state.picker.selected + step, 0, Math.max(0, pickerEntries(state, env).length - 1));
  return selected === state.picker.selected ? state : { ...state, picker: { ...state.picker, selected } };
}

function acceptPicker(state: NavigationState, env: NavigationEnv): NavigationState {
  const picker = state.picker;
  const entry = picker ? pickerEntries(state, env)[picker.selected] : undefined;
  const closed = { ...state, picker: null };
  if (!picker || !entry) return closed;
  if ('tag' in entry) {
    return { ...closed, screen: 'list', list: { ...state.list, query: `tag:${entry.tag}`, prompt: false, selectedId: null, top: 0 } };
  }
  if (picker.kind === 'saved') {
    const article = env.library.byId.get(entry.id)!;
    const position = state.reading.articles[article.absPath]?.bookmark?.position;
    return openArticle(closed, env, entry.id, undefined, lineOfPosition(env.render(entry.id, env.viewport.width), position));
  }
  return openArticle(closed, env, entry.id, undefined, 'resume');
}

export const pickerCommands = {
  openVisits: (state, env) => openPicker(state, env, 'visits'),
  openSaved: (state, env) => openPicker(state, env, 'saved'),
  openTags: (state, env) => openPicker(state, env, 'tags'),
  pickerDown: (state, env) => movePicker(state, env, 1),
  pickerUp: (state, env) => movePicker(state, env, -1),
  pickerAccept: acceptPicker,
  pickerClose: (state) => ({ ...state, picker: null }),
} satisfies CommandHandlers;
