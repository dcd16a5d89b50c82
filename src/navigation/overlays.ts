// Overlays over the article: the table of contents (t) and the links panel (r), moved through
// with the arrows and accepted with Enter; and `o`, which asks the UI to open a URL outside.
import { followTarget } from './followLinks.js';
import { linksPanelEntries } from './linksPanel.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { scrollTo } from './scrolling.js';
import { clamp, currentVisit } from './visit.js';

function overlayLength(state: NavigationState, env: NavigationEnv): number {
  const visit = currentVisit(state);
  if (!visit || !state.overlay) return 0;
  if (state.overlay.kind === 'toc') return env.render(visit.id, env.viewport.width).headings.length;
  return linksPanelEntries(env, visit.id).length;
}

function openToc(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const { headings } = env.render(visit.id, env.viewport.width);
  if (headings.length === 0) return { ...state, message: 'no headings in this article' };
  // Start on the heading of the part being read.
  let selected = 0;
  headings.forEach((heading, i) => {
    if (heading.line <= visit.top) selected = i;
  });
  return { ...state, overlay: { kind: 'toc', selected } };
}

function moveOverlay(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  if (!state.overlay) return state;
  const length = overlayLength(state, env);
  const selected = clamp(state.overlay.selected + step, 0, Math.max(0, length - 1));
  return selected === state.overlay.selected ? state : { ...state, overlay: { ...state.overlay, selected } };
}

function requestOpen(state: NavigationState, url: string): NavigationState {
  return { ...state, openRequest: { url, seq: (state.openRequest?.seq ?? 0) + 1 }, message: `opening ${url}` };
}

function acceptOverlay(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  const overlay = state.overlay;
  if (!visit || !overlay) return state;
  if (overlay.kind === 'toc') {
    const rendered = env.render(visit.id, env.viewport.width);
    const heading = rendered.headings[overlay.selected];
    if (!heading) return { ...state, overlay: null };
    const closed = { ...state, overlay: null };
    return scrollTo(closed, env, () => heading.line);
  }
  const entry = linksPanelEntries(env, visit.id)[overlay.selected];
  if (!entry) return state;
  // An unresolved entry only says so; the panel stays open.
  if (entry.target.kind === 'unresolved') return { ...state, message: `not in library: ${entry.target.title}` };
  const closed = { ...state, overlay: null };
  if (entry.target.kind === 'external') return requestOpen(closed, entry.target.url);
  return followTarget(closed, env, entry.target);
}

function openExternal(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  if (visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one, then o opens it' };
  const link = env.render(visit.id, env.viewport.width).links[visit.focus];
  if (!link) return state;
  if (link.target.kind !== 'external') return { ...state, message: 'o opens external links; Enter follows this one' };
  return requestOpen(state, link.target.url);
}

export const overlayCommands = {
  openToc,
  openLinks: (state) => (currentVisit(state) && state.screen === 'article' ? { ...state, overlay: { kind: 'links', selected: 0 } } : state),
  overlayDown: (state, env) => moveOverlay(state, env, 1),
  overlayUp: (state, env) => moveOverlay(state, env, -1),
  overlayAccept: acceptOverlay,
  overlayClose: (state) => ({ ...state, overlay: null }),
  openExternal,
} satisfies CommandHandlers;
