// The interactive reader: load the library, find the keyboard, paint the first frame at once,
// then hand over to the Ink app (which takes a few hundred milliseconds to load).
import { openSync } from 'node:fs';
import { join } from 'node:path';
import tty from 'node:tty';
import { loadBodies, loadHighlighter, loadReaderUi, type SettingsLoad } from '../startup.js';
import { cacheDirectory, configFile, stateDirectory } from '../state/statePaths.js';
import { loadLibrary, readIndexedLibrary } from '../library/index.js';
import { firstFrameText, paintFirstFrame, startLoadingScreen, terminalSizeOf, type LoadingScreen } from '../ui/firstPaint.js';
import { keepFrame } from '../ui/frameSnapshot.js';
import { createReadingStore } from '../state/readingStore.js';
import { STATE_FILE } from '../state/stateStore.js';
import { libraryIndexFile } from '../library/libraryCache.js';
import { bodiesPending, createRenderCache } from '../ui/renderCache.js';
import { CommandError } from './commandError.js';
import { findArticle } from './findArticle.js';
import { extractWhileReading, openLibraryForReading } from './openLibrary.js';
import { mergeLibraryUpdates } from '../library/libraryUpdates.js';
import { problemSummary, type Settings } from '../config/settings.js';
import { DEFAULT_LOOK, type ReaderLook } from '../ui/readerLook.js';
import { chooseHyperlinks } from './outputOptions.js';

export interface ReadOptions {
  paths: string[];
  open?: string;
  color: boolean;
  settings: SettingsLoad;
}

export async function readCommand(options: ReadOptions): Promise<number> {
  const since = Date.now();
  const { library, refresh, openId, stdin, stdout, opened, pages, firstFrame } = await firstFrameThenWhole(options);
  pages?.start();
  refresh?.start(library);
  const [{ runReader }, bodies, settings, { readInPlace }] = await Promise.all([loadReaderUi(), opened ?? loadBodies(library), options.settings.loading, import('./readInPlace.js')]);
  // Pages read in place (R, a) and kept (s) publish beside the background extraction and the freshness check.
  const inPlace = readInPlace(options.paths, library, mergeLibraryUpdates(pages?.updates, refresh?.updates));
  // Watching starts once the reader has drawn (runReader): it never delays the first frame. It
  // reads saved pages by their metadata pass, as the start did (extraction is the workers').
  const cacheDir = cacheDirectory();
  const watch = settings.watch.value
    ? { paths: options.paths, load: (paths: string[]) => loadLibrary(paths, { cacheDir, pages: 'metadata' }), ignore: [cacheDir, stateDirectory()], since }
    : undefined;
  try {
    const code = await runReader({ library, bodies, openId, stdin, stdout, color: options.color, firstFrame, look: lookOf(settings), configMessage: problemSummary(settings), loadHighlighter, mouse: settings.mouse.value, updates: inPlace.updates, web: inPlace.web, status: pages?.status, watch, editor: settings.editor.value });
    if (code === 0) keepNextFrame(options, cacheDir);
    return code;
  } finally {
    pages?.stop();
    refresh?.stop();
  }
}

/**
 * The first frame on screen, then the whole library (from an index: its links read). In a
 * function of its own so that what only the first frame needed (from an index, every article
 * without its links: 50 MB at 100,000) is let go when it returns, not held for the session.
 */
