// The current visit and the viewport it is seen through: reading it, replacing it, and
// bringing it to the current width and height after a resize or a change of article.
import type { RenderedArticle } from '../render/types.js';
import { linkInView, topShowing } from './linkGeometry.js';
import type { NavigationEnv, NavigationState, Visit } from './navigationState.js';
import { remapTop } from './position.js';

export const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** The last first-visible line that still fills the viewport. */
export function maxTop(rendered: RenderedArticle, env: NavigationEnv): number {
  return Math.max(0, rendered.lines.length - env.viewport.height);
}

/** Rows a page moves (article, list, help): the viewport's height, at least one. */
export const pageRows = (env: NavigationEnv) => Math.max(1, env.viewport.height);

export const halfPageRows = (env: NavigationEnv) => Math.max(1, Math.floor(pageRows(env) / 2));

export function currentVisit(state: NavigationState): Visit | null {
  return state.index >= 0 ? state.history[state.index] : null;
}

export function currentRendered(state: NavigationState, env: NavigationEnv): RenderedArticle | null {
  const visit = currentVisit(state);
  return visit ? env.render(visit.id, env.viewport.width) : null;
}

export function replaceVisit(state: NavigationState, visit: Visit): NavigationState {
  const history = state.history.slice();
  history[state.index] = visit;
  return { ...state, history };
}

/** A focus that is gone or scrolled out of view at `top` is let go (Tab then takes the first link in view). */
export function focusKeptAt(rendered: RenderedArticle, focus: number | null, top: number, height: number): number | null {
  if (focus !== null && (!rendered.links[focus] || !linkInView(rendered.links[focus], top, height))) return null;
  return focus;
}

/** Bring the current visit to the current width and height: re-anchor, clamp, drop a focus that is gone. */
export function normalizeVisit(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit) return state;
  if (!env.library.byId.has(visit.id)) return state;
  const rendered = env.render(visit.id, env.viewport.width);
  let { top, focus } = visit;
  if (visit.width !== env.viewport.width) {
    const before = env.render(visit.id, visit.width);
    const focusWasVisible = focus !== null && before.links[focus] !== undefined && linkInView(before.links[focus], top, env.viewport.height);
    top = remapTop(before, rendered, top);
    if (focusWasVisible && focus !== null && rendered.links[focus]) top = topShowing(rendered.links[focus], top, env.viewport.height);
  }
  if (focus !== null && !rendered.links[focus]) focus = null;
  top = clamp(top, 0, maxTop(rendered, env));
  if (top === visit.top && focus === visit.focus && visit.width === env.viewport.width) return state;
  return replaceVisit(state, { ...visit, top, focus, width: env.viewport.width });
}
