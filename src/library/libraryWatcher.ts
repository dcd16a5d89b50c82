// Live reload's change detection: the library's folders watched (one watch per folder, by the
// scanner's own rules: no dot-folders such as .git or .obsidian, no node_modules, never the app's
// cache or state folders), changes gathered until they pause (debounced), then the library
// loaded again through the one loader and its cache (only the files that changed are read) and
// published with what changed. Where a folder cannot be watched (the system's limit on watches,
// a file system without change events) its root is polled instead, and a notice says so once.
// A folder that vanishes is a change like any other; nothing here throws.
//
// Node's own `fs.watch(root, { recursive: true })` is not used: on Linux, Node 20 sets it up by
// walking the whole tree synchronously (440 ms for 10,000 files here, with the reader unable to
// take a key meanwhile) and it watches .git and node_modules too.
import { watch, statSync, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Library } from './types.js';
import { isNoChange, libraryChange, type LibraryUpdate } from './libraryUpdates.js';
import { isInsideRoot } from './containment.js';
import { isFolder, isSkippedName, LibraryPathError, scanLibrarySync } from './scanLibrary.js';

export interface WatchOptions {
  /** Loads the library from these paths: the same loader, and cache, the library came from. */
  load(paths: string[]): Promise<Library>;
  publish(update: LibraryUpdate): void;
  /** Folders never watched, nor reacted to (the cache and state folders: the reader writes there). */
  ignore?: readonly string[];
  /** Quiet time after the last change before reloading (ms, default 150). */
  debounceMs?: number;
  /** Changes that never pause reload at least this often (ms, default 1000). */
  maxWaitMs?: number;
  /** Shortest time between polls where watching fails (ms, default 2000); longer for a large library. */
  pollMs?: number;
  /**
   * When the library was read (ms since the epoch, taken before the scan): what changed between
   * then and each folder's watch is found by the files' and folders' times, and reloaded.
   */
  since?: number;
  /** Sets up one folder's watch (default: fs.watch); tests pass one that fails. */
  watchFolder?: (folder: string, onChange: (name: string | null) => void, onError: () => void) => { close(): void };
}

export interface LibraryWatcher {
  /** Settles once every folder is watched (or its root polled). */
  readonly ready: Promise<void>;
  close(): void;
}

const defaultWatchFolder: NonNullable<WatchOptions['watchFolder']> = (folder, onChange, onError) => {
  const watcher: FSWatcher = watch(folder, { persistent: false }, (_event, name) => onChange(name === null ? null : String(name)));
  watcher.on('error', onError);
  return watcher;
};

/** Files stat'ed at once when catching up with changes made before a folder was watched. */
const CATCH_UP_BATCH = 32;

/** A poll costs at most this share of one core: a library that takes 40 ms to stat is polled every 2 s. */
const POLL_SHARE = 0.02;

