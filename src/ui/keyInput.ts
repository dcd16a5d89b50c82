// From a key press to navigation: the key table decides the command in the context of the
// newest state (so keys arriving faster than frames are read right), the reducer carries it out.
import {
  contextOf,
  navigationReducer,
  type NavigationAction,
  type NavigationEnv,
  type NavigationState,
} from '../navigation/index.js';
import { commandFor, KEY_TABLE, keyPressFromInk, type InkKeyLike, type KeyPress, type KeyTable } from './keys.js';

export type ReaderAction = NavigationAction | { type: 'keys'; presses: KeyPress[] };

const CONTROL_KEYS: Record<string, KeyPress> = {
  '\r': { key: 'return', shift: false, ctrl: false, text: '' },
  '\n': { key: 'return', shift: false, ctrl: false, text: '' },
  '\t': { key: 'tab', shift: false, ctrl: false, text: '' },
  '\u007f': { key: 'backspace', shift: false, ctrl: false, text: '' },
  '\b': { key: 'backspace', shift: false, ctrl: false, text: '' },
  ' ': { key: 'space', shift: false, ctrl: false, text: ' ' },
};

function pressOfChar(ch: string): KeyPress {
  const control = CONTROL_KEYS[ch];
  if (control) return control;
  const code = ch.codePointAt(0)!;
  if (code >= 1 && code <= 26) return { key: String.fromCharCode(code + 96), shift: false, ctrl: true, text: '' };
  return { key: ch, shift: false, ctrl: false, text: ch };
}

/**
 * Ink hands over several characters at once when they arrive together (a paste, or keys typed
 * while a frame was drawn): read them one by one, so `/harbour\r` filters and opens.
 */
export function keyPresses(input: string, key: InkKeyLike): KeyPress[] {
  const press = keyPressFromInk(input, key);
  if (press.key !== 'text') return [press];
  return [...input].map(pressOfChar);
}

/** Run key presses through the key table and the navigation reducer. */
export function readerReducer(state: NavigationState, action: ReaderAction, env: NavigationEnv, keys: KeyTable = KEY_TABLE): NavigationState {
  if (action.type !== 'keys') return navigationReducer(state, action, env);
  let next = state;
  for (const press of action.presses) {
    if (next.quit) break;
    const command = commandFor(contextOf(next), press, keys);
    if (command) next = navigationReducer(next, { type: 'command', command, text: press.text }, env);
  }
  return next;
}
