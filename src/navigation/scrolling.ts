// Scrolling the article: by a line, half a page, a page, to the top or the bottom.
import type { RenderedArticle } from '../render/types.js';
import type { CommandHandlers, NavigationEnv, NavigationState, Visit } from './navigationState.js';
import { clamp, currentVisit, focusKeptAt, halfPageRows, maxTop, pageRows, replaceVisit } from './visit.js';

/** Scroll the article to `top` (clamped); a focused link scrolled out of view is let go. */
export function scrollTo(state: NavigationState, env: NavigationEnv, top: (visit: Visit, rendered: RenderedArticle) => number): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const rendered = env.render(visit.id, env.viewport.width);
  const newTop = clamp(top(visit, rendered), 0, maxTop(rendered, env));
  return replaceVisit(state, { ...visit, top: newTop, focus: focusKeptAt(rendered, visit.focus, newTop, env.viewport.height) });
}

export const scrollCommands = {
  lineDown: (state, env) => scrollTo(state, env, (v) => v.top + 1),
  lineUp: (state, env) => scrollTo(state, env, (v) => v.top - 1),
  pageDown: (state, env) => scrollTo(state, env, (v) => v.top + pageRows(env)),
  pageUp: (state, env) => scrollTo(state, env, (v) => v.top - pageRows(env)),
  halfDown: (state, env) => scrollTo(state, env, (v) => v.top + halfPageRows(env)),
  halfUp: (state, env) => scrollTo(state, env, (v) => v.top - halfPageRows(env)),
  top: (state, env) => scrollTo(state, env, () => 0),
  bottom: (state, env) => scrollTo(state, env, (_v, r) => r.lines.length),
} satisfies CommandHandlers;
