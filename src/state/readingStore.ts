// Keeps the reading state on disk while the reader runs: loaded once at start (temporary files
// an interrupted save left are removed then), saved atomically and merged with what another
// reader saved meanwhile (stateStore) a moment after the reader leaves an article, after a pause
// in scrolling (debounced), and at once on every way out. Saving never runs inside a key's
// handling: the reader only marks the state changed; the write happens on a timer.
import { loadReadingState, removeStaleTemporaryFiles, saveReadingState, type LoadedState } from './stateStore.js';
import type { ReadingState } from './readingState.js';

export interface ReadingStore {
  readonly directory: string;
  /** Clean up after interrupted saves, then read the file (a corrupt or unreadable one is set aside; see LoadedState.warning). */
  load(): LoadedState;
  /** Where the newest state comes from when a save runs. */
  setSource(source: () => ReadingState): void;
  /** The state changed: save after a pause (restarted by every further change). */
  changed(): void;
  /** Save on the next turn of the event loop (after the frame is drawn). */
  saveSoon(): void;
  /** Save now if anything changed since the last save. */
  flush(): void;
  /** Stop timers (a flush is not implied). */
  dispose(): void;
  /** Who is told when a save fails (once) or had to set the file on disk aside (replaces ReadingStoreOptions.onError). */
  onError(listener: (message: string) => void): void;
}

export interface ReadingStoreOptions {
  /** Pause after the last change before a save (default 800 ms). */
  debounceMs?: number;
  /** Told once when a save fails (the reader shows it; it never stops the reader). */
  onError?(message: string): void;
}

export function createReadingStore(directory: string, options: ReadingStoreOptions = {}): ReadingStore {
  const debounceMs = options.debounceMs ?? 800;
  let reportError = options.onError;
  let source: (() => ReadingState) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let lastWritten: string | null = null;
  let failed = false;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const arm = (ms: number) => {
    clear();
    timer = setTimeout(() => {
      timer = null;
      store.flush();
    }, ms);
    timer.unref?.();
  };

  const store: ReadingStore = {
    directory,
    onError(listener) {
      reportError = listener;
    },
    load() {
      removeStaleTemporaryFiles(directory);
      const loaded = loadReadingState(directory);
      lastWritten = loaded.warning ? null : JSON.stringify(loaded.state);
      return loaded;
    },
    setSource(next) {
      source = next;
    },
    changed() {
      dirty = true;
      arm(debounceMs);
    },
    saveSoon() {
      dirty = true;
      arm(0);
    },
    flush() {
      clear();
      if (!dirty || !source) return;
      dirty = false;
      const state = source();
      const text = JSON.stringify(state);
      if (text === lastWritten) return;
      try {
        const saved = saveReadingState(directory, state);
        lastWritten = text;
        if (saved.warning) reportError?.(saved.warning);
      } catch (error) {
        if (!failed) reportError?.(`reading state not saved: ${(error as Error).message}`);
        failed = true;
      }
    },
    dispose: clear,
  };
  return store;
}
