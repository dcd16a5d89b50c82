// The reader's navigation as a pure reducer (the Update of an Elm architecture): screens,
// history with per-visit scroll and focus, list selection and filter, the help overlay, the
// link-number prompt and the status message. No terminal here; the Ink components only map
// keys to actions and draw what this state says.
import { sortForReading } from '../library/readingOrder.js';
import type { Article, Library, LinkTarget } from '../library/types.js';
import type { RenderedArticle, RenderedLink } from '../render/types.js';
import { mentionsOf } from '../search/mentions.js';
import { findMatches, matchAt, matchAtOrAfter, type TextMatch } from '../search/textSearch.js';
import {
  emptyReadingState,
  isRead,
  lastArticle,
  recordLastArticle,
  rememberPosition,
  restoredLine,
  setRead,
  type ReadingState,
} from '../state/readingState.js';
import type { Command, Context } from './commands.js';
import { simpleFilter, type ArticleFilter } from './filter.js';
import { remapTop } from './position.js';

/** One stop in history: which article, and where the reader was in it. */
export interface Visit {
  id: string;
  /** First visible line, at `width`. */
  top: number;
  /** Focused link (position in RenderedArticle.links), or null. */
  focus: number | null;
  /** The layout width `top` was measured at; a visit is re-anchored when the width changes. */
  width: number;
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

/** A URL the reader asked to open outside (the UI carries it out; `seq` tells requests apart). */
export interface OpenRequest {
  url: string;
  seq: number;
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
}

export interface Viewport {
  /** Columns the article is laid out at. */
  width: number;
  /** Rows of text (article lines or list rows), the status line excluded. */
  height: number;
}

export interface NavigationEnv {
  library: Library;
  /** The article laid out at a width; memoised by the caller (same id + width → same object). */
  render(id: string, width: number): RenderedArticle;
  viewport: Viewport;
  /** List filter; defaults to simpleFilter. The seam for ranked search. */
  filter?: ArticleFilter;
  /** Lines in the help overlay as drawn, so help scrolling stops at its end. */
  helpLength?: number;
}

export type NavigationAction =
  | { type: 'command'; command: Command; text?: string }
  /** Open an article as a new history entry (`--open`, or a caller's own link). */
  | { type: 'open'; id: string; heading?: string; resume?: boolean }
  /** The viewport changed (env.viewport holds the new size). */
  | { type: 'resize' }
  /** A pause of a second while typing a link number: follow it. */
  | { type: 'numberTimeout' }
  | { type: 'message'; message: string | null };

// ---------------------------------------------------------------------------------------------
// Selectors

const ordered = new WeakMap<Library, Article[]>();

/** Articles in reading order: by section, newest first, then title. */
export function articlesInOrder(library: Library): Article[] {
  let list = ordered.get(library);
  if (!list) {
    list = sortForReading(library.articles);
    ordered.set(library, list);
  }
  return list;
}

let filterMemo: { library: Library; query: string; filter: ArticleFilter; result: Article[] } | null = null;

/** The list as it shows: filtered by the query, best first. */
export function visibleArticles(state: NavigationState, env: NavigationEnv): Article[] {
  const filter = env.filter ?? simpleFilter;
  const query = state.list.query;
  if (query.trim() === '') return articlesInOrder(env.library);
  if (filterMemo && filterMemo.library === env.library && filterMemo.query === query && filterMemo.filter === filter) return filterMemo.result;
  const result = filter(articlesInOrder(env.library), query);
  filterMemo = { library: env.library, query, filter, result };
  return result;
}

export function selectedIndex(state: NavigationState, env: NavigationEnv): number {
  const visible = visibleArticles(state, env);
  if (visible.length === 0) return -1;
  const i = visible.findIndex((article) => article.id === state.list.selectedId);
  return i < 0 ? 0 : i;
}

export function currentVisit(state: NavigationState): Visit | null {
  return state.index >= 0 ? state.history[state.index] : null;
}

export function currentRendered(state: NavigationState, env: NavigationEnv): RenderedArticle | null {
  const visit = currentVisit(state);
  return visit ? env.render(visit.id, env.viewport.width) : null;
}

/** Which part of the key table applies now. */
export function contextOf(state: NavigationState): Context {
  if (state.help.open) return 'help';
  if (state.screen === 'article' && state.overlay) return state.overlay.kind;
  if (state.digits !== null) return 'number';
  if (state.screen === 'list') return state.list.prompt ? 'filter' : 'list';
  if (state.search?.prompt) return 'search';
  return 'article';
}

export function isArticleRead(state: NavigationState, article: Article): boolean {
  return isRead(state.reading, article.absPath);
}

/**
 * The state to start from: the list with the last-read article of this library selected (so
 * Enter resumes it), or `open` at its saved position. `reading` is what was saved before.
 */
export function initialNavigationState(env: NavigationEnv, open?: { id: string; heading?: string }, reading?: ReadingState): NavigationState {
  const first = articlesInOrder(env.library)[0];
  const readingState = reading ?? emptyReadingState();
  const last = lastArticle(readingState, env.library.roots);
  const selected = last !== undefined && env.library.byId.has(last) ? last : first ? first.id : null;
  let state: NavigationState = {
    screen: 'list',
    history: [],
    index: -1,
    list: { selectedId: selected, top: 0, query: '', prompt: false },
    help: { open: false, top: 0 },
    digits: null,
    message: null,
    quit: false,
    search: null,
    overlay: null,
    reading: readingState,
    openRequest: null,
  };
  if (open && env.library.byId.has(open.id)) state = navigationReducer(state, { type: 'open', resume: true, ...open }, env);
  return state;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

function maxTop(rendered: RenderedArticle, env: NavigationEnv): number {
  return Math.max(0, rendered.lines.length - env.viewport.height);
}

function linkFirstLine(link: RenderedLink): number {
  return link.spans.length > 0 ? link.spans[0].line : 0;
}

function linkLastLine(link: RenderedLink): number {
  return link.spans.length > 0 ? link.spans[link.spans.length - 1].line : 0;
}

function linkInView(link: RenderedLink, top: number, height: number): boolean {
  return link.spans.some((span) => span.line >= top && span.line < top + height);
}

/** Scroll so the link shows (its first line at least). */
function topShowing(link: RenderedLink, top: number, height: number): number {
  const first = linkFirstLine(link);
  const last = linkLastLine(link);
  if (first < top) return first;
  if (last >= top + height) return Math.min(first, last - height + 1);
  return top;
}

function replaceVisit(state: NavigationState, visit: Visit): NavigationState {
  const history = state.history.slice();
  history[state.index] = visit;
  return { ...state, history };
}

/** Slug of a heading as GitHub writes it: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function headingLine(rendered: RenderedArticle, heading: string): number | null {
  const slug = headingSlug(heading);
  const wanted = heading.trim().toLocaleLowerCase('en');
  const found =
    rendered.headings.find((h) => h.slug === heading || h.slug === slug) ??
    rendered.headings.find((h) => h.text.trim().toLocaleLowerCase('en') === wanted);
  return found ? found.line : null;
}

export function titleOf(env: NavigationEnv, target: LinkTarget): string {
  switch (target.kind) {
    case 'article': {
      const article = env.library.byId.get(target.id);
      const title = article ? article.title : target.id;
      return target.heading ? `${title} › ${target.heading}` : title;
    }
    case 'external':
      return target.url;
    case 'unresolved':
      return target.title;
  }
}

/** Bring the current visit to the current width and height: re-anchor, clamp, drop a focus that is gone. */
function normalize(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit) return state;
  if (!env.library.byId.has(visit.id)) return state;
  const rendered = env.render(visit.id, env.viewport.width);
  let { top, focus } = visit;
  if (visit.width !== env.viewport.width) {
    const before = env.render(visit.id, visit.width);
    const focusWasVisible = focus !== null && before.links[focus] !== undefined && linkInView(before.links[focus], top, env.viewport.height);
    top = remapTop(before, rendered, top);
    if (focusWasVisible && focus !== null && rendered.links[focus]) top = topShowing(rendered.links[focus], top, env.viewport.height);
  }
  if (focus !== null && !rendered.links[focus]) focus = null;
  top = clamp(top, 0, maxTop(rendered, env));
  if (top === visit.top && focus === visit.focus && visit.width === env.viewport.width) return state;
  return replaceVisit(state, { ...visit, top, focus, width: env.viewport.width });
}

/** Keep the list's highlighted row on screen. */
function normalizeList(state: NavigationState, env: NavigationEnv): NavigationState {
  const visible = visibleArticles(state, env);
  const height = Math.max(1, env.viewport.height);
  const i = selectedIndex(state, env);
  const selectedId = i >= 0 ? visible[i].id : state.list.selectedId;
  let top = clamp(state.list.top, 0, Math.max(0, visible.length - height));
  if (i >= 0) {
    if (i < top) top = i;
    if (i >= top + height) top = i - height + 1;
  }
  if (top === state.list.top && selectedId === state.list.selectedId) return state;
  return { ...state, list: { ...state.list, top, selectedId } };
}

function scrollTo(state: NavigationState, env: NavigationEnv, top: (visit: Visit, rendered: RenderedArticle) => number): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const rendered = env.render(visit.id, env.viewport.width);
  const newTop = clamp(top(visit, rendered), 0, maxTop(rendered, env));
  let focus = visit.focus;
  // A focused link scrolled out of view is let go: Tab then takes the first link in view.
  if (focus !== null && (!rendered.links[focus] || !linkInView(rendered.links[focus], newTop, env.viewport.height))) focus = null;
  return replaceVisit(state, { ...visit, top: newTop, focus });
}

