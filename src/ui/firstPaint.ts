// The first screen, painted as plain text before Ink has loaded (Ink, React and yoga take a
// few hundred milliseconds to start). It is the same frame the Ink app draws first — same
// state, same views — so Ink's first render lands on it without a visible jump. Raw mode is
// taken at once, so keys typed meanwhile wait in the terminal and Ink answers them.
import type { Library } from '../library/types.js';
import { initialNavigationState, navigationReducer, simpleFilter } from '../navigation/index.js';
import { createReadingStore, type ReadingStore } from '../state/readingStore.js';
import type { LoadedState } from '../state/stateStore.js';
import { layoutOf, readerEnv } from './readerLayout.js';
import type { RenderById } from './renderCache.js';
import { frameOf } from './views.js';
import { DEFAULT_LOOK, type ReaderLook } from './readerLook.js';
import { sanitizeLine } from '../text/sanitize.js';

import { ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, HOME, holdTerminal } from './terminalModes.js';
import { takeEarlyFrame } from './frameSnapshot.js';

export { ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN, HIDE_CURSOR, SHOW_CURSOR, SIGNAL_EXIT, ENDING_SIGNALS, type EndingSignal } from './terminalModes.js';

export interface FirstPaintOptions {
  library: Library;
  /** Layouts, when an article is opened at once (the list needs none: then `bodiesPending`). */
  render: RenderById;
  openId?: string;
  stateDir: string;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Keys, colours and width from the config file. */
  look?: ReaderLook;
  /** A message for the status line from the start ("reading pages 0/130"). */
  status?: string;
}

/** A cold start's screen until its first frame: the status line alone, saying how far reading the files has got. */
export interface LoadingScreen {
  show(text: string): void;
  /** The first frame is about to be painted (it takes the screen and the exit handlers over); or, with `restore`, the start failed: the terminal back as it was. */
  end(options?: { restore: boolean }): void;
}

/**
 * The alternate screen with a status line at its foot ("broadsheet · reading files 1250/100000"),
 * shown at once when the library has no index yet: reading 100,000 files takes seconds. Until
 * the first frame, any way out gives the terminal back.
 */
export function startLoadingScreen(stdout: NodeJS.WriteStream, text: string): LoadingScreen {
  const held = holdTerminal(stdout);
  const show = (line: string) => stdout.write(`\u001b[${stdout.rows || 24};1H${sanitizeLine(`broadsheet · ${line}`)}\u001b[K`);
  stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
  show(text);
  return {
    show,
    end(options) {
      held.release();
      if (options?.restore) held.restore();
    },
  };
}

/** What the Ink app takes over from the first paint: state, layouts, and the screen. */
export interface FirstFrame {
  store: ReadingStore;
  loaded: LoadedState;
  /** True when the frame is on the alternate screen already. */
  painted: boolean;
  /** Called once the app has its own exit handlers. */
  handOver(): void;
}

/**
 * Loads the reading state and paints the first frame. A corrupt state file is left for the
 * app to set aside and report, so in that case nothing is painted early.
 */
/** The first frame's text (rows joined as the terminal is written to), from this library and state. */
export function firstFrameText(options: Pick<FirstPaintOptions, 'library' | 'render' | 'openId' | 'look' | 'status'>, state: LoadedState['state'], size: { columns: number; rows: number }): string {
  const look = options.look ?? DEFAULT_LOOK;
  const { columns, height } = layoutOf(size, look.maxWidth);
  const env = readerEnv(options.library, options.render, size, simpleFilter, look);
  const start = initialNavigationState(env, options.openId !== undefined ? { id: options.openId } : undefined, state);
  const initial = options.status ? { ...start, message: options.status } : start;
  const frame = frameOf(navigationReducer(initial, { type: 'resize' }, env), env, columns, height, look);
  return (height > 0 ? [...frame.body, frame.status] : [frame.status]).join('\r\n');
}

/** The terminal's size as the first frame is laid out at. */
export const terminalSizeOf = (stdout: NodeJS.WriteStream) => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

export function paintFirstFrame(options: FirstPaintOptions): FirstFrame {
  const { stdin, stdout } = options;
  const store = createReadingStore(options.stateDir);
  const loaded = store.load();
  // A frame kept from the last run may be on screen already (frameSnapshot.ts): its handlers go, these take over.
  const early = takeEarlyFrame();
  early?.release();
  if (loaded.warning) {
    early?.restore();
    return { store, loaded, painted: false, handOver: () => undefined };
  }
  const text = firstFrameText(options, loaded.state, terminalSizeOf(stdout));

  // Until the app takes over, any way out gives the terminal back.
  const held = holdTerminal(stdout, stdin);
  if (stdin.isTTY) stdin.setRawMode(true);
  // Ink draws its frame from where the cursor is: leave it at the top-left corner. The kept
  // frame is written again only when it is not this one (it was made for the same files, so it is).
  if (early?.text !== text) stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + text + HOME);
  return { store, loaded, painted: true, handOver: held.release };
}
