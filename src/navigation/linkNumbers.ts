// Related-reading numbers: 1 … 9 follow at once; with more than nine related links, digits
// build the number in the status line until Enter or a pause follows it (SPEC §3).
import type { LinkTarget } from '../library/types.js';
import { followTarget } from './followLinks.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { currentVisit } from './visit.js';

/** Related-reading numbers of the current article: rendered numbers first, else the article's related list. */
function numberedTargets(state: NavigationState, env: NavigationEnv): Map<number, LinkTarget> {
  const visit = currentVisit(state);
  const targets = new Map<number, LinkTarget>();
  if (!visit) return targets;
  const article = env.library.byId.get(visit.id);
  article?.related.forEach((link, i) => targets.set(i + 1, link.target));
  const rendered = env.render(visit.id, env.viewport.width);
  for (const link of rendered.links) if (link.number !== undefined) targets.set(link.number, link.target);
  return targets;
}

export function followNumber(state: NavigationState, env: NavigationEnv, n: number): NavigationState {
  const target = numberedTargets(state, env).get(n);
  const cleared = { ...state, digits: null };
  if (!target) return { ...cleared, message: `no related link ${n}` };
  return followTarget(cleared, env, target);
}

/**
 * A digit typed: with nine related links or fewer it follows at once; with more, digits build
 * the number in the status line until Enter or a pause follows it (SPEC §3), even when no
 * longer number exists, so a trailing Enter never lands in the next article.
 */
function typeDigits(state: NavigationState, env: NavigationEnv, digits: string): NavigationState {
  const numbers = [...numberedTargets(state, env).keys()];
  const highest = numbers.length > 0 ? Math.max(...numbers) : 0;
  if (highest <= 9) return followNumber(state, env, Number(digits));
  return { ...state, digits };
}

/** The number prompt: digits extend it, Backspace shortens it (empty closes it). */
export function typeNumber(state: NavigationState, env: NavigationEnv, text: string): NavigationState {
  const digits = state.digits! + text.replace(/[^0-9]/g, '');
  return digits === state.digits ? state : typeDigits(state, env, digits);
}

export function deleteDigit(state: NavigationState): NavigationState {
  const digits = state.digits!.slice(0, -1);
  return { ...state, digits: digits === '' ? null : digits };
}

export const numberCommands = {
  followNumber: (state, env, text) => (/^[0-9]$/.test(text) ? typeDigits(state, env, text) : state),
} satisfies CommandHandlers;