/**
 * Open an article as a new visit: at a heading, at a line, or (`resume`: from the list, `--open`)
 * where the reader left it last time. Links and the chain open at the top, as a browser does.
 */
function openArticle(state: NavigationState, env: NavigationEnv, id: string, heading?: string, atLine?: number | 'resume'): NavigationState {
  const article = env.library.byId.get(id);
  if (!article) return { ...state, message: `not in library: ${id}` };
  const rendered = env.render(id, env.viewport.width);
  let top = 0;
  if (heading) {
    const line = headingLine(rendered, heading);
    if (line !== null) top = clamp(line, 0, maxTop(rendered, env));
  } else if (typeof atLine === 'number') {
    top = clamp(atLine, 0, maxTop(rendered, env));
  } else if (atLine === 'resume') {
    const saved = state.reading.articles[article.absPath]?.position;
    if (saved) top = clamp(restoredLine(saved, env.viewport.width, rendered.lines.length), 0, maxTop(rendered, env));
  }
  const visit: Visit = { id, top, focus: null, width: env.viewport.width };
  const history = [...state.history.slice(0, state.index + 1), visit];
  return {
    ...state,
    screen: 'article',
    history,
    index: history.length - 1,
    list: { ...state.list, selectedId: id },
    message: heading && top === 0 && headingLine(rendered, heading) === null ? `no heading "${heading}" in ${article.title}` : null,
  };
}

