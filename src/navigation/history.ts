// History as a browser keeps it: opening an article adds a visit (dropping the forward
// entries), back and forward move through the visits, each with its own scroll and focus.
import { restoredLine } from '../state/readingState.js';
import { headingLine } from './headings.js';
import type { CommandHandlers, NavigationEnv, NavigationState, Visit } from './navigationState.js';
import { clamp, maxTop } from './visit.js';

/**
 * Open an article as a new visit: at a heading, at a line, or (`resume`: from the list, `--open`)
 * where the reader left it last time. Links and the chain open at the top, as a browser does.
 */
export function openArticle(state: NavigationState, env: NavigationEnv, id: string, heading?: string, atLine?: number | 'resume'): NavigationState {
  const article = env.library.byId.get(id);
  if (!article) return { ...state, message: `not in library: ${id}` };
  const rendered = env.render(id, env.viewport.width);
  let top = 0;
  if (heading) {
    const line = headingLine(rendered, heading);
    if (line !== null) top = clamp(line, 0, maxTop(rendered, env));
  } else if (typeof atLine === 'number') {
    top = clamp(atLine, 0, maxTop(rendered, env));
  } else if (atLine === 'resume') {
    const saved = state.reading.articles[article.absPath]?.position;
    if (saved) top = clamp(restoredLine(saved, env.viewport.width, rendered.lines.length), 0, maxTop(rendered, env));
  }
  const visit: Visit = { id, top, focus: null, width: env.viewport.width };
  const history = [...state.history.slice(0, state.index + 1), visit];
  return {
    ...state,
    screen: 'article',
    history,
    index: history.length - 1,
    list: { ...state.list, selectedId: id },
    message: heading && top === 0 && headingLine(rendered, heading) === null ? `no heading "${heading}" in ${article.title}` : null,
  };
}

/** Move to another visit in history, as it was left. */
function goTo(state: NavigationState, index: number): NavigationState {
  return { ...state, screen: 'article', index, list: { ...state.list, selectedId: state.history[index].id } };
}

export const historyCommands = {
  back: (state) => (state.index <= 0 ? { ...state, message: 'no earlier article in history' } : goTo(state, state.index - 1)),
  forward: (state) => (state.index >= state.history.length - 1 ? { ...state, message: 'no later article in history' } : goTo(state, state.index + 1)),
} satisfies CommandHandlers;
