// The reader's navigation as a pure reducer (the Update of an Elm architecture). This file only
// dispatches: each command is carried out by the module of its concern (scrolling, history,
// links, search, overlays, list, reading marks, prompts, screens), and every action ends by
// bringing the state back to the viewport and recording what was read. No terminal here; the
// Ink components only map keys to actions and draw what this state says.
import { emptyReadingState, lastArticle, type ReadingState } from '../state/readingState.js';
import type { Command } from './commands.js';
import { articlesInOrder, listCommands, normalizeList } from './articleList.js';
import { articleSearchCommands } from './articleSearch.js';
import { followCommands } from './followLinks.js';
import { historyCommands, openArticle } from './history.js';
import { linkFocusCommands } from './linkFocus.js';
import { followNumber, numberCommands } from './linkNumbers.js';
import type { CommandHandler, NavigationAction, NavigationEnv, NavigationState } from './navigationState.js';
import { overlayCommands } from './overlays.js';
import { promptCommands } from './prompts.js';
import { readingCommands, syncReading } from './readingMarks.js';
import { screenCommands } from './screens.js';
import { scrollCommands } from './scrolling.js';
import { normalizeVisit } from './visit.js';

/** Every command, carried out by its concern (the type check makes sure none is left out). */
const COMMAND_HANDLERS = {
  ...scrollCommands,
  ...listCommands,
  ...linkFocusCommands,
  ...followCommands,
  ...numberCommands,
  ...historyCommands,
  ...screenCommands,
  ...promptCommands,
  ...articleSearchCommands,
  ...overlayCommands,
  ...readingCommands,
} satisfies Record<Command, CommandHandler>;

/**
 * The state to start from: the list with the last-read article of this library selected (so
 * Enter resumes it), or `open` at its saved position. `reading` is what was saved before.
 */
export function initialNavigationState(env: NavigationEnv, open?: { id: string; heading?: string }, reading?: ReadingState): NavigationState {
  const first = articlesInOrder(env.library)[0];
  const readingState = reading ?? emptyReadingState();
  const last = lastArticle(readingState, env.library.roots);
  const selected = last !== undefined && env.library.byId.has(last) ? last : first ? first.id : null;
  let state: NavigationState = {
    screen: 'list',
    history: [],
    index: -1,
    list: { selectedId: selected, top: 0, query: '', prompt: false },
    help: { open: false, top: 0 },
    digits: null,
    message: null,
    quit: false,
    search: null,
    overlay: null,
    reading: readingState,
    openRequest: null,
  };
  if (open && env.library.byId.has(open.id)) state = navigationReducer(state, { type: 'open', resume: true, ...open }, env);
  return state;
}

export function navigationReducer(state: NavigationState, action: NavigationAction, env: NavigationEnv): NavigationState {
  let next: NavigationState;
  switch (action.type) {
    case 'command':
      next = COMMAND_HANDLERS[action.command]({ ...normalizeVisit(state, env), message: null }, env, action.text ?? '');
      break;
    case 'open':
      next = openArticle(normalizeVisit(state, env), env, action.id, action.heading, action.resume ? 'resume' : undefined);
      break;
    case 'resize':
      next = state;
      break;
    case 'numberTimeout':
      next = state.digits !== null ? followNumber(state, env, Number(state.digits)) : state;
      break;
    case 'message':
      next = { ...state, message: action.message };
      break;
  }
  // Overlays belong to the article they were opened on.
  if (next.overlay && (next.screen !== 'article' || next.index !== state.index)) next = { ...next, overlay: null };
  // A search prompt closes when the article changes under it.
  if (next.search?.prompt && (next.screen !== 'article' || next.index !== next.search.origin.index)) next = { ...next, search: { ...next.search, prompt: false } };
  return syncReading(state, normalizeList(normalizeVisit(next, env), env), env);
}