/** Follow a link target: open an article, or say why not. Nothing but the message changes when it cannot be followed. */
export function followTarget(state: NavigationState, env: NavigationEnv, target: LinkTarget): NavigationState {
  switch (target.kind) {
    case 'article':
      if (!env.library.byId.has(target.id)) return { ...state, message: `not in library: ${target.id}` };
      return openArticle(state, env, target.id, target.heading);
    case 'external':
      return { ...state, message: `external link: ${target.url}` };
    case 'unresolved':
      return { ...state, message: `not in library: ${target.title}` };
  }
}

/** Related-reading numbers of the current article: rendered numbers first, else the article's related list. */
function numberedTargets(state: NavigationState, env: NavigationEnv): Map<number, LinkTarget> {
  const visit = currentVisit(state);
  const targets = new Map<number, LinkTarget>();
  if (!visit) return targets;
  const article = env.library.byId.get(visit.id);
  article?.related.forEach((link, i) => targets.set(i + 1, link.target));
  const rendered = env.render(visit.id, env.viewport.width);
  for (const link of rendered.links) if (link.number !== undefined) targets.set(link.number, link.target);
  return targets;
}

function followNumber(state: NavigationState, env: NavigationEnv, n: number): NavigationState {
  const target = numberedTargets(state, env).get(n);
  const cleared = { ...state, digits: null };
  if (!target) return { ...cleared, message: `no related link ${n}` };
  return followTarget(cleared, env, target);
}

/**
 * A digit typed: with nine related links or fewer it follows at once; with more, digits build
 * the number in the status line until Enter or a pause follows it (SPEC §3), even when no
 * longer number exists, so a trailing Enter never lands in the next article.
 */
function typeDigits(state: NavigationState, env: NavigationEnv, digits: string): NavigationState {
  const numbers = [...numberedTargets(state, env).keys()];
  const highest = numbers.length > 0 ? Math.max(...numbers) : 0;
  if (highest <= 9) return followNumber(state, env, Number(digits));
  return { ...state, digits };
}

