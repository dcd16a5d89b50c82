// Loads and saves ReadingState as one JSON file, atomically (temp file + rename), so a
// kill at any moment leaves either the old file or the new one. A corrupt file is moved
// aside with a one-line warning and the reader starts clean.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { emptyReadingState, isReadingState, type ReadingState } from './readingState.js';

export const STATE_FILE = 'reading-state.json';

export interface LoadedState {
  state: ReadingState;
  /** Set when the file was unreadable or corrupt and was set aside. */
  warning?: string;
}

export function loadReadingState(directory: string): LoadedState {
  const path = join(directory, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyReadingState() };
    return { state: emptyReadingState(), warning: `reading state could not be read (${(error as Error).message}); starting clean` };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isReadingState(value)) return { state: value };
  } catch {
    // Falls through to setting the file aside.
  }
  const aside = `${path}.corrupt-${Date.now()}`;
  try {
    renameSync(path, aside);
    return { state: emptyReadingState(), warning: `reading state was corrupt; set aside as ${aside}, starting clean` };
  } catch {
    return { state: emptyReadingState(), warning: 'reading state was corrupt and could not be set aside; starting clean' };
  }
}

// write-file-atomic (and signal-exit with it) is evaluated at the first save, not on the way to
// the reader's first frame, which only loads. `require` keeps that synchronous (esbuild turns it
// into a call that evaluates the bundled module then).
let atomic: typeof import('write-file-atomic') | undefined;
const writeFileAtomic = () =>
  (atomic ??= (typeof require === 'function' ? require('write-file-atomic') : createRequire(import.meta.url)('write-file-atomic')) as typeof import('write-file-atomic'));

/** write-file-atomic: temp file beside it, fsync, rename; readers see the old file or the new one. */
export function saveReadingState(directory: string, state: ReadingState): void {
  mkdirSync(directory, { recursive: true });
  writeFileAtomic().sync(join(directory, STATE_FILE), `${JSON.stringify(state)}\n`, { mode: 0o600 });
}
