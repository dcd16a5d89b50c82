// Pages read in place (issue 16): `R` on a focused external link, `a` and a typed address, `s`
// to keep the open article in the library's inbox. The reducer only asks (`web.request`, told
// apart by `seq`) and says what is loading; the UI fetches, extracts and publishes the library
// that holds the page, then reports back (`webLoaded`). Every key keeps working meanwhile; q or
// Esc while a page loads stops it. Owns `web`.
import { currentVisit, replaceVisit, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';
import { openArticle } from './history.js';

type WebAsk = { kind: 'read'; url: string } | { kind: 'keep'; id: string } | { kind: 'cancel' };
export type WebRequest = WebAsk & { seq: number };

export interface WebState {
  request: WebRequest | null;
  /** What is loading (a URL, or the title being kept), shown in the status line until it is done. */
  loading: string | null;
  /** The `a` prompt's text while it is open, else null. */
  address: string | null;
  /** The last request's number: a report for an older one is stale, whatever came between. */
  seq: number;
}

export const NO_WEB: WebState = { request: null, loading: null, address: null, seq: 0 };

function ask(state: NavigationState, request: WebAsk, loading: string | null): NavigationState {
  const seq = state.web.seq + 1;
  return { ...state, web: { ...state.web, request: { ...request, seq }, loading, seq } };
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Ask for a page to be read in place; the address as typed or linked. */
export function requestRead(state: NavigationState, url: string): NavigationState {
  if (!isWebUrl(url)) return { ...state, message: `only http and https pages are read in place, not ${url}` };
  return { ...ask(state, { kind: 'read', url }, url), message: null };
}

function readLink(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  if (visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one, then R reads it here' };
  const link = env.render(visit.id, env.viewport.width).links[visit.focus];
  if (!link) return state;
  if (link.target.kind !== 'external') return { ...state, message: 'R reads external links here; Enter follows this one' };
  return requestRead(state, link.target.url);
}

function keepArticle(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  if (!visit || state.screen !== 'article' || !article) return state;
  return ask(state, { kind: 'keep', id: article.id }, article.title);
}

/** q or Esc while a page loads: stop it (the key's own action waits for the next press). */
export function cancelLoading(state: NavigationState): NavigationState | null {
  if (state.web.loading === null) return null;
  const stopped = state.web.loading;
  return { ...ask(state, { kind: 'cancel' }, null), message: `stopped loading ${stopped}` };
}

/**
 * What the UI reports when a request is done: the article to open (a page read: a new visit; a
 * page kept: the same visit, now on the kept copy), or why nothing is. A report for a request
 * that is no longer the latest (stopped, or asked again) changes nothing.
 */
export function webLoaded(state: NavigationState, env: NavigationEnv, seq: number, outcome: { id?: string; replace?: boolean; message: string }): NavigationState {
  if (state.web.request?.seq !== seq) return state;
  const done: NavigationState = { ...state, web: { ...state.web, request: null, loading: null }, message: outcome.message };
  if (!outcome.id || !env.library.byId.has(outcome.id)) return done;
  const visit = currentVisit(done);
  if (outcome.replace && visit && done.screen === 'article') return { ...replaceVisit(done, { ...visit, id: outcome.id }), deleted: null, list: { ...done.list, selectedId: outcome.id } };
  return { ...openArticle(done, env, outcome.id), message: outcome.message };
}

/** The `a` prompt's editing, routed here by the reducer's prompt commands while it is open. */
export const addressPrompt = {
  type: (state: NavigationState, text: string): NavigationState => ({ ...state, web: { ...state.web, address: (state.web.address ?? '') + text } }),
  delete: (state: NavigationState): NavigationState => ({ ...state, web: { ...state.web, address: [...(state.web.address ?? '')].slice(0, -1).join('') } }),
  accept: (state: NavigationState): NavigationState => {
    const typed = (state.web.address ?? '').trim();
    const closed = { ...state, web: { ...state.web, address: null } };
    if (typed === '') return closed;
    return requestRead(closed, /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`);
  },
  cancel: (state: NavigationState): NavigationState => ({ ...state, web: { ...state.web, address: null } }),
};

export const webCommands = {
  readLink,
  keepArticle,
  openAddress: (state) => ({ ...state, web: { ...state.web, address: '' } }),
} satisfies CommandHandlers;
