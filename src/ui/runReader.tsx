// Starts the reader on the alternate screen and gives the terminal back on every way out:
// q / Q / Ctrl-C, SIGINT / SIGQUIT / SIGTERM / SIGHUP, an error while drawing, an uncaught
// exception. Each path leaves the alternate screen, shows the cursor and turns raw mode off; an
// error is one line on stderr, never a stack on the screen.
// Ink (and the app, which imports it) is loaded here, after inkEnvironment has had its say.
import type { Library } from '../library/types.js';
import type { BodyStore } from '../library/bodyStore.js';
import type { ArticleFilter } from '../navigation/index.js';
import { createReadingStore } from '../state/readingStore.js';
import { cacheDirectory, stateDirectory } from '../state/statePaths.js';
import { letInkDraw } from './inkEnvironment.js';
import { atomicWriter } from '../startup.js';
import { systemOpener, type Opener } from './opener.js';
import { createRenderCache, renderCacheAfter, type ArticleRenderer, type Highlighting, type RenderById } from './renderCache.js';
import { createHeldLibraryChannel, createLibraryChannel, isNoChange, libraryChange, type LibraryUpdates } from '../library/libraryUpdates.js';
import { editorCommand, runEditor } from './editor.js';
import type { EditRequest } from '../navigation/index.js';
import { watchLibrary, type LibraryWatcher } from '../library/libraryWatcher.js';
import type { CodeHighlighter } from '../render/types.js';
import type { ReaderUpdate, ReaderUpdates, ReaderWeb } from './Reader.js';
import type { BodySource } from '../search/librarySearch.js';
import { DEFAULT_LOOK, type ReaderLook } from './readerLook.js';
import { MOUSE_OFF, MOUSE_ON, mouseFilteredInput } from './mouseInput.js';
import {
  ENDING_SIGNALS,
  ENTER_ALTERNATE_SCREEN,
  HIDE_CURSOR,
  LEAVE_ALTERNATE_SCREEN,
  SHOW_CURSOR,
  SIGNAL_EXIT,
  type EndingSignal,
  type FirstFrame,
} from './firstPaint.js';

