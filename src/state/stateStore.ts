// Loads and saves ReadingState as one JSON file, atomically (temp file + rename), so a
// kill at any moment leaves either the old file or the new one. A corrupt file is moved
// aside with a one-line warning and the reader starts clean.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
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

let saves = 0;

/**
 * Write the state next to its file, flush it to disk, then rename it over the file: a reader
 * of the folder sees the old file or the new one, never half of one. (Done by hand rather than
 * with write-file-atomic, whose CommonJS code reads `__filename`, absent in our ESM bundle.)
 */
export function saveReadingState(directory: string, state: ReadingState): void {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, STATE_FILE);
  const temp = `${path}.${process.pid}.${++saves}.tmp`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(state)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
