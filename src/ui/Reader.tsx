// The reader app: one reducer for navigation, the key table for input, and the visible lines
// drawn in a frame one line shorter than the terminal (a frame as tall as the terminal makes
// Ink clear the screen on every render).
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import type { Library } from '../library/types.js';
import type { LibraryChange } from '../library/libraryUpdates.js';
import {
  articlesInOrder,
  initialNavigationState,
  navigationReducer,
  readingSnapshot,
  createSimpleFilter,
  type ArticleFilter,
  type NavigationEnv,
  type NavigationState,
  type EditRequest,
} from '../navigation/index.js';
import { librarySearchFor, type BodySource, type LibrarySearch } from '../search/librarySearch.js';
import { buildMentionsIndexAsync, mentionsOf, updateMentionsIndex } from '../search/mentions.js';
import { searchFilter } from '../search/searchFilter.js';
import { mentionsKeeping, searchIndexKeeping } from '../search/searchIndexFile.js';
import type { ReadingState } from '../state/readingState.js';
import type { ReadingStore } from '../state/readingStore.js';
import { isOpenable, isOpenableFile, unopenedFileMessage, unopenedMessage, type Opener } from './opener.js';
import { keyPresses, readerReducer, type ReaderAction } from './keyInput.js';
import type { RenderById } from './renderCache.js';
import { useTerminalSize, type TerminalSize } from './terminalSize.js';
import { frameOf } from './views.js';
import { layoutOf, readerEnv } from './readerLayout.js';
import { DEFAULT_LOOK, type ReaderLook } from './readerLook.js';
import type { MouseEvents } from './mouseInput.js';

/** How long a partly typed related-link number waits before it is followed. */
export const NUMBER_PAUSE_MS = 1000;

/** A library as the reader shows it: the records, their layouts and their bodies as text. */
export interface ShownLibrary {
  library: Library;
  render: RenderById;
  bodyText: BodySource;
  /** The library this one updates, and what changed (so the indexes are updated, not rebuilt). */
  from?: { library: Library; change: LibraryChange };
}

/**
 * Pages read in place and kept (issue 16), carried out outside the UI (commands/webPages.ts): each
 * call publishes the library that holds the page through the library channel before it resolves.
 */
export interface ReaderWeb {
  read(url: string, signal: AbortSignal): Promise<{ id?: string; message: string }>;
  keep(id: string): Promise<{ id?: string; message: string }>;
  /** Pages read but not kept are shown, not listed. */
  isReadInPlace(absPath: string): boolean;
}

/** A new library for the running reader (runReader makes these from the library channel). */
export interface ReaderUpdate extends ShownLibrary {
  change: LibraryChange;
  status?: string;
}

export interface ReaderUpdates {
  subscribe(listener: (update: ReaderUpdate) => void): () => void;
}

export interface ReaderProps {
  library: Library;
  /** The article at a width; memoise it (createRenderCache does). */
  render: RenderById;
  /** Bodies as text, for search and "mentioned in" (read through the body store); none: titles and sections only. */
  bodyText?: BodySource;
  /** Start on this article instead of the list. */
  openId?: string;
  /** Fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  /** The list filter; default: ranked search over an index built after the first frame. */
  filter?: ArticleFilter;
  /** Where the search index is kept between runs, so a start reads only files changed since; none: built each run. */
  searchCacheDir?: string;
  /** Reading state saved before (read marks, positions, the last article). */
  reading?: ReadingState;
  /** Where reading state is saved while reading; none keeps it for this run only. */
  store?: ReadingStore;
  /** A warning to show in the status line at start (a corrupt state file set aside). */
  startMessage?: string;
  /** Opens external links (`o`); none: the URL is shown in the status line instead. */
  opener?: Opener;
  /** New libraries while the reader runs (live reload, saved pages read in the background). */
  updates?: ReaderUpdates;
  /** Reads pages in place (`R`, `a`) and keeps them (`s`); none: those keys say they cannot. */
  web?: ReaderWeb;
  /** Keys, colours and text width from the config file (default: broadsheet's own). */
  look?: ReaderLook;
  /** Puts text on the clipboard (`y`, `Y`); none: the text is only shown in the status line. */
  copy?: (text: string) => void;
  /** Mouse reports, when the mouse is on. */
  mouse?: MouseEvents;
  /**
   * Opens a file in the person's editor (`e`) with the terminal handed over, and resolves once
   * the reader has it back: null, or the one line to show (the editor could not start...).
   * Called while the reader reads no keys. None: `e` says it cannot here.
   */
  editor?: (request: EditRequest) => Promise<string | null>;
}

