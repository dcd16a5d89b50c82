// Following links: a link target opens its article (or says why it cannot), the focused link
// on Enter, and the article's own chain on ] and [.
import type { LinkTarget } from '../library/types.js';
import { openArticle } from './history.js';
import type { CommandHandlers, NavigationEnv, NavigationState } from './navigationState.js';
import { currentVisit } from './visit.js';

/** What a link target is called: the article's title (› heading), the URL, or the title not found. */
export function titleOf(env: NavigationEnv, target: LinkTarget): string {
  switch (target.kind) {
    case 'article': {
      const article = env.library.byId.get(target.id);
      const title = article ? article.title : target.id;
      return target.heading ? `${title} › ${target.heading}` : title;
    }
    case 'external':
      return target.url;
    case 'unresolved':
      return target.title;
  }
}

/** Follow a link target: open an article, or say why not. Nothing but the message changes when it cannot be followed. */
export function followTarget(state: NavigationState, env: NavigationEnv, target: LinkTarget): NavigationState {
  switch (target.kind) {
    case 'article':
      if (!env.library.byId.has(target.id)) return { ...state, message: `not in library: ${target.id}` };
      return openArticle(state, env, target.id, target.heading);
    case 'external':
      return { ...state, message: `external link: ${target.url}` };
    case 'unresolved':
      return { ...state, message: `not in library: ${target.title}` };
  }
}

function followFocused(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one' };
  const link = env.render(visit.id, env.viewport.width).links[visit.focus];
  return link ? followTarget(state, env, link.target) : state;
}

function chainLink(state: NavigationState, env: NavigationEnv, which: 'next' | 'previous'): NavigationState {
  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  const link = article?.[which];
  if (!link) return { ...state, message: `no ${which} article` };
  return followTarget(state, env, link.target);
}

export const followCommands = {
  followLink: followFocused,
  nextArticle: (state, env) => chainLink(state, env, 'next'),
  previousArticle: (state, env) => chainLink(state, env, 'previous'),
} satisfies CommandHandlers;
