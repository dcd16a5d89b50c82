// The reader's navigation as a pure reducer (the Update of an Elm architecture): screens,
// history with per-visit scroll and focus, list selection and filter, the help overlay, the
// link-number prompt and the status message. No terminal here; the Ink components only map
// keys to actions and draw what this state says.
import { sortForReading } from '../library/readingOrder.js';
import type { Article, Library, LinkTarget } from '../library/types.js';
import type { RenderedArticle, RenderedLink } from '../render/types.js';
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
  | { type: 'open'; id: string; heading?: string }
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
  if (state.digits !== null) return 'number';
  if (state.screen === 'list') return state.list.prompt ? 'filter' : 'list';
  return 'article';
}

export function initialNavigationState(env: NavigationEnv, open?: { id: string; heading?: string }): NavigationState {
  const first = articlesInOrder(env.library)[0];
  let state: NavigationState = {
    screen: 'list',
    history: [],
    index: -1,
    list: { selectedId: first ? first.id : null, top: 0, query: '', prompt: false },
    help: { open: false, top: 0 },
    digits: null,
    message: null,
    quit: false,
  };
  if (open && env.library.byId.has(open.id)) state = navigationReducer(state, { type: 'open', ...open }, env);
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

function openArticle(state: NavigationState, env: NavigationEnv, id: string, heading?: string): NavigationState {
  const article = env.library.byId.get(id);
  if (!article) return { ...state, message: `not in library: ${id}` };
  const rendered = env.render(id, env.viewport.width);
  let top = 0;
  if (heading) {
    const line = headingLine(rendered, heading);
    if (line !== null) top = clamp(line, 0, maxTop(rendered, env));
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

/** A digit typed: follow at once when it cannot start a longer number, else wait for more. */
function typeDigits(state: NavigationState, env: NavigationEnv, digits: string): NavigationState {
  const numbers = [...numberedTargets(state, env).keys()];
  const highest = numbers.length > 0 ? Math.max(...numbers) : 0;
  const n = Number(digits);
  if (highest <= 9 || n * 10 > highest) return followNumber(state, env, n);
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
  const id = visible[i].id;
  const visit = currentVisit(state);
  // The list is not a history entry: reopening the current article returns to it as it was.
  if (visit && visit.id === id) return { ...state, screen: 'article' };
  return openArticle(state, env, id);
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
      if (state.digits !== null) {
        const digits = state.digits + text.replace(/[^0-9]/g, '');
        return digits === state.digits ? state : typeDigits(state, env, digits);
      }
      return { ...state, list: { ...state.list, query: state.list.query + text, selectedId: null, top: 0 } };
    case 'promptDelete':
      if (state.digits !== null) {
        const digits = state.digits.slice(0, -1);
        return { ...state, digits: digits === '' ? null : digits };
      }
      return { ...state, list: { ...state.list, query: [...state.list.query].slice(0, -1).join(''), selectedId: null, top: 0 } };
    case 'promptAccept':
      if (state.digits !== null) return followNumber(state, env, Number(state.digits));
      return openSelected({ ...state, list: { ...state.list, prompt: false } }, env);
    case 'promptCancel':
      if (state.digits !== null) return { ...state, digits: null };
      return { ...state, list: { ...state.list, query: '', prompt: false } };
  }
}

export function navigationReducer(state: NavigationState, action: NavigationAction, env: NavigationEnv): NavigationState {
  let next: NavigationState;
  switch (action.type) {
    case 'command':
      next = runCommand({ ...normalize(state, env), message: null }, env, action.command, action.text);
      break;
    case 'open':
      next = openArticle(normalize(state, env), env, action.id, action.heading);
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
  return normalizeList(normalize(next, env), env);
}
