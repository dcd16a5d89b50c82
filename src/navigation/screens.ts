// Which screen or overlay takes the keys now, the help overlay, and quitting.
import type { Context } from './commands.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { clamp, halfPageRows, pageRows } from './visit.js';

/** Which part of the key table applies now. */
export function contextOf(state: NavigationState): Context {
  if (state.help.open) return 'help';
  if (state.screen === 'article' && state.overlay) return state.overlay.kind;
  if (state.digits !== null) return 'number';
  if (state.screen === 'list') return state.list.prompt ? 'filter' : 'list';
  if (state.search?.prompt) return 'search';
  return 'article';
}

/** Scroll help by half a page, stopping at its end. */
function scrollHelp(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const limit = Math.max(0, (env.helpLength ?? Number.MAX_SAFE_INTEGER) - pageRows(env));
  const top = clamp(state.help.top + step * halfPageRows(env), 0, limit);
  return { ...state, help: { ...state.help, top } };
}

const quit = (state: NavigationState): NavigationState => ({ ...state, quit: true });

export const screenCommands = {
  help: (state) => ({ ...state, help: { open: true, top: 0 } }),
  closeHelp: (state) => ({ ...state, help: { open: false, top: 0 } }),
  helpDown: (state, env) => scrollHelp(state, env, 1),
  helpUp: (state, env) => scrollHelp(state, env, -1),
  quitFromList: quit,
  quit,
} satisfies CommandHandlers;
