// Loads the library for a command, through the metadata cache (BROADSHEET_CACHE_DIR or the
// platform's cache folder); a PATH that does not exist is a usage error (exit 2).
//
// Saved pages are read by their metadata pass first (what a list needs, a few ms a page). A
// command that needs their words and links too (`check`, `list --json`) asks for `whole`: the
// pages still pending are then extracted across cores, with a progress line on stderr when
// stderr is a terminal.
import { availableParallelism } from 'node:os';
import { loadLibrary, LibraryPathError, type LoadOptions, libraryChange, linkIndexedLibrary, readIndexedLibrary, type IndexedLibrary } from '../library/index.js';
import type { FileStamps } from '../library/libraryCache.js';
import type { Library } from '../library/types.js';
import { extractInBackground, extractLibrary, progressText, type ExtractionProgress } from '../library/pageExtraction.js';
import { createHeldLibraryChannel, type LibraryUpdates } from '../library/libraryUpdates.js';
import { checkIndexFreshness } from '../library/indexFreshness.js';
import { UsageError } from './parseCommandLine.js';
import { cacheDirectory } from '../state/statePaths.js';

export interface OpenOptions {
  /** Extract every saved page before answering (default: their metadata pass only). */
  whole?: boolean;
  /** Where the progress of extraction is shown, when it is a terminal (the CLI passes stderr). */
  progress?: NodeJS.WriteStream;
  /** Told how many of the files that must be read have been, while they are (the reader's cold start). */
  onRead?: LoadOptions['onProgress'];
  /** Told when the files read are linked, before the cache is saved (LoadOptions.onLinked). */
  onLinked?: LoadOptions['onLinked'];
}

export async function openLibrary(paths: string[], options: OpenOptions = {}): Promise<Library> {
  try {
    const library = await loadLibrary(paths, { ...loadOptions(), ...(options.onRead ? { onProgress: options.onRead } : {}), ...(options.onLinked ? { onLinked: options.onLinked } : {}) });
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

// A cold start of a large library reads its files on every core (loadLibrary decides when it is worth it).
const loadOptions = () => ({ cacheDir: cacheDirectory(), pages: 'metadata' as const, workers: availableParallelism() });

/** Articles read afresh from which the reader collects the load's garbage at once (collectGarbage.ts). */
const COLLECT_FROM = 10_000;

/** The reader's library: from its index when there is one (no file looked at), else loaded; and the check that follows. */
export interface ReadingLibrary {
  /** What the first frame shows: the library, or from an index its list part (no links yet: for that frame only). */
  first: Library;
  /** The whole library, for everything after the first frame (from an index: its links decoded). */
  whole(): Promise<Library>;
  /** With a library from its index: the freshness check and its correction, to start after the first frame. */
  refresh: LibraryRefresh | null;
}

/** The freshness check of an indexed library, and the library loaded again when a file changed. */
export interface LibraryRefresh {
  updates: LibraryUpdates;
  /** Check the files against the index; `shown` is the library the reader was given. */
  start(shown: Library): void;
  stop(): void;
}

/**
 * For the reader (SPEC §5: a warm start does not grow with the library): the library's list as
 * its index last had it, at once; its links after the first frame (`whole`), then the stat of
 * every file (`refresh`), and what changed since the index was written is published like any
 * other change. Without an index, openLibrary's load, after `onCold` is called (for the
 * progress line, which the callback it returns keeps up to date).
 */
export async function openLibraryForReading(paths: string[], onCold?: () => LoadOptions['onProgress']): Promise<ReadingLibrary> {
  let indexed: IndexedLibrary | null;
  try {
    indexed = readIndexedLibrary(paths, loadOptions());
  } catch (error) {
    if (error instanceof LibraryPathError) throw new UsageError(error.message);
    throw error;
  }
  if (!indexed) {
    // No index: every file is read (seconds for a large library); `onCold` shows how far it is.
    // What reading a large library left behind is let go once linked, and again once the cache
    // is saved, before the reader's own work begins.
    const { collectGarbage } = await import('./collectGarbage.js');
    let large = false;
    const onLinked = (read: number) => {
      large = read >= COLLECT_FROM;
      if (large) collectGarbage();
    };
    const library = await openLibrary(paths, { onRead: onCold?.(), onLinked });
    if (large) collectGarbage();
    return { first: library, whole: async () => library, refresh: null };
  }
  // Let go of once linked: its list part (every article without links) is 50 MB at 100,000.
  let found: IndexedLibrary | null = indexed;
  /** The files' stamps the freshness check compares, once the links are read (none for a library loaded afresh). */
  let stamps: FileStamps | null = null;
  let whole: Promise<Library> | null = null;
  const linkedOrLoaded = async () => {
    const linked = linkIndexedLibrary(found!);
    found = null;
    if (linked) {
      stamps = linked.stamps;
      return linked.library;
    }
    // Links that do not read back (an index cut short): the library is loaded as without one.
    return openLibrary(paths);
  };
  return { first: indexed.listed, whole: () => (whole ??= linkedOrLoaded()), refresh: refreshIndexed(paths, indexed.attachments, () => stamps) };
}

/** `attachments`: the index's names of the other files links may name (IndexedLibrary's). */
function refreshIndexed(paths: string[], attachments: string, stampsRead: () => FileStamps | null): LibraryRefresh {
  const channel = createHeldLibraryChannel();
  let check: { stop(): void } | null = null;
  let stopped = false;
  return {
    updates: channel,
    start(shown) {
      const stamps = stampsRead();
      if (check || stopped || !stamps) return;
      const options = loadOptions();
      const running = checkIndexFreshness(paths, { stamps, attachments });
      check = running;
      void running.current.then(async (current) => {
        if (current || stopped) return;
        try {
          const library = await loadLibrary(paths, options);
          if (!stopped) channel.publish({ library, change: libraryChange(shown, library) });
        } catch {
          // A folder gone since the first frame: the watcher (or the next start) says so.
        }
      });
    },
    stop() {
      stopped = true;
      check?.stop();
    },
  };
}

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
