// The shape of the reader's navigation: the state the reducer keeps, the environment it reads
// (library, layout, viewport, list filter), the actions it takes, and the current visit every
// part of it reads and replaces. Each slice of the state has one module that changes it:
// history/screen/digits in history.ts, a visit's top/focus/width in viewport.ts, list in
// articleList.ts, search in articleSearch.ts, help/overlay/openRequest in overlays.ts,
// reading in readingMarks.ts; deleted in libraryChanged.ts; picker in pickers.ts; editRequest in
// editing.ts; message and quit in navigationReducer.ts.
import type { Article, Library } from '../library/types.js';
import type { LibraryChange } from '../library/libraryUpdates.js';
import type { EditRequest } from './editing.js';
import type { RenderedArticle } from '../render/types.js';
import type { ReadingState } from '../state/readingState.js';
import type { Command, PickerContext } from './commands.js';
import type { ArticleFilter } from './filter.js';
import type { ChainProgressOf } from './chainProgress.js';
import type { WebState } from './webPages.js';

/** One stop in history: which article, and where the reader was in it. */
export interface Visit {
  id: string;
  /** First visible line, at `width`. */
  top: number;
  /** Focused link (position in RenderedArticle.links), or null. */
  focus: number | null;
  /** The layout width `top` was measured at; a visit is re-anchored when the width changes. */
  width: number;
  /** Restored from the last run and not shown since: placed at the article's saved position when it is (sessionHistory.ts). */
  resume?: true;
}

export interface ListState {
  /** Highlighted article id (kept by id, so filtering does not lose it). */
  selectedId: string | null;
  /** First visible row. */
  top: number;
  query: string;
  /** True while the `/` prompt is open. */
  prompt: boolean;
}

/** The `/` search in an article. The query outlives the article it was typed in (n works in the next one, as in less). */
export interface ArticleSearch {
  query: string;
  /** True while the prompt is open (typing); false once Enter kept the position. */
  prompt: boolean;
  /** Where the reader was when `/` was pressed: Esc goes back there. */
  origin: { index: number; top: number; focus: number | null };
  /** The current match and the article it is in. */
  current: { id: string; line: number; index: number } | null;
}

/** An overlay over the article: table of contents or links panel, with its highlighted entry. */
export interface Overlay {
  kind: 'toc' | 'links';
  selected: number;
}

/** A screen listing places to go, over the list or the article: recent visits (H), bookmarks (S), tags (T). */
export interface Picker {
  kind: PickerContext;
  /** The highlighted entry. */
  selected: number;
}

/** A URL the reader asked to open outside (the UI carries it out; `seq` tells requests apart). */
export interface OpenRequest {
  /** A URL, or for an attachment (`file: true`) the file's absolute path. */
  url: string;
  seq: number;
  file?: true;
}

/** Ask the UI to hand a URL (or an attachment's path) to the system opener. */
export function requestOpen(state: NavigationState, url: string, file = false): NavigationState {
  const request: OpenRequest = { url, seq: (state.openRequest?.seq ?? 0) + 1, ...(file ? { file: true as const } : {}) };
  return { ...state, openRequest: request, message: `opening ${url}` };
}

/** Text the reader asked to copy to the terminal's clipboard (the UI carries it out; `seq` tells requests apart). */
export interface CopyRequest {
  text: string;
  seq: number;
}

/** Ask the UI to copy `text` (a URL or a path) to the clipboard, saying what it was. */
export function requestCopy(state: NavigationState, text: string, what: string): NavigationState {
  return { ...state, copyRequest: { text, seq: (state.copyRequest?.seq ?? 0) + 1 }, message: `copied ${what}: ${text}` };
}

export interface NavigationState {
  screen: 'list' | 'article';
  history: Visit[];
  /** Index of the current visit in history; -1 before any article was opened. */
  index: number;
  list: ListState;
  help: { open: boolean; top: number };
  /** Digits of a related-link number being typed (more than nine related links), or null. */
  digits: string | null;
  /** A message shown in the status line until the next key. */
  message: string | null;
  quit: boolean;
  search: ArticleSearch | null;
  overlay: Overlay | null;
  /** Read marks and positions (saved by the UI through src/state). Keyed by article file path. */
  reading: ReadingState;
  openRequest: OpenRequest | null;
  copyRequest: CopyRequest | null;
  /** The open article, when its file was deleted while it was read: shown until left (libraryChanged.ts). */
  deleted: { id: string; title: string } | null;
  /** The recent-visits, bookmarks or tags screen, while it is open (pickers.ts). */
  picker: Picker | null;
  /** The file `e` asked to open in the editor (editing.ts); the UI carries it out. */
  editRequest: EditRequest | null;
  /** Pages read in place: what is asked, what is loading, the `a` prompt (webPages.ts). */
  web: WebState;
}

export interface Viewport {
  /** Columns the article is laid out at. */
  width: number;
  /** Rows of text (article lines or list rows), the status line excluded. */
  height: number;
}

export interface NavigationEnv {
  library: Library;
  /**
   * The library's articles in reading order (articlesInOrder): what the list shows without a
   * query, and what the filter ranks. The caller sorts once per library; the reducer never does.
   */
  articles: readonly Article[];
  /** The article laid out at a width; memoised by the caller (same id + width → same object). */
  render(id: string, width: number): RenderedArticle;
  viewport: Viewport;
  /** List filter; defaults to simpleFilter. The seam for ranked search. */
  filter?: ArticleFilter;
  /** Articles that name this one's title without linking it (the links panel's "mentioned in"); none: not shown. */
  mentionsOf?(id: string): readonly string[];
  /** Lines in the help overlay as drawn, so help scrolling stops at its end. */
  helpLength?: number;
  /** Where an article stands in its previous/next chain (chainProgress.ts; made once per library); none: not shown. */
  chainProgress?: ChainProgressOf;
}

export type NavigationAction =
  | { type: 'command'; command: Command; text?: string }
  /** Open an article as a new history entry (`--open`, or a caller's own link). */
  | { type: 'open'; id: string; heading?: string; resume?: boolean }
  /** The viewport changed (env.viewport holds the new size). */
  | { type: 'resize' }
  /** A pause of a second while typing a link number: follow it. */
  | { type: 'numberTimeout' }
  | { type: 'message'; message: string | null }
  /**
   * The library changed under the reader: `env` (the reducer's) holds the new one, `before` the
   * environment of the one this state was for; `status` is the publisher's status line, if any.
   */
  | { type: 'libraryChanged'; change: LibraryChange; before: NavigationEnv; status?: string }
  /** A mouse wheel step (down or up), in whatever the reader shows. */
  | { type: 'wheel'; down: boolean }
  /** A click at a row and column of the text area (0-based): a list row opens, a link is followed. */
  | { type: 'click'; row: number; column: number }
  /** A page read in place (or kept) is done: the article to show, or why there is none (webPages.ts). */
  | { type: 'webLoaded'; seq: number; id?: string; replace?: boolean; message: string };

/** Carries out one command; `text` is the key typed, for prompts and digits. */
export type CommandHandler = (state: NavigationState, env: NavigationEnv, text: string) => NavigationState;

/** The commands one concern carries out (the reducer joins them into one table). */
export type CommandHandlers = Partial<Record<Command, CommandHandler>>;

export function currentVisit(state: NavigationState): Visit | null {
  return state.index >= 0 ? state.history[state.index] : null;
}

/** The state with the current visit replaced (history is copied, never changed in place). */
export function replaceVisit(state: NavigationState, visit: Visit): NavigationState {
  const history = state.history.slice();
  history[state.index] = visit;
  return { ...state, history };
}