/** Watch the library loaded from `paths` (as given on the command line); `library` is what was loaded. */
export function watchLibrary(paths: readonly string[], library: Library, options: WatchOptions): LibraryWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const pollMs = options.pollMs ?? 2000;
  const watchFolder = options.watchFolder ?? defaultWatchFolder;
  const ignore = (options.ignore ?? []).map((dir) => path.resolve(dir));
  const given = paths.map((p) => path.resolve(p));

  let current = library;
  let closed = false;
  const folders = new Map<string, { close(): void }>();
  /** Files (absolute paths) changed since the last reload; a folder's path when the event named no file. */
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let firstPending = 0;
  let reloading = false;
  let again = false;
  let pollTimer: NodeJS.Timeout | null = null;
  /** Roots polled instead of watched: their files' stamps as last seen. */
  const polled = new Map<string, Map<string, string>>();
  const gone = new Set<string>();
  const told = new Set<string>();

  const ignored = (p: string) => ignore.some((dir) => isInsideRoot(dir, p));
  const notice = (key: string, status: string) => {
    if (closed || told.has(key)) return;
    told.add(key);
    options.publish({ library: current, change: { changed: [], added: [], removed: [] }, status });
  };

  // ---- Gathering changes --------------------------------------------------------------------
  const changed = (absPath: string) => {
    if (closed) return;
    pending.add(absPath);
    const now = Date.now();
    if (timer === null) firstPending = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = setTimeout(reload, wait);
    timer.unref();
  };

  const onFolderEvent = (folder: string, name: string | null) => {
    if (name === null) return changed(folder);
    // Editors' swap and backup files start with a dot (.note.md.swp); .git is a dot-folder.
    if (name.split(path.sep).some(isSkippedName)) return;
    const absPath = path.join(folder, name);
    if (ignored(absPath)) return;
    // A folder made (or moved in) is watched too; what it already holds is found by the reload.
    if (!folders.has(absPath) && isFolder(absPath)) void watchTree(rootOf(absPath), absPath);
    changed(absPath);
  };

  const rootOf = (absPath: string) => given.find((root) => isInsideRoot(root, absPath)) ?? path.dirname(absPath);

  // ---- Watching ------------------------------------------------------------------------------
  /** Watch `folder` and every folder below it; false when a watch could not be set up. */
  async function watchTree(root: string, folder: string): Promise<boolean> {
    if (closed || polled.has(root) || folders.has(folder) || ignored(folder)) return true;
    try {
      const watcher = watchFolder(
        folder,
        (name) => onFolderEvent(folder, name),
        () => {
          // The folder went away (or the watch broke): let it go; the reload finds what is there.
          folders.get(folder)?.close();
          folders.delete(folder);
          changed(folder);
        },
      );
      folders.set(folder, watcher);
    } catch (error) {
      if (!isFolder(folder)) return true; // gone before it could be watched: nothing to watch
      startPolling(root, error);
      return false;
    }
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return true; // unreadable or gone: the watch on its parent sees it come back
    }
    if (options.since !== undefined) await catchUp(folder, entries.filter((e) => !e.isDirectory() && !isSkippedName(e.name)).map((e) => e.name), options.since);
    for (const entry of entries) {
      if (closed) return true;
      if (!entry.isDirectory() || isSkippedName(entry.name)) continue;
      if (!(await watchTree(root, path.join(folder, entry.name)))) return false;
    }
    return true;
  }

  /**
   * Changes made after the library was read and before `folder` was watched (the reader draws
   * its first frame, then watches): a file or the folder itself (an entry added or removed)
   * modified since then. A little slack, as file times come from a coarser clock: a change seen
   * twice is one reload that finds nothing new.
   */
  async function catchUp(folder: string, names: string[], since: number) {
    const modified = async (p: string) => {
      try {
        return (await stat(p)).mtimeMs >= since - 50;
      } catch {
        return true; // gone since the listing: a change
      }
    };
    if (await modified(folder)) changed(folder);
    // A few stats at a time: a folder of 10,000 notes stat'ed all at once holds 10,000 pending
    // stats and their results together (hundreds of MB at 100,000 files), where a few dozen
    // in flight are as fast and die young.
    for (let from = 0; from < names.length && !closed; from += CATCH_UP_BATCH) {
      const batch = names.slice(from, from + CATCH_UP_BATCH);
      const files = await Promise.all(batch.map(async (name) => ((await modified(path.join(folder, name))) ? name : null)));
      for (const name of files) if (name !== null) changed(path.join(folder, name));
    }
  }

  /** A root given as a folder is watched with its folders; a file given directly, through its folder. */
  async function watchRoot(root: string): Promise<void> {
    let folder = root;
    try {
      if (!statSync(root).isDirectory()) folder = path.dirname(root);
    } catch {
      gone.add(root);
      schedulePoll();
      return;
    }
    if (folder !== root) {
      const file = path.basename(root);
      if (folders.has(`${folder}\u0000${file}`)) return;
      try {
        const watcher = watchFolder(folder, (name) => name === file && changed(root), () => changed(root));
        folders.set(`${folder}\u0000${file}`, watcher);
      } catch (error) {
        startPolling(root, error);
      }
      return;
    }
    await watchTree(root, root);
  }

  // ---- Polling where watching fails ----------------------------------------------------------
  function startPolling(root: string, error: unknown) {
    if (polled.has(root)) return;
    for (const [folder, watcher] of folders) {
      if (isInsideRoot(root, folder.split('\u0000')[0])) {
        watcher.close();
        folders.delete(folder);
      }
    }
    polled.set(root, stampsOf(root));
    const code = (error as NodeJS.ErrnoException)?.code ?? 'unsupported';
    notice(`poll:${root}`, `watching ${root} by polling (${code}: it cannot be watched)`);
    schedulePoll();
  }

  function schedulePoll(delay = pollMs) {
    if (closed || pollTimer !== null) return;
    pollTimer = setTimeout(poll, delay);
    pollTimer.unref();
  }

  function poll() {
    pollTimer = null;
    if (closed) return;
    const started = performance.now();
    for (const root of [...gone]) {
      if (!exists(root)) continue;
      // Back (restored, remounted): watched again, and read.
      gone.delete(root);
      told.delete(`gone:${root}`);
      void watchRoot(root);
      changed(root);
    }
    for (const [root, before] of polled) {
      const now = stampsOf(root);
      for (const [file, stamp] of now) if (before.get(file) !== stamp) changed(file);
      for (const file of before.keys()) if (!now.has(file)) changed(file);
      polled.set(root, now);
    }
    if (polled.size > 0 || gone.size > 0) schedulePoll(Math.max(pollMs, (performance.now() - started) / POLL_SHARE));
  }

  // ---- Reloading -----------------------------------------------------------------------------
  async function reload() {
    timer = null;
    if (closed) return;
    if (reloading) {
      again = true;
      return;
    }
    reloading = true;
    const paths = [...pending];
    pending.clear();
    try {
      const next = await loadExisting();
      if (closed) return;
      // An event that named no file stands for the files of its folder.
      const changedPaths = new Set(paths);
      const touched = [...current.articles, ...next.articles].filter((a) => changedPaths.has(a.absPath) || changedPaths.has(path.dirname(a.absPath))).map((a) => a.id);
      const change = libraryChange(current, next, touched);
      current = next;
      if (!isNoChange(change)) options.publish({ library: next, change });
      pruneFolders();
    } catch (error) {
      notice(`error:${error instanceof Error ? error.message : String(error)}`, `could not reload the library: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      reloading = false;
      if (again && !closed) {
        again = false;
        void reload();
      }
    }
  }

  /** The library from the paths that still exist; one that vanished is said once, and looked for again. */
  async function loadExisting(): Promise<Library> {
    const present = paths.filter((p) => exists(path.resolve(p)));
    for (const p of paths) {
      const abs = path.resolve(p);
      if (present.includes(p)) continue;
      gone.add(abs);
      notice(`gone:${abs}`, `${p} is gone; its articles left the list`);
      schedulePoll();
    }
    if (present.length === paths.length) {
      try {
        return await options.load([...paths]);
      } catch (error) {
        if (!(error instanceof LibraryPathError)) throw error;
        // Vanished between the look and the load: the next event or poll tries again.
      }
    }
    if (present.length > 0) {
      try {
        return await options.load(present);
      } catch (error) {
        if (!(error instanceof LibraryPathError)) throw error;
      }
    }
    return { ...current, articles: [], readingOrder: [], byId: new Map(), attachments: [], problems: [] };
  }

  /** Watches of folders that are gone are closed (their parent's watch sees them come back). */
  function pruneFolders() {
    for (const [key, watcher] of folders) {
      const folder = key.split('\u0000')[0];
      if (!isFolder(folder)) {
        watcher.close();
        folders.delete(key);
      }
    }
    // A root folder that was replaced (moved away and back) is watched again.
    for (const root of given) if (!gone.has(root) && !folders.has(root) && !polled.has(root) && isFolder(root)) void watchRoot(root);
  }

  const ready = Promise.all(given.map((root) => watchRoot(root))).then(
    () => undefined,
    () => undefined,
  );
  return {
    ready,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (pollTimer) clearTimeout(pollTimer);
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Every file of the root as the scanner finds it, with its size and mtime (what polling compares). */
function stampsOf(root: string): Map<string, string> {
  const stamps = new Map<string, string>();
  let scan;
  try {
    scan = scanLibrarySync([root]);
  } catch {
    return stamps;
  }
  for (const file of [...scan.files, ...scan.attachments]) {
    try {
      const st = statSync(file.absPath);
      stamps.set(file.absPath, `${st.size}:${st.mtimeMs}`);
    } catch {
      stamps.set(file.absPath, 'gone');
    }
  }
  return stamps;
}
