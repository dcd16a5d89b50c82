// Loads and saves ReadingState as one JSON file, atomically (temp file + rename), so a
// kill at any moment leaves either the old file or the new one. A save merges with what is on
// disk first (mergeReadingStates), so two readers on one library keep each other's marks. A file
// that is corrupt or cannot be read is moved aside with a one-line warning and the reader
// starts clean; a file that can be neither read nor moved is never written over.
// There is no lock: two saves within the few milliseconds between one's read and its rename can
// still drop the earlier one's latest changes (they come back with that reader's next change).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriter } from '../startup.js';
import { emptyReadingState, isReadingState, mergeReadingStates, type ReadingState } from './readingState.js';

export const STATE_FILE = 'reading-state.json';

export interface LoadedState {
  state: ReadingState;
  /** Set when the file was unreadable or corrupt (and set aside, when that worked). */
  warning?: string;
  /** Why the file must not be written: it is there but could be neither read nor set aside. */
  mustNotWrite?: string;
}

const errCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Moves the state file out of the way, keeping its bytes, under a name that says why. */
function setAside(path: string, why: 'corrupt' | 'unreadable', detail: string): LoadedState {
  const aside = `${path}.${why}-${Date.now()}`;
  const what = why === 'corrupt' ? 'reading state was corrupt' : `reading state could not be read (${detail})`;
  try {
    renameSync(path, aside);
    return { state: emptyReadingState(), warning: `${what}; set aside as ${aside}, starting clean` };
  } catch (error) {
    return {
      state: emptyReadingState(),
      warning: `${what} and could not be set aside (${errCode(error)}); starting clean, nothing saved over it`,
      mustNotWrite: `${STATE_FILE} is ${why} and could not be set aside (${errCode(error)}); left as it is`,
    };
  }
}

export function loadReadingState(directory: string): LoadedState {
  const path = join(directory, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyReadingState() };
    // EACCES, EIO, EISDIR…: a history that may be perfectly good; keep it, out of the way.
    return setAside(path, 'unreadable', errCode(error));
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isReadingState(value)) return { state: value };
  } catch {
    // Falls through to setting the file aside.
  }
  return setAside(path, 'corrupt', '');
}

/** write-file-atomic names its temporary files `reading-state.json.<number>`. */
const TEMPORARY = new RegExp(`^${STATE_FILE.replace(/\./g, '\\.')}\\.\\d+$`);

/**
 * A temporary file older than this was left by a save that never finished (a `kill -9`): a
 * save takes milliseconds, so a younger one may be another reader's save under way.
 */
export const STALE_TEMPORARY_MS = 60_000;

/** Removes the temporary files interrupted saves left behind (run at start); never throws. */
export function removeStaleTemporaryFiles(directory: string, now: number = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!TEMPORARY.test(name)) continue;
    const path = join(directory, name);
    try {
      const stat = statSync(path);
      if (!stat.isFile() || now - stat.mtimeMs < STALE_TEMPORARY_MS) continue;
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

/** What a save did besides writing: a warning when the file on disk had to be set aside. */
export interface SavedState {
  warning?: string;
}

/**
 * Merges `state` with the file on disk and writes the result atomically (write-file-atomic: temp
 * file beside it, fsync, rename; readers see the old file or the new one). Throws, writing
 * nothing, when the file on disk can be neither read nor set aside.
 */
export function saveReadingState(directory: string, state: ReadingState): SavedState {
  mkdirSync(directory, { recursive: true });
  const onDisk = loadReadingState(directory);
  if (onDisk.mustNotWrite) throw new Error(onDisk.mustNotWrite);
  atomicWriter().sync(join(directory, STATE_FILE), `${JSON.stringify(mergeReadingStates(state, onDisk.state))}\n`, { mode: 0o600 });
  return onDisk.warning ? { warning: onDisk.warning } : {};
}