async function firstFrameThenWhole(options: ReadOptions) {
  // A warm start paints from the library's index: it parses no file (no parser is loaded before
  // the first frame) and stats none; the freshness check follows the first frame (SPEC §5).
  // A cold start reads every file (seconds for a large library): a progress line at once.
  const cold: { screen: LoadingScreen | null } = { screen: null };
  const coldStart = () => {
    const screen = startLoadingScreen(process.stdout, 'reading the library');
    cold.screen = screen;
    return ({ done, total }: { done: number; total: number }) => screen.show(`reading files ${done}/${total}`);
  };
  let started: Awaited<ReturnType<typeof startReader>>;
  try {
    started = await startReader(options, coldStart);
  } catch (error) {
    // A REF not found, no terminal for the keys: the message goes to the terminal as it was.
    cold.screen?.end({ restore: true });
    throw error;
  }
  cold.screen?.end();
  const { reading, refresh, first, openId, stdin, stdout, opened, firstLook, render } = started;
  // Ink is loaded only once the first frame is on screen: loading it takes the thread. Saved
  // pages read by their metadata pass only are extracted meanwhile, in worker threads; the
  // status line counts them ("reading pages 0/130" from the first frame on).
  const pages = extractWhileReading(options.paths, first);
  const firstFrame = paintFirstFrame({ library: first, render, openId, stateDir: stateDirectory(), stdin, stdout, look: firstLook, status: pages?.status });
  // Everything after the first frame has the whole library (from an index: its links now).
  const library = await reading.whole();
  return { library, refresh, openId, stdin, stdout, opened, pages, firstFrame };
}

/**
 * The frame the next start with these arguments will paint, laid out now from what it will read
 * (the index, the reading state, the config file's absence) and kept for it (ui/frameSnapshot.ts),
 * with those files: the next start paints it before it loads anything else while they are as
 * they are now. Not for a start that opens an article (its frame is laid out from the body).
 */
function keepNextFrame(options: ReadOptions, cacheDir: string): void {
  if (options.open !== undefined || !process.stdout.isTTY) return;
  try {
    const indexed = readIndexedLibrary(options.paths, { cacheDir });
    if (!indexed) return;
    const stateDir = stateDirectory();
    const loaded = createReadingStore(stateDir).load();
    if (loaded.warning) return;
    const look = options.settings.ready ? lookOf(options.settings.ready) : DEFAULT_LOOK;
    const status = extractWhileReading(options.paths, indexed.listed)?.status;
    const text = firstFrameText({ library: indexed.listed, render: bodiesPending, look, status }, loaded.state, terminalSizeOf(process.stdout));
    keepFrame(process.argv.slice(2), text, [libraryIndexFile(cacheDir, options.paths), join(stateDir, STATE_FILE), configFile()]);
  } catch {
    // No frame kept: the next start paints as usual.
  }
}

/** Everything the first frame needs: the library (or its list), the keyboard, and an article laid out when one is opened at once. */
async function startReader(options: ReadOptions, coldStart: () => (progress: { done: number; total: number }) => void) {
  const reading = await openLibraryForReading(options.paths, coldStart);
  const { refresh } = reading;
  const openId = options.open === undefined ? undefined : findArticle(reading.first, options.open).id;
  // An article opened at once shows its links in the first frame: the whole library first.
  const first = openId !== undefined ? await reading.whole() : reading.first;
  const stdin = keyboard();
  const stdout = process.stdout;
  // The list, the usual first frame, lays out no article: bodies (the parsers and the renderer)
  // are loaded after it, unless an article is opened at once.
  const opened = openId !== undefined ? await loadBodies(first) : null;
  // A config file is parsed before the first frame only when an article is opened at once (its
  // layout depends on the theme and width, and the bodies loaded the YAML parser anyway); the
  // list's first frame is painted with the defaults and the reader takes the settings after it.
  const early = options.settings.ready ?? (opened ? await options.settings.loading : null);
  const firstLook = early ? lookOf(early) : DEFAULT_LOOK;
  const render = opened ? createRenderCache(opened.store, opened.renderArticle, options.color, { theme: firstLook.theme, hyperlinks: firstLook.hyperlinks }) : bodiesPending;
  return { reading, refresh, first, openId, stdin, stdout, opened, firstLook, render };
}

function lookOf(settings: Settings): ReaderLook {
  return { keys: settings.keys, theme: settings.look, maxWidth: settings.width.value ?? undefined, hyperlinks: chooseHyperlinks(settings.hyperlinks.value, process.stdout) };
}

/** Keys come from stdin, or from the controlling terminal when stdin is a pipe (as less does). */
function keyboard(): NodeJS.ReadStream {
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new tty.ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    throw new CommandError('the reader needs a terminal for its keys; use `broadsheet list` or `broadsheet show REF` in pipes', 2);
  }
}
