// Where the reader is in the article shown: the current visit's first visible line, its
// focused link and the width it was laid out at. Scrolling, Tab and Shift-Tab, and bringing a
// visit to a new width or height (a resize, or returning to a visit laid out at another width)
// all happen here; nothing else moves `top` or `focus` but through these helpers.
import type { RenderedArticle, RenderedLink } from '../render/types.js';
import { currentVisit, replaceVisit, type CommandHandlers, type NavigationEnv, type NavigationState, type Visit } from './navigationState.js';

export const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** Rows a page moves (article, list, help): the viewport's height, at least one. */
export const pageRows = (env: NavigationEnv) => Math.max(1, env.viewport.height);

export const halfPageRows = (env: NavigationEnv) => Math.max(1, Math.floor(pageRows(env) / 2));

/** The last first-visible line that still fills the viewport. */
export function maxTop(rendered: RenderedArticle, env: NavigationEnv): number {
  return Math.max(0, rendered.lines.length - env.viewport.height);
}

/** The current article laid out at the viewport's width. */
export function currentRendered(state: NavigationState, env: NavigationEnv): RenderedArticle | null {
  const visit = currentVisit(state);
  return visit ? env.render(visit.id, env.viewport.width) : null;
}

// --- Where a rendered link sits --------------------------------------------------------

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

/** A focus that is gone or scrolled out of view at `top` is let go (Tab then takes the first link in view). */
export function focusKeptAt(rendered: RenderedArticle, focus: number | null, top: number, height: number): number | null {
  if (focus !== null && (!rendered.links[focus] || !linkInView(rendered.links[focus], top, height))) return null;
  return focus;
}

// --- Scrolling and focus ----------------------------------------------------------------

/** Scroll the article to `top` (clamped); a focused link scrolled out of view is let go. */
export function scrollTo(state: NavigationState, env: NavigationEnv, top: (visit: Visit, rendered: RenderedArticle) => number): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  const rendered = env.render(visit.id, env.viewport.width);
  const newTop = clamp(top(visit, rendered), 0, maxTop(rendered, env));
  return replaceVisit(state, { ...visit, top: newTop, focus: focusKeptAt(rendered, visit.focus, newTop, env.viewport.height) });
}

/**
 * Tab and Shift-Tab: the next or previous link in reading order, scrolled into view. With no
 * focused link in view, Tab takes the first link in view (Shift-Tab the last).
 */
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

// --- Keeping the place at another width -------------------------------------------------
// The anchor is the text itself: the first character of the top visible line, counted in
// non-blank characters of the plain lines. Wrapping moves line breaks and indentation, never
// the order of the words, so the same count finds the same words at any width. The counts are
// made per call: this runs once per resize, not per key.

function countNonBlank(line: string): number {
  let n = 0;
  for (const ch of line) if (ch.trim() !== '') n++;
  return n;
}

/** Non-blank characters before `line`. */
export function textOffsetOfLine(rendered: RenderedArticle, line: number): number {
  const end = Math.max(0, Math.min(line, rendered.plainLines.length));
  let offset = 0;
  for (let i = 0; i < end; i++) offset += countNonBlank(rendered.plainLines[i]);
  return offset;
}

/** The line that holds the non-blank character at `offset` (the first line when offset is 0). */
export function lineOfTextOffset(rendered: RenderedArticle, offset: number): number {
  if (offset <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < rendered.plainLines.length; i++) {
    seen += countNonBlank(rendered.plainLines[i]);
    if (seen > offset) return i;
  }
  return Math.max(0, rendered.plainLines.length - 1);
}

/** Where `top` at one layout lands in another. */
export function remapTop(from: RenderedArticle, to: RenderedArticle, top: number): number {
  if (top <= 0) return 0;
  return lineOfTextOffset(to, textOffsetOfLine(from, top));
}

/** Bring the current visit to the current width and height: re-anchor, clamp, drop a focus that is gone. */
export function normalizeVisit(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit) return state;
  // A deleted article is still laid out from its last body while it is open (libraryChanged.ts).
  if (!env.library.byId.has(visit.id) && state.deleted?.id !== visit.id) return state;
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

export const viewportCommands = {
  lineDown: (state, env) => scrollTo(state, env, (v) => v.top + 1),
  lineUp: (state, env) => scrollTo(state, env, (v) => v.top - 1),
  pageDown: (state, env) => scrollTo(state, env, (v) => v.top + pageRows(env)),
  pageUp: (state, env) => scrollTo(state, env, (v) => v.top - pageRows(env)),
  halfDown: (state, env) => scrollTo(state, env, (v) => v.top + halfPageRows(env)),
  halfUp: (state, env) => scrollTo(state, env, (v) => v.top - halfPageRows(env)),
  top: (state, env) => scrollTo(state, env, () => 0),
  bottom: (state, env) => scrollTo(state, env, (_v, r) => r.lines.length),
  nextLink: (state, env) => focusLink(state, env, 1),
  previousLink: (state, env) => focusLink(state, env, -1),
} satisfies CommandHandlers;
