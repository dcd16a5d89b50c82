// Tab and Shift-Tab: focus the next or previous link in reading order, and scroll so it shows.
// With no focused link in view, Tab takes the first link in view (Shift-Tab the last).
import { linkFirstLine, linkInView, linkLastLine, topShowing } from './linkGeometry.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { clamp, currentVisit, maxTop, replaceVisit } from './visit.js';

function focusLink(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const visit = currentVisit(state);
  if (!visit) return state;
  const rendered = env.render(visit.id, env.viewport.width);
  const { links } = rendered;
  if (links.length === 0) return { ...state, message: 'no links in this article' };
  const height = env.viewport.height;
  let focus: number;
  if (visit.focus !== null && links[visit.focus] && linkInView(links[visit.focus], visit.top, height)) {
    focus = (visit.focus + step + links.length) % links.length;
  } else {
    const inView = links.map((link, i) => (linkInView(link, visit.top, height) ? i : -1)).filter((i) => i >= 0);
    if (inView.length > 0) focus = step === 1 ? inView[0] : inView[inView.length - 1];
    else if (step === 1) {
      const after = links.findIndex((link) => linkFirstLine(link) >= visit.top + height);
      focus = after >= 0 ? after : 0;
    } else {
      let before = -1;
      links.forEach((link, i) => {
        if (linkLastLine(link) < visit.top) before = i;
      });
      focus = before >= 0 ? before : links.length - 1;
    }
  }
  const top = clamp(topShowing(links[focus], visit.top, height), 0, maxTop(rendered, env));
  return replaceVisit(state, { ...visit, top, focus });
}

export const linkFocusCommands = {
  nextLink: (state, env) => focusLink(state, env, 1),
  previousLink: (state, env) => focusLink(state, env, -1),
} satisfies CommandHandlers;
