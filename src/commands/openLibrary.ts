// Loads the library for a command, through the metadata cache (BROADSHEET_CACHE_DIR or the
// platform's cache folder); a PATH that does not exist is a usage error (exit 2).
//
// Saved pages are read by their metadata pass first (what a list needs, a few ms a page). A
// command that needs their words and links too (`check`, `list --json`) asks for `whole`: the
// pages still pending are then extracted across cores, with a progress line on stderr when
// stderr is a terminal.
import { availableParallelism } from 'node:os';
import { loadLibrary, LibraryPathError } from '../library/index.js';
import type { Library } from '../library/types.js';
import { extractInBackground, extractLibrary, progressText, type ExtractionProgress } from '../library/pageExtraction.js';
import { createHeldLibraryChannel, type LibraryUpdates } from '../library/libraryUpdates.js';
import { UsageError } from './parseCommandLine.js';
import { cacheDirectory } from '../state/statePaths.js';

export interface OpenOptions {
  /** Extract every saved page before answering (default: their metadata pass only). */
  whole?: boolean;
  /** Where the progress of extraction is shown, when it is a terminal (the CLI passes stderr). */
  progress?: NodeJS.WriteStream;
}

export async function openLibrary(paths: string[], options: OpenOptions = {}): Promise<Library> {
  try {
    const library = await loadLibrary(paths, loadOptions());
    if (!options.whole || !library.pendingPages?.length) return library;
    const line = progressLine(options.progress);
    try {
      // A command waits for the pages: every core works on them.
      return await extractLibrary(paths, library, loadOptions(), { workers: availableParallelism(), onProgress: line?.show });
    } finally {
      line?.clear();
    }
  } catch (error) {
    if (error instanceof LibraryPathError) throw new UsageError(error.message);
    throw error;
  }
}

const loadOptions = () => ({ cacheDir: cacheDirectory(), pages: 'metadata' as const });

/** The reader's background extraction of the library's pending pages: its updates, the status to start with, and its switches. */
export interface ReadingExtraction {
  updates: LibraryUpdates;
  status: string;
  start(): void;
  stop(): void;
}

/** For a library opened with openLibrary: its pending pages extracted in the background; null when it has none. */
export function extractWhileReading(paths: string[], library: Library): ReadingExtraction | null {
  const total = library.pendingPages?.length ?? 0;
  if (total === 0) return null;
  const channel = createHeldLibraryChannel();
  let running: { stop(): void } | null = null;
  let stopped = false;
  return {
    updates: channel,
    status: progressText({ done: 0, total }),
    start() {
      if (!running && !stopped) running = extractInBackground(paths, library, loadOptions(), channel.publish);
    },
    stop() {
      stopped = true;
      running?.stop();
    },
  };
}

/** A progress line rewritten in place on a terminal; nothing on a pipe or a file. */
function progressLine(stream: NodeJS.WriteStream | undefined): { show: (p: ExtractionProgress) => void; clear: () => void } | null {
  if (!stream?.isTTY) return null;
  let shown = false;
  return {
    show(progress) {
      stream.write(`\r${progressText(progress)}\u001b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
