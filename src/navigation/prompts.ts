// The prompts' keys (SPEC §3: printable keys and Backspace edit; Enter and Esc act), routed to
// the prompt that is open: a related-link number, the article's search, or the list's filter.
import { acceptFilter, clearFilter, editFilter } from './articleList.js';
import { acceptSearch, cancelSearch, isTypingSearch, typeSearch } from './articleSearch.js';
import { deleteDigit, followNumber, typeNumber } from './linkNumbers.js';
import type { CommandHandlers } from './navigationState.js';

/** Everything but the last character (a whole code point). */
const withoutLast = (text: string) => [...text].slice(0, -1).join('');

export const promptCommands = {
  promptType: (state, env, text) => {
    if (state.digits !== null) return typeNumber(state, env, text);
    if (isTypingSearch(state)) return typeSearch(state, env, state.search!.query + text);
    return editFilter(state, state.list.query + text);
  },
  promptDelete: (state, env) => {
    if (state.digits !== null) return deleteDigit(state);
    if (isTypingSearch(state)) return typeSearch(state, env, withoutLast(state.search!.query));
    return editFilter(state, withoutLast(state.list.query));
  },
  promptAccept: (state, env) => {
    if (state.digits !== null) return followNumber(state, env, Number(state.digits));
    if (isTypingSearch(state)) return acceptSearch(state, env);
    return acceptFilter(state, env);
  },
  promptCancel: (state) => {
    if (state.digits !== null) return { ...state, digits: null };
    if (isTypingSearch(state)) return cancelSearch(state);
    return clearFilter(state);
  },
} satisfies CommandHandlers;