function focusLink(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const visit = currentVisit(state);
  if (!visit) return state;
  const rendered = env.render(visit.id, env.viewport.width);
  const { links } = rendered;
  if (links.length === 0) return { ...state, message: 'no links in this article' };
  const height = env.viewport.height;
  let focus: number;
  if (visit.focus !== null && links[visit.focus] && linkInView(links[visit.focus], visit.top, height)) {
    focus = (visit.focus + step + links.length) % links.length;
  } else {
    const inView = links.map((link, i) => (linkInView(link, visit.top, height) ? i : -1)).filter((i) => i >= 0);
    if (inView.length > 0) focus = step === 1 ? inView[0] : inView[inView.length - 1];
    else if (step === 1) {
      const after = links.findIndex((link) => linkFirstLine(link) >= visit.top + height);
      focus = after >= 0 ? after : 0;
    } else {
      let before = -1;
      links.forEach((link, i) => {
        if (linkLastLine(link) < visit.top) before = i;
      });
      focus = before >= 0 ? before : links.length - 1;
    }
  }
  const top = clamp(topShowing(links[focus], visit.top, height), 0, maxTop(rendered, env));
  return replaceVisit(state, { ...visit, top, focus });
}

function moveSelection(state: NavigationState, env: NavigationEnv, to: (index: number, count: number) => number): NavigationState {
  const visible = visibleArticles(state, env);
  if (visible.length === 0) return state;
  const i = clamp(to(selectedIndex(state, env), visible.length), 0, visible.length - 1);
  return { ...state, list: { ...state.list, selectedId: visible[i].id } };
}

function openSelected(state: NavigationState, env: NavigationEnv): NavigationState {
  const visible = visibleArticles(state, env);
  const i = selectedIndex(state, env);
  if (i < 0) return { ...state, message: 'no article matches' };
  const article = visible[i];
  const id = article.id;
  const visit = currentVisit(state);
  // A hit in the body opens the article at the first line that shows it, highlighted.
  const query = state.list.query.trim();
  const hit = query !== '' ? (env.filter ?? simpleFilter).hitOf?.(article, query) : undefined;
  if (hit?.field === 'body') {
    const found = firstTermMatch(env.render(id, env.viewport.width).plainLines, hit.terms);
    if (found) {
      const opened =
        visit && visit.id === id
          ? replaceVisit({ ...state, screen: 'article' }, { ...visit, top: found.match.line, focus: null })
          : openArticle(state, env, id, undefined, found.match.line);
      if (opened.screen !== 'article') return opened;
      const at = currentVisit(opened)!;
      return {
        ...opened,
        search: { query: found.term, prompt: false, origin: { index: opened.index, top: at.top, focus: null }, current: { id, line: found.match.line, index: found.match.index } },
      };
    }
  }
  // The list is not a history entry: reopening the current article returns to it as it was.
  if (visit && visit.id === id) return { ...state, screen: 'article' };
  return openArticle(state, env, id, undefined, 'resume');
}

/** The earliest match of any of the terms in the lines, and which term it was. */
function firstTermMatch(lines: readonly string[], terms: readonly string[]): { term: string; match: TextMatch } | null {
  let best: { term: string; match: TextMatch } | null = null;
  for (const raw of terms) {
    const term = raw.trim().toLocaleLowerCase('en');
    if (term === '') continue;
    const match = findMatches(lines, term)[0];
    if (match && (!best || match.line < best.match.line || (match.line === best.match.line && match.index < best.match.index))) best = { term, match };
  }
  return best;
}

function chainLink(state: NavigationState, env: NavigationEnv, which: 'next' | 'previous'): NavigationState {
  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  const link = article?.[which];
  if (!link) return { ...state, message: `no ${which} article` };
  return followTarget(state, env, link.target);
}

