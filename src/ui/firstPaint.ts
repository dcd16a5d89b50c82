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

export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
export const HIDE_CURSOR = '\u001b[?25l';
export const SHOW_CURSOR = '\u001b[?25h';
const HOME = '\u001b[H';

/** The signals that end the reader, with their exit codes (128 + the signal's number); each leaves the terminal as it was found. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGQUIT: 131, SIGTERM: 143, SIGHUP: 129 } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT;
export const ENDING_SIGNALS = Object.keys(SIGNAL_EXIT) as EndingSignal[];

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
  const restore = () => {
    try {
      stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // The terminal may be gone.
    }
  };
  const onSignal = (signal: EndingSignal) => {
    restore();
    process.exit(SIGNAL_EXIT[signal]);
  };
  process.once('exit', restore);
  for (const signal of ENDING_SIGNALS) process.once(signal, onSignal);
  const show = (line: string) => stdout.write(`\u001b[${stdout.rows || 24};1H${sanitizeLine(`broadsheet · ${line}`)}\u001b[K`);
  stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
  show(text);
  return {
    show,
    end(options) {
      process.off('exit', restore);
      for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
      if (options?.restore) restore();
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
export function paintFirstFrame(options: FirstPaintOptions): FirstFrame {
  const { stdin, stdout } = options;
  const store = createReadingStore(options.stateDir);
  const loaded = store.load();
  if (loaded.warning) return { store, loaded, painted: false, handOver: () => undefined };

  const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const look = options.look ?? DEFAULT_LOOK;
  const { columns, height } = layoutOf(size, look.maxWidth);
  const env = readerEnv(options.library, options.render, size, simpleFilter, look);
  const start = initialNavigationState(env, options.openId !== undefined ? { id: options.openId } : undefined, loaded.state);
  const initial = options.status ? { ...start, message: options.status } : start;
  const frame = frameOf(navigationReducer(initial, { type: 'resize' }, env), env, columns, height, look);
  const lines = height > 0 ? [...frame.body, frame.status] : [frame.status];

  // Until the app takes over, any way out gives the terminal back.
  const restore = () => {
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
      stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // The terminal may be gone.
    }
  };
  const onSignal = (signal: EndingSignal) => {
    restore();
    process.exit(SIGNAL_EXIT[signal]);
  };
  process.once('exit', restore);
  for (const signal of ENDING_SIGNALS) process.once(signal, onSignal);
  if (stdin.isTTY) stdin.setRawMode(true);
  // Ink draws its frame from where the cursor is: leave it at the top-left corner.
  stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + lines.join('\r\n') + HOME);
  const handOver = () => {
    process.off('exit', restore);
    for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
  };
  return { store, loaded, painted: true, handOver };
}
