// The reader's navigation as a pure reducer (the Update of an Elm architecture). Each command
// is carried out by the module that owns the slice of state it changes; this module decides
// which context reads the keys (and so which prompt a typed key edits), and ends every action
// by bringing the state back to the viewport and recording what was read. No terminal here;
// the Ink components only map keys to actions and draw what this state says.
import { clickTarget, wheelCommand } from './pointer.js';
import { addressPrompt, cancelLoading, NO_WEB, webCommands, webLoaded } from './webPages.js';
import { emptyReadingState, lastArticle, type ReadingState } from '../state/readingState.js';
import type { Command, Context } from './commands.js';
import { acceptFilter, clearFilter, editFilter, listCommands, normalizeList } from './articleList.js';
import { acceptSearch, articleSearchCommands, cancelSearch, isTypingSearch, typeSearch } from './articleSearch.js';
import { deleteDigit, followNumber, historyCommands, openArticle, typeNumber } from './history.js';
import { currentVisit, replaceVisit, type CommandHandler, type CommandHandlers, type NavigationAction, type NavigationEnv, type NavigationState } from './navigationState.js';
import { overlayCommands } from './overlays.js';
import { readingCommands, syncReading } from './readingMarks.js';
import { normalizeVisit, viewportCommands } from './viewport.js';
import { forgetDeleted, libraryChanged } from './libraryChanged.js';
import { bookmarkCommands } from './bookmarks.js';
import { pickerCommands } from './pickers.js';
import { placeResumed, recordSession, restoredHistory } from './sessionHistory.js';
import { editingCommands } from './editing.js';

/** Which part of the key table applies now. */
export function contextOf(state: NavigationState): Context {
  if (state.help.open) return 'help';
  if (state.picker) return state.picker.kind;
  if (state.screen === 'article' && state.overlay) return state.overlay.kind;
  if (state.digits !== null) return 'number';
  if (state.web.address !== null) return 'address';
  if (state.screen === 'list') return state.list.prompt ? 'filter' : 'list';
  if (state.search?.prompt) return 'search';
  return 'article';
}

/** Everything but the last character (a whole code point). */
const withoutLast = (text: string) => [...text].slice(0, -1).join('');

/**
 * The prompts' keys (SPEC §3: printable keys and Backspace edit; Enter and Esc act), routed to
 * the prompt that is open: a related-link number, the article's search, or the list's filter.
 * Each prompt's editing is its owner's; only the routing is here.
 */
const promptCommands = {
  promptType: (state, env, text) => {
    if (state.digits !== null) return typeNumber(state, env, text);
    if (state.web.address !== null) return addressPrompt.type(state, text);
    if (isTypingSearch(state)) return typeSearch(state, env, state.search!.query + text);
    return editFilter(state, state.list.query + text);
  },
  promptDelete: (state, env) => {
    if (state.digits !== null) return deleteDigit(state);
    if (state.web.address !== null) return addressPrompt.delete(state);
    if (isTypingSearch(state)) return typeSearch(state, env, withoutLast(state.search!.query));
    return editFilter(state, withoutLast(state.list.query));
  },
  promptAccept: (state, env) => {
    if (state.digits !== null) return followNumber(state, env, Number(state.digits));
    if (state.web.address !== null) return addressPrompt.accept(state);
    if (isTypingSearch(state)) return acceptSearch(state, env);
    return acceptFilter(state, env);
  },
  promptCancel: (state) => {
    if (state.digits !== null) return { ...state, digits: null };
    if (state.web.address !== null) return addressPrompt.cancel(state);
    if (isTypingSearch(state)) return cancelSearch(state);
    return clearFilter(state);
  },
} satisfies CommandHandlers;

const quit: CommandHandler = (state) => ({ ...state, quit: true });

/** Every command, carried out by its owner (the type check makes sure none is left out). */
const COMMAND_HANDLERS = {
  ...viewportCommands,
  ...historyCommands,
  ...listCommands,
  ...articleSearchCommands,
  ...overlayCommands,
  ...readingCommands,
  ...bookmarkCommands,
  ...pickerCommands,
  ...editingCommands,
  ...promptCommands,
  ...webCommands,
  // q and Esc stop a page that is loading before they do anything else.
  toList: (state) => cancelLoading(state) ?? listCommands.toList(state),
  clearFilter: (state) => cancelLoading(state) ?? listCommands.clearFilter(state),
  quitFromList: quit,
  quit,
} satisfies Record<Command, CommandHandler>;

/**
 * The state to start from: the list with the last-read article of this library selected (so
 * Enter resumes it), or `open` at its saved position, with last run's history to go back and
 * forward in. `reading` is what was saved before.
 */
export function initialNavigationState(env: NavigationEnv, open?: { id: string; heading?: string }, reading?: ReadingState): NavigationState {
  const first = env.articles[0];
  const readingState = reading ?? emptyReadingState();
  const last = lastArticle(readingState, env.library.roots);
  const selected = last !== undefined && env.library.byId.has(last) ? last : first ? first.id : null;
  const { history, index } = restoredHistory(env, readingState);
  let state: NavigationState = {
    screen: 'list',
    history,
    index,
    list: { selectedId: selected, top: 0, query: '', prompt: false },
    help: { open: false, top: 0 },
    digits: null,
    message: null,
    quit: false,
    search: null,
    overlay: null,
    reading: readingState,
    openRequest: null,
    copyRequest: null,
    deleted: null,
    picker: null,
    editRequest: null,
    web: NO_WEB,
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
    case 'libraryChanged':
      next = libraryChanged(state, env, action.before, action.change, action.status);
      break;
    case 'wheel': {
      const wheel = wheelCommand(contextOf(state), action.down);
      next = state;
      for (let i = 0; wheel && i < wheel.times; i++) next = COMMAND_HANDLERS[wheel.command]({ ...normalizeVisit(next, env), message: null }, env, '');
      break;
    }
    case 'click': {
      const at = normalizeVisit(state, env);
      const target = clickTarget(at, env, contextOf(at), action.row, action.column);
      const visit = currentVisit(at);
      if (target?.kind === 'row') next = COMMAND_HANDLERS.openSelected({ ...at, list: { ...at.list, selectedId: target.id }, message: null }, env);
      else if (target?.kind === 'link' && visit) next = COMMAND_HANDLERS.followLink({ ...replaceVisit(at, { ...visit, focus: target.index }), message: null }, env);
      else next = state;
      break;
    }
    case 'webLoaded':
      next = webLoaded(normalizeVisit(state, env), env, action.seq, action);
      break;
  }
  // Overlays belong to the article they were opened on.
  if (next.overlay && (next.screen !== 'article' || next.index !== state.index)) next = { ...next, overlay: null };
  // A search prompt closes when the article changes under it.
  if (next.search?.prompt && (next.screen !== 'article' || next.index !== next.search.origin.index)) next = { ...next, search: { ...next.search, prompt: false } };
  // The recent-visits and bookmarks screens close when an article opens from them or behind them.
  if (next.picker && (next.screen !== state.screen || next.index !== state.index)) next = { ...next, picker: null };
  const shown = normalizeList(normalizeVisit(placeResumed(forgetDeleted(next, env), env), env), env);
  return recordSession(state, syncReading(state, shown, env), env);
}