export interface RunReaderOptions {
  library: Library;
  /** Open this article (an id) instead of the list. */
  openId?: string;
  /** Where keys come from (default process.stdin; the CLI passes /dev/tty when stdin is a pipe). */
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Colour in article text (the reader's own inverse-video highlights are always drawn). */
  color: boolean;
  /** Where bodies are read (the file as it is now, links resolved), and how they are laid out (memoised per id + width here). */
  bodies: { store: BodyStore; renderArticle: ArticleRenderer };
  /** The list filter (default: simple case-insensitive match). */
  filter?: ArticleFilter;
  /** Where a fatal error's one line goes (default process.stderr). */
  stderr?: NodeJS.WriteStream;
  /**
   * After a signal, end the process half a second later if something still holds it
   * (default true; tests turn it off).
   */
  exitAfterSignal?: boolean;
  /** Where reading state (positions, read marks, the last article) is kept (default stateDirectory()). */
  stateDir?: string;
  /** Where the search index is kept between runs (default cacheDirectory()). */
  cacheDir?: string;
  /** Opens external links (default: the system opener, loaded on first use). */
  opener?: Opener;
  /** The first frame painted before Ink loaded (firstPaint.ts), with its state and layouts. */
  firstFrame?: FirstFrame;
  /**
   * New libraries while the reader runs (live reload, saved pages read in the background): each
   * is shown at once, the reader's place kept (navigation/libraryChanged.ts).
   */
  updates?: LibraryUpdates;
  /** The editor command for `e` from the config file (null or none: $VISUAL, else $EDITOR, else vi). */
  editor?: string | null;
  /** Pages read in place and kept (`R`, `a`, `s`). */
  web?: ReaderWeb;
  /** Keys, colours and width from the config file. */
  look?: ReaderLook;
  /** A config file's problem, shown in the status line at start (one line). */
  configMessage?: string | null;
  /** A message for the status line from the start (the first paint's `status`). */
  status?: string;
  /** Mouse reporting on (wheel, clicks); it is turned off again on every way out. */
  mouse?: boolean;
  /** Loads the code highlighter, when an article with code in a language is first shown (none: code stays plain). */
  loadHighlighter?: () => Promise<CodeHighlighter>;
  /**
   * Live reload: watch the library's folders and show what changes (library/libraryWatcher.ts),
   * from the first frame on; `load` loads the paths again (the loader and cache the library
   * came from), `ignore` are folders the reader writes to.
   */
  watch?: { paths: readonly string[]; load(paths: string[]): Promise<Library>; ignore?: readonly string[]; debounceMs?: number; since?: number };
}

/**
 * Highlighting for the reader: the first article laid out with plain code for want of the
 * highlighter asks for it, after that frame; once it has loaded, those articles are published
 * as changed, so they are laid out again (in colour) the way an edited file would be.
 */
function readerHighlighting(load: (() => Promise<CodeHighlighter>) | undefined, latestLibrary: () => Library) {
  const channel = createLibraryChannel();
  const waiting = new Set<string>();
  let asked = false;
  const highlighting: Highlighting = {
    wanted(id) {
      waiting.add(id);
      if (asked || !load) return;
      asked = true;
      setImmediate(() =>
        load().then(
          (highlight) => {
            highlighting.highlight = highlight;
            channel.publish({ library: latestLibrary(), change: { changed: [...waiting], added: [], removed: [] } });
          },
          () => {
            // Code stays plain.
          },
        ),
      );
    },
  };
  return { highlighting, laidOutAgain: channel as LibraryUpdates };
}

/**
 * OSC 52: the terminal puts the text on the system clipboard (xterm, kitty, iTerm2, WezTerm,
 * tmux with set-clipboard…). Base64 keeps any byte of the text from acting inside the sequence.
 */
export function clipboardSequence(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * The library channel as the reader takes it: each new library with its body store (the same
 * file reader) and a render cache that keeps every layout but the changed articles'.
 */
export function readerUpdatesOf(updates: LibraryUpdates, library: Library, store: BodyStore, render: RenderById): ReaderUpdates & { library(): Library } {
  let current = { library, store, render };
  const listeners = new Set<(update: ReaderUpdate) => void>();
  let unsubscribe: (() => void) | null = null;
  return {
    /** The library last handed to the reader. */
    library: () => current.library,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= updates.subscribe((published) => {
        const { status } = published;
        // An update that says nothing changed is a status line: its library may be one the
        // reader has since moved past (the saved-page reader counts over the library it began with).
        const next = isNoChange(published.change) ? current.library : published.library;
        // What changed from the library shown (the publisher's last may be another: the watcher
        // and the saved-page reader publish independently); the ids it touched count as changed.
        const change = next === current.library ? published.change : libraryChange(current.library, next, [...published.change.changed, ...published.change.added]);
        const nextStore = next === current.library ? current.store : current.store.withLibrary(next);
        current = { library: next, store: nextStore, render: renderCacheAfter(current.render, nextStore, change) };
        const update: ReaderUpdate = { library: next, render: current.render, bodyText: bodyTextOf(nextStore), change, ...(status !== undefined ? { status } : {}) };
        for (const each of [...listeners]) each(update);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}

/** Bodies as text for search and "mentioned in", through the body store. */
const bodyTextOf =
  (store: BodyStore): BodySource =>
  (article) =>
    store.text(article.id);


/** Run the reader until the person quits; resolves with the process exit code. */
export async function runReader(options: RunReaderOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  // Before Ink is first loaded: it decides once, at load, whether it may draw (FIELD-NOTES).
  letInkDraw(stdout);
  // The reading state's writer before Ink: Ink hides the cursor through cli-cursor, whose
  // restore-cursor writes ESC[?25h on stderr at exit (signal-exit 3), unless write-file-atomic's
  // signal-exit 4 hooked the process first (as it did while the library cache was written with
  // it). The reader shows the cursor on the terminal itself as it ends; stderr may be a file.
  atomicWriter();
  const [{ render }, { Reader }, { ErrorBoundary, errorLine }] = await Promise.all([import('ink'), import('./Reader.js'), import('./ErrorBoundary.js')]);
  const stdin = options.stdin ?? process.stdin;
  const stderr = options.stderr ?? process.stderr;
  const first = options.firstFrame;
  const look = { ...(options.look ?? DEFAULT_LOOK), mouse: options.mouse === true };
  const { highlighting, laidOutAgain } = readerHighlighting(options.color ? options.loadHighlighter : undefined, () => updates.library());
  const renderById = createRenderCache(options.bodies.store, options.bodies.renderArticle, options.color, { theme: look.theme, hyperlinks: look.hyperlinks }, highlighting);
  const bodyText = bodyTextOf(options.bodies.store);
  // One channel into the reader: what the caller publishes, articles laid out again for the
  // highlighter, and what the watcher finds; held until the reader listens (nothing published
  // while Ink loads is lost).
  const channel = createHeldLibraryChannel();
  const fromCaller = options.updates?.subscribe(channel.publish);
  const fromHighlighter = laidOutAgain.subscribe(channel.publish);
  const updates = readerUpdatesOf(channel, options.library, options.bodies.store, renderById);
  let watcher: LibraryWatcher | null = null;
  // Reading state is loaded before the first frame (one small file); a corrupt one is set aside
  // and its one-line warning shown in the status line.
  let saveError: string | null = null;
  const onSaveError = (message: string) => {
    saveError = message;
  };
  const store = first?.store ?? createReadingStore(options.stateDir ?? stateDirectory());
  store.onError(onSaveError);
  const loaded = first?.loaded ?? store.load();

  // With the mouse on, Ink reads the keys from a stream without the mouse's reports.
  const mouse = options.mouse && stdin.isTTY ? mouseFilteredInput(stdin) : null;

  return new Promise<number>((resolve) => {
    let finished = false;
    let restored = false;

    const restoreTerminal = () => {
      if (restored) return;
      restored = true;
      try {
        if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
      } catch {
        // The terminal may already be gone (SIGHUP).
      }
      try {
        stdout.write((mouse ? MOUSE_OFF : '') + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
      } catch {
        // Same.
      }
    };

    const finish = (code: number, error?: unknown) => {
      if (finished) return;
      finished = true;
      try {
        // Save first: whatever happens while tearing down, the place is kept.
        store.flush();
      } catch {
        // Saving never stands in the way of leaving.
      }
      watcher?.close();
      fromCaller?.();
      fromHighlighter();
      try {
        instance.unmount();
      } catch {
        // Unmounting a broken tree can throw; the terminal still comes back below.
      }
      restoreTerminal();
      mouse?.stop();
      // Signal handlers go on the next turn: signal-exit (inside Ink) re-raises a signal that it
      // sees no other handler for, which would kill the process while we are still returning.
      setImmediate(() => {
        for (const [signal, handler] of signalHandlers) process.off(signal, handler);
      });
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
      process.off('exit', restoreTerminal);
      if (error !== undefined) stderr.write(`${errorLine(error)}\n`);
      else if (saveError !== null) stderr.write(`broadsheet: ${saveError}\n`);
      if (stdin !== process.stdin) {
        // Our own handle on the controlling terminal: close it so the process can end.
        stdin.pause();
        if (typeof (stdin as { destroy?: () => void }).destroy === 'function') stdin.destroy();
      } else {
        stdin.pause();
      }
      resolve(code);
    };

    const onSignal = (signal: EndingSignal) => {
      finish(SIGNAL_EXIT[signal]);
      // Whatever else still holds the event loop, a signalled reader ends.
      if (options.exitAfterSignal !== false) setTimeout(() => process.exit(SIGNAL_EXIT[signal]), 500).unref();
    };
    const signalHandlers = ENDING_SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const);
    const onUncaught = (error: unknown) => finish(1, error);

    for (const [signal, handler] of signalHandlers) process.on(signal, handler);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    process.on('exit', restoreTerminal);

    // After a first paint the screen is already there: entering again would clear it (a flash).
    stdout.write((first?.painted ? HIDE_CURSOR : ENTER_ALTERNATE_SCREEN + HIDE_CURSOR) + (mouse ? MOUSE_ON : ''));
    first?.handOver();

    const instance = render(
      <ErrorBoundary onError={(error) => setImmediate(() => finish(1, error))}>
        <Reader
          library={options.library}
          render={renderById}
          bodyText={bodyText}
          openId={options.openId}
          filter={options.filter}
          searchCacheDir={options.cacheDir ?? cacheDirectory()}
          reading={loaded.state}
          store={store}
          startMessage={loaded.warning ?? options.configMessage ?? options.status}
          opener={options.opener ?? systemOpener}
          updates={updates}
          web={options.web}
          look={look}
          copy={(text) => stdout.write(clipboardSequence(text))}
          mouse={mouse?.events}
          editor={editFile}
        />
      </ErrorBoundary>,
      { stdin: mouse?.input ?? stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 120 },
    );
    // `e`: the terminal handed to the editor (the reader has stopped reading keys), then taken
    // back and drawn afresh; the file is read again at once, the place kept (the watcher, if
    // on, also sees the change and brings the record up to date).
    async function editFile(request: EditRequest): Promise<string | null> {
      // The editor gets the terminal as a shell would give it: no mouse reports, cooked mode.
      stdout.write((mouse ? MOUSE_OFF : '') + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
      try {
        if (stdin.isTTY && typeof stdin.setRawMode === 'function') stdin.setRawMode(false);
      } catch {
        // Ink has given raw mode up already.
      }
      let message: string | null;
      try {
        message = runEditor(editorCommand(process.env, request.path, request.line, options.editor), stdin === process.stdin && stdin.isTTY === true);
      } finally {
        stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + (mouse ? MOUSE_ON : ''));
        instance.clear();
      }
      channel.publish({ library: updates.library(), change: { changed: [request.id], added: [], removed: [] } });
      return message;
    }

    const watch = options.watch;
    if (watch) {
      // After the first frame is on screen, and on a later turn: setting watches up never delays it.
      setImmediate(() => {
        if (finished) return;
        watcher = watchLibrary(watch.paths, options.library, { load: watch.load, publish: channel.publish, ignore: watch.ignore, debounceMs: watch.debounceMs, since: watch.since });
      });
    }
    instance.waitUntilExit().then(
      () => finish(0),
      (error: unknown) => finish(1, error),
    );
  });
}
