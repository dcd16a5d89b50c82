// Loads and saves ReadingState as one JSON file, atomically (temp file + rename), so a
// kill at any moment leaves either the old file or the new one. A corrupt file is moved
// aside with a one-line warning and the reader starts clean.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
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

/** write-file-atomic: temp file beside it, fsync, rename; readers see the old file or the new one. */
export function saveReadingState(directory: string, state: ReadingState): void {
  mkdirSync(directory, { recursive: true });
  writeFileAtomic.sync(join(directory, STATE_FILE), `${JSON.stringify(state)}\n`, { mode: 0o600 });
}