function runCommand(state: NavigationState, env: NavigationEnv, command: Command, text = ''): NavigationState {
  const height = Math.max(1, env.viewport.height);
  const half = Math.max(1, Math.floor(height / 2));
  switch (command) {
    case 'lineDown':
      return scrollTo(state, env, (v) => v.top + 1);
    case 'lineUp':
      return scrollTo(state, env, (v) => v.top - 1);
    case 'pageDown':
      return scrollTo(state, env, (v) => v.top + height);
    case 'pageUp':
      return scrollTo(state, env, (v) => v.top - height);
    case 'halfDown':
      return scrollTo(state, env, (v) => v.top + half);
    case 'halfUp':
      return scrollTo(state, env, (v) => v.top - half);
    case 'top':
      return scrollTo(state, env, () => 0);
    case 'bottom':
      return scrollTo(state, env, (_v, r) => r.lines.length);

    case 'listDown':
    case 'promptSelectDown':
      return moveSelection(state, env, (i) => i + 1);
    case 'listUp':
    case 'promptSelectUp':
      return moveSelection(state, env, (i) => i - 1);
    case 'listPageDown':
      return moveSelection(state, env, (i) => i + height);
    case 'listPageUp':
      return moveSelection(state, env, (i) => i - height);
    case 'listTop':
      return moveSelection(state, env, () => 0);
    case 'listBottom':
      return moveSelection(state, env, (_i, n) => n - 1);
    case 'openSelected':
      return openSelected(state, env);
    case 'openFilter':
      return { ...state, list: { ...state.list, prompt: true } };
    case 'clearFilter':
      return { ...state, list: { ...state.list, query: '', prompt: false } };

    case 'nextLink':
      return focusLink(state, env, 1);
    case 'previousLink':
      return focusLink(state, env, -1);
    case 'followLink': {
      const visit = currentVisit(state);
      if (!visit || visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one' };
      const link = env.render(visit.id, env.viewport.width).links[visit.focus];
      return link ? followTarget(state, env, link.target) : state;
    }
    case 'followNumber':
      return /^[0-9]$/.test(text) ? typeDigits(state, env, text) : state;
    case 'nextArticle':
      return chainLink(state, env, 'next');
    case 'previousArticle':
      return chainLink(state, env, 'previous');

    case 'back':
      if (state.index <= 0) return { ...state, message: 'no earlier article in history' };
      return { ...state, screen: 'article', index: state.index - 1, list: { ...state.list, selectedId: state.history[state.index - 1].id } };
    case 'forward':
      if (state.index >= state.history.length - 1) return { ...state, message: 'no later article in history' };
      return { ...state, screen: 'article', index: state.index + 1, list: { ...state.list, selectedId: state.history[state.index + 1].id } };

    case 'toList': {
      const visit = currentVisit(state);
      return { ...state, screen: 'list', list: { ...state.list, selectedId: visit ? visit.id : state.list.selectedId } };
    }
    case 'help':
      return { ...state, help: { open: true, top: 0 } };
    case 'closeHelp':
      return { ...state, help: { open: false, top: 0 } };
    case 'helpDown':
    case 'helpUp': {
      const limit = Math.max(0, (env.helpLength ?? Number.MAX_SAFE_INTEGER) - height);
      const top = clamp(state.help.top + (command === 'helpDown' ? half : -half), 0, limit);
      return { ...state, help: { ...state.help, top } };
    }
    case 'quitFromList':
    case 'quit':
      return { ...state, quit: true };

    case 'promptType':
      if (state.screen === 'article' && state.search?.prompt && state.digits === null) return typeSearch(state, env, state.search.query + text);
      if (state.digits !== null) {
        const digits = state.digits + text.replace(/[^0-9]/g, '');
        return digits === state.digits ? state : typeDigits(state, env, digits);
      }
      return { ...state, list: { ...state.list, query: state.list.query + text, selectedId: null, top: 0 } };
    case 'promptDelete':
      if (state.screen === 'article' && state.search?.prompt && state.digits === null) return typeSearch(state, env, [...state.search.query].slice(0, -1).join(''));
      if (state.digits !== null) {
        const digits = state.digits.slice(0, -1);
        return { ...state, digits: digits === '' ? null : digits };
      }
      return { ...state, list: { ...state.list, query: [...state.list.query].slice(0, -1).join(''), selectedId: null, top: 0 } };
    case 'promptAccept':
      if (state.digits !== null) return followNumber(state, env, Number(state.digits));
      if (state.screen === 'article' && state.search?.prompt) return acceptSearch(state, env);
      return openSelected({ ...state, list: { ...state.list, prompt: false } }, env);
    case 'promptCancel':
      if (state.digits !== null) return { ...state, digits: null };
      if (state.screen === 'article' && state.search?.prompt) return cancelSearch(state);
      return { ...state, list: { ...state.list, query: '', prompt: false } };

    case 'openSearch':
      return openSearch(state);
    case 'searchNext':
      return searchStep(state, env, 1);
    case 'searchPrevious':
      return searchStep(state, env, -1);

    case 'openToc':
      return openToc(state, env);
    case 'openLinks':
      return currentVisit(state) && state.screen === 'article' ? { ...state, overlay: { kind: 'links', selected: 0 } } : state;
    case 'overlayDown':
    case 'overlayUp':
      return moveOverlay(state, env, command === 'overlayDown' ? 1 : -1);
    case 'overlayAccept':
      return acceptOverlay(state, env);
    case 'overlayClose':
      return { ...state, overlay: null };

    case 'openExternal': {
      const visit = currentVisit(state);
      if (!visit || state.screen !== 'article') return state;
      if (visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one, then o opens it' };
      const link = env.render(visit.id, env.viewport.width).links[visit.focus];
      if (!link) return state;
      if (link.target.kind !== 'external') return { ...state, message: 'o opens external links; Enter follows this one' };
      return requestOpen(state, link.target.url);
    }

    case 'toggleRead':
      return toggleRead(state, env);
    case 'nextUnread':
      return nextUnread(state, env);
  }
}

// ---------------------------------------------------------------------------------------------
// Search in the article

/** The matches of the current query in the article shown, or null without a query. */
export function searchMatches(state: NavigationState, env: NavigationEnv): TextMatch[] | null {
  const visit = currentVisit(state);
  if (!visit || !state.search || state.search.query === '') return null;
  return findMatches(env.render(visit.id, env.viewport.width).plainLines, state.search.query);
}

/** Position (0-based) of the current match among searchMatches, or -1 when none is current here. */
export function currentMatchIndex(state: NavigationState, env: NavigationEnv): number {
  const visit = currentVisit(state);
  const matches = searchMatches(state, env);
  const current = state.search?.current;
  if (!visit || !matches || !current || current.id !== visit.id) return -1;
  return matchAt(matches, current.line, current.index);
}

function openSearch(state: NavigationState): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  return { ...state, search: { query: '', prompt: true, origin: { index: state.index, top: visit.top, focus: visit.focus }, current: null } };
}

/** Scroll so the match's line shows (at the top when it was out of view, as less does). */
function showMatch(state: NavigationState, env: NavigationEnv, visit: Visit, match: TextMatch): NavigationState {
  const rendered = env.render(visit.id, env.viewport.width);
  const height = env.viewport.height;
  const inView = match.line >= visit.top && match.line < visit.top + height;
  const top = inView ? visit.top : clamp(match.line, 0, maxTop(rendered, env));
  let focus = visit.focus;
  if (focus !== null && (!rendered.links[focus] || !linkInView(rendered.links[focus], top, height))) focus = null;
  const next = replaceVisit(state, { ...visit, top, focus });
  return { ...next, search: { ...state.search!, current: { id: visit.id, line: match.line, index: match.index } } };
}

/** Incremental search: each edit searches again from where `/` was pressed. */
function typeSearch(state: NavigationState, env: NavigationEnv, query: string): NavigationState {
  const search = state.search!;
  const visit = currentVisit(state)!;
  const back = search.origin.index === state.index ? { ...visit, top: search.origin.top, focus: search.origin.focus } : visit;
  const restored = replaceVisit({ ...state, search: { ...search, query, current: null } }, back);
  if (query === '') return restored;
  const matches = findMatches(env.render(visit.id, env.viewport.width).plainLines, query);
  if (matches.length === 0) return restored;
  const i = matchAtOrAfter(matches, back.top);
  return showMatch(restored, env, back, matches[i >= 0 ? i : 0]);
}

function acceptSearch(state: NavigationState, env: NavigationEnv): NavigationState {
  const search = state.search!;
  if (search.query === '') return { ...state, search: null };
  const accepted = { ...state, search: { ...search, prompt: false } };
  const matches = searchMatches(accepted, env) ?? [];
  return matches.length === 0 ? { ...accepted, message: `not found: ${search.query}` } : accepted;
}

function cancelSearch(state: NavigationState): NavigationState {
  const search = state.search!;
  const visit = currentVisit(state);
  const cleared = { ...state, search: null };
  if (!visit || search.origin.index !== state.index) return cleared;
  return replaceVisit(cleared, { ...visit, top: search.origin.top, focus: search.origin.focus });
}

function searchStep(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const matches = searchMatches(state, env);
  if (!matches) return { ...state, message: 'no search yet: / searches this article' };
  if (matches.length === 0) return { ...state, message: `not found: ${state.search!.query}` };
  const here = currentMatchIndex(state, env);
  let i: number;
  if (here >= 0) i = here + step;
  else {
    const after = matchAtOrAfter(matches, visit.top);
    if (step === 1) i = after >= 0 ? after : matches.length;
    else i = (after >= 0 ? after : matches.length) - 1;
  }
  let message: string | null = null;
  if (i >= matches.length) {
    i = 0;
    message = 'wrapped to the top';
  } else if (i < 0) {
    i = matches.length - 1;
    message = 'wrapped to the bottom';
  }
  return { ...showMatch(state, env, visit, matches[i]), message };
}

// ---------------------------------------------------------------------------------------------
// Overlays: table of contents, links panel

export type PanelGroup = 'related' | 'previous' | 'next' | 'external' | 'linkedFrom' | 'mentionedIn';

export interface PanelEntry {
  group: PanelGroup;
  /** Title (or label) to show; cleaned by the view. */
  label: string;
  target: LinkTarget;
  /** Related-reading number. */
  number?: number;
}

const panelMemo = new WeakMap<RenderedArticle, PanelEntry[]>();

/** The links panel of an article: related (numbered), previous / next, external links, linked from, mentioned in. */
export function linksPanelEntries(env: NavigationEnv, id: string): PanelEntry[] {
  const article = env.library.byId.get(id);
  if (!article) return [];
  const rendered = env.render(id, env.viewport.width);
  const memo = panelMemo.get(rendered);
  if (memo) return memo;
  const entries: PanelEntry[] = [];
  const labelOf = (title: string, target: LinkTarget) => (target.kind === 'article' ? titleOf(env, target) : title);
  const numbers = new Map<number, LinkTarget>();
  article.related.forEach((link, i) => numbers.set(i + 1, link.target));
  article.related.forEach((link, i) => entries.push({ group: 'related', label: labelOf(link.title, link.target), target: link.target, number: i + 1 }));
  if (article.previous) entries.push({ group: 'previous', label: labelOf(article.previous.title, article.previous.target), target: article.previous.target });
  if (article.next) entries.push({ group: 'next', label: labelOf(article.next.title, article.next.target), target: article.next.target });
  const urls = new Set<string>();
  for (const link of rendered.links) {
    if (link.target.kind !== 'external' || urls.has(link.target.url)) continue;
    urls.add(link.target.url);
    entries.push({ group: 'external', label: link.label, target: link.target });
  }
  for (const from of article.backlinks) {
    const source = env.library.byId.get(from);
    if (source) entries.push({ group: 'linkedFrom', label: source.title, target: { kind: 'article', id: from } });
  }
  for (const from of mentionsOf(env.library, id)) {
    const source = env.library.byId.get(from);
    if (source) entries.push({ group: 'mentionedIn', label: source.title, target: { kind: 'article', id: from } });
  }
  panelMemo.set(rendered, entries);
  return entries;
}

function overlayLength(state: NavigationState, env: NavigationEnv): number {
  const visit = currentVisit(state);
  if (!visit || !state.overlay) return 0;
  if (state.overlay.kind === 'toc') return env.render(visit.id, env.viewport.width).headings.length;
  return linksPanelEntries(env, visit.id).length;
}

function openToc(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const { headings } = env.render(visit.id, env.viewport.width);
  if (headings.length === 0) return { ...state, message: 'no headings in this article' };
  // Start on the heading of the part being read.
  let selected = 0;
  headings.forEach((heading, i) => {
    if (heading.line <= visit.top) selected = i;
  });
  return { ...state, overlay: { kind: 'toc', selected } };
}

function moveOverlay(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  if (!state.overlay) return state;
  const length = overlayLength(state, env);
  const selected = clamp(state.overlay.selected + step, 0, Math.max(0, length - 1));
  return selected === state.overlay.selected ? state : { ...state, overlay: { ...state.overlay, selected } };
}

function requestOpen(state: NavigationState, url: string): NavigationState {
  return { ...state, openRequest: { url, seq: (state.openRequest?.seq ?? 0) + 1 }, message: `opening ${url}` };
}

function acceptOverlay(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  const overlay = state.overlay;
  if (!visit || !overlay) return state;
  if (overlay.kind === 'toc') {
    const rendered = env.render(visit.id, env.viewport.width);
    const heading = rendered.headings[overlay.selected];
    if (!heading) return { ...state, overlay: null };
    const closed = { ...state, overlay: null };
    return scrollTo(closed, env, () => heading.line);
  }
  const entry = linksPanelEntries(env, visit.id)[overlay.selected];
  if (!entry) return state;
  // An unresolved entry only says so; the panel stays open.
  if (entry.target.kind === 'unresolved') return { ...state, message: `not in library: ${entry.target.title}` };
  const closed = { ...state, overlay: null };
  if (entry.target.kind === 'external') return requestOpen(closed, entry.target.url);
  return followTarget(closed, env, entry.target);
}

// ---------------------------------------------------------------------------------------------
// Reading state: read marks, positions, the last article

function toggleRead(state: NavigationState, env: NavigationEnv): NavigationState {
  const id = state.screen === 'article' ? currentVisit(state)?.id : state.list.selectedId;
  const article = id !== undefined && id !== null ? env.library.byId.get(id) : undefined;
  if (!article) return state;
  const read = !isRead(state.reading, article.absPath);
  return { ...state, reading: setRead(state.reading, article.absPath, read), message: `marked ${read ? 'read' : 'unread'}: ${article.title}` };
}

function nextUnread(state: NavigationState, env: NavigationEnv): NavigationState {
  if (state.screen === 'list') {
    const visible = visibleArticles(state, env);
    const from = selectedIndex(state, env);
    for (let step = 1; step <= visible.length; step++) {
      const article = visible[(from + step) % visible.length];
      if (!isRead(state.reading, article.absPath)) return { ...state, list: { ...state.list, selectedId: article.id } };
    }
    return { ...state, message: 'every article here is read' };
  }
  const visit = currentVisit(state);
  if (!visit) return state;
  const seen = new Set([visit.id]);
  let article = env.library.byId.get(visit.id);
  while (article?.next && article.next.target.kind === 'article' && !seen.has(article.next.target.id)) {
    const id = article.next.target.id;
    seen.add(id);
    article = env.library.byId.get(id);
    if (article && !isRead(state.reading, article.absPath)) return openArticle(state, env, id, undefined, 'resume');
  }
  return { ...state, message: 'no unread article further along the chain' };
}

function positionOf(env: NavigationEnv, visit: Visit) {
  const lines = env.render(visit.id, visit.width).lines.length;
  return { line: visit.top, width: visit.width, fraction: lines > 0 ? visit.top / lines : 0 };
}

/** Leaving an article remembers where it was left; arriving marks it read and the library's last article. */
function syncReading(prev: NavigationState, next: NavigationState, env: NavigationEnv): NavigationState {
  const before = prev.screen === 'article' ? currentVisit(prev) : null;
  const after = next.screen === 'article' ? currentVisit(next) : null;
  if (before === after || (before && after && prev.index === next.index && before.id === after.id)) return next;
  let reading = next.reading;
  if (before) {
    const article = env.library.byId.get(before.id);
    if (article) reading = rememberPosition(reading, article.absPath, positionOf(env, before));
  }
  if (after) {
    const article = env.library.byId.get(after.id);
    if (article) {
      if (!isRead(reading, article.absPath)) reading = setRead(reading, article.absPath, true);
      reading = recordLastArticle(reading, env.library.roots, article.id);
    }
  }
  return reading === next.reading ? next : { ...next, reading };
}

/** The reading state to save now: what the reducer keeps, plus the place in the article open. */
export function readingSnapshot(state: NavigationState, env: NavigationEnv): ReadingState {
  const visit = state.screen === 'article' ? currentVisit(state) : null;
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  if (!visit || !article) return state.reading;
  return rememberPosition(state.reading, article.absPath, positionOf(env, visit));
}

export function navigationReducer(state: NavigationState, action: NavigationAction, env: NavigationEnv): NavigationState {
  let next: NavigationState;
  switch (action.type) {
    case 'command':
      next = runCommand({ ...normalize(state, env), message: null }, env, action.command, action.text);
      break;
    case 'open':
      next = openArticle(normalize(state, env), env, action.id, action.heading, action.resume ? 'resume' : undefined);
      break;
    case 'resize':
      next = state;
      break;
    case 'numberTimeout':
      next = state.digits !== null ? followNumber(state, env, Number(state.digits)) : state;
      break;
    case 'message':
      next = { ...state, message: action.message };
      break;
  }
  // Overlays belong to the article they were opened on.
  if (next.overlay && (next.screen !== 'article' || next.index !== state.index)) next = { ...next, overlay: null };
  // A search prompt closes when the article changes under it.
  if (next.search?.prompt && (next.screen !== 'article' || next.index !== next.search.origin.index)) next = { ...next, search: { ...next.search, prompt: false } };
  return syncReading(state, normalizeList(normalize(next, env), env), env);
}
