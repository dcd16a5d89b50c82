// `/` in an article: incremental search from where `/` was pressed, Enter keeps the place,
// Esc goes back; n and N step through the matches, wrapping at either end. The query outlives
// the article it was typed in (n works in the next one, as in less). Owns `search`.
import { findMatches, matchAt, matchAtOrAfter, type TextMatch } from '../search/textSearch.js';
import { currentVisit, replaceVisit, type CommandHandlers, type NavigationEnv, type NavigationState, type Visit } from './navigationState.js';
import { clamp, focusKeptAt, maxTop } from './viewport.js';

/** The matches of the current query in the article shown, or null without a query. */
export function searchMatches(state: NavigationState, env: NavigationEnv): TextMatch[] | null {
  const visit = currentVisit(state);
  if (!visit || !state.search || state.search.query === '') return null;
  return findMatches(env.render(visit.id, env.viewport.width).plainLines, state.search.query);
}

/** Position (0-based) of the current match among searchMatches, or -1 when none is current here. */
export function currentMatchIndex(state: NavigationState, env: NavigationEnv): number {
  const visit = currentVisit(state);
  const matches = searchMatches(state, env);
  const current = state.search?.current;
  if (!visit || !matches || !current || current.id !== visit.id) return -1;
  return matchAt(matches, current.line, current.index);
}

/** The earliest match of any of the terms in the lines, and which term it was. */
export function firstTermMatch(lines: readonly string[], terms: readonly string[]): { term: string; match: TextMatch } | null {
  let best: { term: string; match: TextMatch } | null = null;
  for (const raw of terms) {
    const term = raw.trim().toLocaleLowerCase('en');
    if (term === '') continue;
    const match = findMatches(lines, term)[0];
    if (match && (!best || match.line < best.match.line || (match.line === best.match.line && match.index < best.match.index))) best = { term, match };
  }
  return best;
}

/** True while the article's search prompt takes the keys. */
export function isTypingSearch(state: NavigationState): boolean {
  return state.screen === 'article' && state.search?.prompt === true;
}

function openSearch(state: NavigationState): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  return { ...state, search: { query: '', prompt: true, origin: { index: state.index, top: visit.top, focus: visit.focus }, current: null } };
}

/** Scroll so the match's line shows (at the top when it was out of view, as less does). */
function showMatch(state: NavigationState, env: NavigationEnv, visit: Visit, match: TextMatch): NavigationState {
  const rendered = env.render(visit.id, env.viewport.width);
  const height = env.viewport.height;
  const inView = match.line >= visit.top && match.line < visit.top + height;
  const top = inView ? visit.top : clamp(match.line, 0, maxTop(rendered, env));
  const next = replaceVisit(state, { ...visit, top, focus: focusKeptAt(rendered, visit.focus, top, height) });
  return { ...next, search: { ...state.search!, current: { id: visit.id, line: match.line, index: match.index } } };
}

/** Incremental search: each edit searches again from where `/` was pressed. */
export function typeSearch(state: NavigationState, env: NavigationEnv, query: string): NavigationState {
  const search = state.search!;
  const visit = currentVisit(state)!;
  const back = search.origin.index === state.index ? { ...visit, top: search.origin.top, focus: search.origin.focus } : visit;
  const restored = replaceVisit({ ...state, search: { ...search, query, current: null } }, back);
  if (query === '') return restored;
  const matches = findMatches(env.render(visit.id, env.viewport.width).plainLines, query);
  if (matches.length === 0) return restored;
  const i = matchAtOrAfter(matches, back.top);
  return showMatch(restored, env, back, matches[i >= 0 ? i : 0]);
}

export function acceptSearch(state: NavigationState, env: NavigationEnv): NavigationState {
  const search = state.search!;
  if (search.query === '') return { ...state, search: null };
  const accepted = { ...state, search: { ...search, prompt: false } };
  const matches = searchMatches(accepted, env) ?? [];
  return matches.length === 0 ? { ...accepted, message: `not found: ${search.query}` } : accepted;
}

export function cancelSearch(state: NavigationState): NavigationState {
  const search = state.search!;
  const visit = currentVisit(state);
  const cleared = { ...state, search: null };
  if (!visit || search.origin.index !== state.index) return cleared;
  return replaceVisit(cleared, { ...visit, top: search.origin.top, focus: search.origin.focus });
}

function searchStep(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const matches = searchMatches(state, env);
  if (!matches) return { ...state, message: 'no search yet: / searches this article' };
  if (matches.length === 0) return { ...state, message: `not found: ${state.search!.query}` };
  const here = currentMatchIndex(state, env);
  let i: number;
  if (here >= 0) i = here + step;
  else {
    const after = matchAtOrAfter(matches, visit.top);
    if (step === 1) i = after >= 0 ? after : matches.length;
    else i = (after >= 0 ? after : matches.length) - 1;
  }
  let message: string | null = null;
  if (i >= matches.length) {
    i = 0;
    message = 'wrapped to the top';
  } else if (i < 0) {
    i = matches.length - 1;
    message = 'wrapped to the bottom';
  }
  return { ...showMatch(state, env, visit, matches[i]), message };
}

export const articleSearchCommands = {
  openSearch: (state) => openSearch(state),
  searchNext: (state, env) => searchStep(state, env, 1),
  searchPrevious: (state, env) => searchStep(state, env, -1),
} satisfies CommandHandlers;