const NO_BODIES: BodySource = () => null;

/** The reader's state: the library shown and the navigation over it (they change together). */
interface ReaderState {
  shown: ShownLibrary;
  nav: NavigationState;
}

/** A new library reaching the reducer, with the environments before and after. */
interface LibraryAction {
  type: 'library';
  shown: ShownLibrary;
  change: LibraryChange;
  status?: string;
  before: NavigationEnv;
  after: NavigationEnv;
}

function envOf({ library, render, bodyText }: ShownLibrary, columns: number, height: number, filter: ArticleFilter, look: ReaderLook, web?: ReaderWeb): NavigationEnv {
  const env = readerEnv(library, render, { columns, rows: height + 2 }, filter, look);
  const articles = web ? env.articles.filter((article) => !web.isReadInPlace(article.absPath)) : env.articles;
  return { ...env, articles, mentionsOf: (id: string) => mentionsOf(library, id, bodyText) };
}

export function Reader({ library: initialLibrary, render: initialRender, bodyText: initialBodyText = NO_BODIES, openId, size: sizeOverride, filter: filterProp, searchCacheDir, reading, store, startMessage, opener, updates, web, look = DEFAULT_LOOK, copy, mouse, editor }: ReaderProps) {
  const size = useTerminalSize(sizeOverride);
  const { columns, height } = layoutOf(size, look.maxWidth);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();

  // One state for the library shown and the navigation over it, so a new library and the state
  // that keeps the reader's place in it arrive in one render: no frame draws the new text at the
  // old line. Keys are read against the environment of the last render (reducing.current).
  const reducing = useRef<{ env: NavigationEnv; keys: ReaderLook['keys'] } | null>(null);
  const [app, dispatch] = useReducer(
    (current: ReaderState, action: ReaderAction | LibraryAction): ReaderState => {
      if (action.type === 'library') {
        return { shown: action.shown, nav: navigationReducer(current.nav, { type: 'libraryChanged', change: action.change, before: action.before, status: action.status }, action.after) };
      }
      const nav = readerReducer(current.nav, action, reducing.current!.env, reducing.current!.keys);
      return nav === current.nav ? current : { ...current, nav };
    },
    undefined,
    (): ReaderState => {
      // The library shown: the one given, then each update's (the props are where it starts).
      const shown: ShownLibrary = { library: initialLibrary, render: initialRender, bodyText: initialBodyText };
      const env = envOf(shown, columns, height, filterProp ?? createSimpleFilter(initialBodyText), look);
      const initial = initialNavigationState(env, openId !== undefined ? { id: openId } : undefined, reading);
      return { shown, nav: startMessage ? { ...initial, message: startMessage } : initial };
    },
  );
  const { nav: state, shown: shownLibrary } = app;
  const { library, bodyText } = shownLibrary;

  // Ranked search: the index is built after the first frame, a chunk at a time, so start-up and
  // keys are not held up; until it is ready the simple filter answers.
  // After a library update (live reload) both indexes are brought up to date from the last
  // ones, reading only the files that changed.
  const [indexed, setIndexed] = useState<{ library: Library; search: LibrarySearch; filter: ArticleFilter } | null>(null);
  const lastIndexed = useRef(indexed);
  lastIndexed.current = indexed;
  useEffect(() => {
    if (filterProp) return;
    let live = true;
    const stop = new AbortController();
    const articles = articlesInOrder(library);
    const mentions = () => {
      // Then "mentioned in", in slices too, so the first `r` finds it built.
      const { from } = shownLibrary;
      if (from && updateMentionsIndex(from.library, library, bodyText, [...from.change.changed, ...from.change.added, ...from.change.removed])) return;
      const keeping = searchCacheDir === undefined ? undefined : mentionsKeeping(searchCacheDir, library.roots);
      buildMentionsIndexAsync(library, bodyText, { signal: stop.signal, keeping }).catch(() => {
        // The panel builds it on first use instead.
      });
    };
    const { from } = shownLibrary;
    const prior = lastIndexed.current;
    const updated = from && prior?.library === from.library ? prior.search.updatedFor(articles, bodyText, from.change) : null;
    if (updated) {
      setIndexed({ library, search: updated, filter: searchFilter(updated) });
      mentions();
      return () => stop.abort();
    }
    const search = librarySearchFor(articles, bodyText, searchCacheDir === undefined ? undefined : { keeping: searchIndexKeeping(searchCacheDir, library.roots) });
    const timer = setTimeout(() => {
      search.buildAsync({ signal: stop.signal }).then(
        () => {
          if (!live) return;
          setIndexed({ library, search, filter: searchFilter(search) });
          mentions();
          // A kept index answers before the files are checked; if one had changed, the
          // corrected index is shown (the list filtered again) once they are.
          search.whenFresh({ signal: stop.signal }).then(
            (corrected) => {
              if (live && corrected) setIndexed({ library, search, filter: searchFilter(search) });
            },
            () => {},
          );
        },
        () => {
          // Search stays on the simple filter.
        },
      );
    }, 0);
    return () => {
      live = false;
      stop.abort();
      clearTimeout(timer);
    };
  }, [shownLibrary, library, filterProp, bodyText, searchCacheDir]);
  const simpleFilter = useMemo(() => createSimpleFilter(bodyText), [bodyText]);
  // The index of a library that has since changed answers with its old records: the simple
  // filter answers until the new library's index is built.
  const filter = filterProp ?? (indexed?.library === library ? indexed.filter : null) ?? simpleFilter;

  const env = useMemo<NavigationEnv>(() => envOf(shownLibrary, columns, height, filter, look, web), [shownLibrary, columns, height, filter, look, web]);
  reducing.current = { env, keys: look.keys };

  // Reading state: the store reads the newest state when it saves. Leaving an article saves on
  // the next turn (after the frame), scrolling saves after a pause, unmounting saves at once.
  const latest = useRef({ state, env, layout: { columns, height } });
  latest.current = { state, env, layout: { columns, height } };
  useEffect(() => {
    if (!store) return;
    store.setSource(() => readingSnapshot(latest.current.state, latest.current.env));
    return () => {
      store.flush();
      store.dispose();
    };
  }, [store]);
  const savedReading = useRef(state.reading);
  useEffect(() => {
    if (!store) return;
    if (state.reading !== savedReading.current) {
      savedReading.current = state.reading;
      store.saveSoon();
    } else {
      store.changed();
    }
  }, [store, state]);

  // External links: the reducer asks, this carries it out.
  useEffect(() => {
    const request = state.openRequest;
    if (!request) return;
    const fallback = () => dispatch({ type: 'message', message: request.file ? unopenedFileMessage(request.url) : unopenedMessage(request.url) });
    if (!opener || !(request.file ? isOpenableFile(request.url) : isOpenable(request.url))) {
      fallback();
      return;
    }
    opener(request.url).then(
      (opened) => (opened ? dispatch({ type: 'message', message: `opened ${request.url}` }) : fallback()),
      fallback,
    );
  }, [state.openRequest, opener]);

  // The mouse: the wheel and clicks on the text area (the status line row takes none).
  useEffect(() => {
    if (!mouse) return;
    return mouse.subscribe((event) => {
      if (event.y >= latest.current.layout.height) return;
      if (event.kind === 'wheel') dispatch({ type: 'wheel', down: event.down });
      else dispatch({ type: 'click', row: event.y, column: event.x });
    });
  }, [mouse]);

  // Copying: the reducer asks (and says so in the status line), this carries it out.
  useEffect(() => {
    if (state.copyRequest && copy) copy(state.copyRequest.text);
  }, [state.copyRequest, copy]);

  // Pages read in place: the reducer asks, this fetches (through `web`) and reports back; q or
  // Esc while it loads aborts the fetch. Keys go on being handled meanwhile.
  const loadingPage = useRef<AbortController | null>(null);
  useEffect(() => {
    const request = state.web.request;
    if (!request) return;
    if (request.kind === 'cancel') {
      loadingPage.current?.abort();
      loadingPage.current = null;
      return;
    }
    if (!web) {
      dispatch({ type: 'webLoaded', seq: request.seq, message: 'pages cannot be read in place here' });
      return;
    }
    loadingPage.current?.abort();
    const controller = new AbortController();
    loadingPage.current = controller;
    const done = request.kind === 'read' ? web.read(request.url, controller.signal) : web.keep(request.id);
    done.then(
      (outcome) => setWebOutcome({ seq: request.seq, ...outcome, ...(request.kind === 'keep' ? { replace: true } : {}) }),
      (error: unknown) => setWebOutcome({ seq: request.seq, message: error instanceof Error ? error.message : String(error) }),
    );
  }, [state.web.request, web]);
  // The outcome is reported once the library that holds its article is the one shown (it was
  // published through the channel just before): the reducer then finds the article.
  const [webOutcome, setWebOutcome] = useState<{ seq: number; id?: string; replace?: boolean; message: string } | null>(null);
  useEffect(() => {
    if (!webOutcome) return;
    if (webOutcome.id && !env.library.byId.has(webOutcome.id)) return;
    dispatch({ type: 'webLoaded', ...webOutcome });
    setWebOutcome(null);
  }, [webOutcome, env]);
  useEffect(() => () => loadingPage.current?.abort(), []);

  // New libraries: the shown one and the state move together, in one render (no frame of the
  // new text at the old place).

  // New libraries: the shown one and the state move together, in one action (no frame of the
  // new text at the old place). The action carries the new library's environment, so the state
  // it makes is for that library whichever render the reducer runs in.
  useEffect(() => {
    if (!updates) return;
    return updates.subscribe((update) => {
      const { env: before, layout } = latest.current;
      const next: ShownLibrary = { library: update.library, render: update.render, bodyText: update.bodyText, from: { library: before.library, change: update.change } };
      const after = envOf(next, layout.columns, layout.height, filterProp ?? createSimpleFilter(update.bodyText), look, web);
      dispatch({ type: 'library', shown: next, change: update.change, status: update.status, before, after });
    });
  }, [updates, filterProp, look]);

  // After a resize the state is re-anchored at the new width; draw that at once, store it after.
  const shown = useMemo(() => navigationReducer(state, { type: 'resize' }, env), [state, env]);
  useEffect(() => {
    if (shown !== state) dispatch({ type: 'resize' });
  }, [shown, state]);

  // `e`: keys stop being read (Ink gives raw mode and stdin up), then the editor has the
  // terminal; the reader reads keys again once it is back.
  const [editing, setEditing] = useState<EditRequest | null>(null);
  const editsSeen = useRef(0);
  useEffect(() => {
    const request = state.editRequest;
    if (!request || request.seq <= editsSeen.current) return;
    editsSeen.current = request.seq;
    if (!editor) dispatch({ type: 'message', message: 'no editor here' });
    else setEditing(request);
  }, [state.editRequest, editor]);
  useEffect(() => {
    if (!editing || !editor) return;
    let live = true;
    // On a later turn: Ink has let go of stdin by then.
    const timer = setImmediate(() => {
      editor(editing).then(
        (message) => {
          if (!live) return;
          setEditing(null);
          if (message !== null) dispatch({ type: 'message', message });
        },
        (error: unknown) => {
          if (!live) return;
          setEditing(null);
          dispatch({ type: 'message', message: `could not run the editor: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
    });
    return () => {
      live = false;
      clearImmediate(timer);
    };
  }, [editing, editor]);

  useInput(
    (input, key) => {
      dispatch({ type: 'keys', presses: keyPresses(input, key) });
    },
    { isActive: isRawModeSupported === true && editing === null },
  );

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    if (state.digits === null) return;
    const timer = setTimeout(() => dispatch({ type: 'numberTimeout' }), NUMBER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [state.digits]);

  const frame = frameOf(shown, env, columns, height, look);
  return (
    <Box flexDirection="column" width={columns}>
      {height > 0 ? (
        <Box height={height} flexDirection="column" overflow="hidden">
          <Text>{frame.body.join('\n')}</Text>
        </Box>
      ) : null}
      <Text wrap="truncate-end">{frame.status}</Text>
    </Box>
  );
}
