// A new library under the running reader (a file edited, added or deleted; saved pages read in
// the background): the list selection and the open article are kept by id, the reading place
// by what is read there (the nearest heading above the first visible line, and how far below it
// that line's words are), never by a line number, which an edit above moves. An open article
// whose file was deleted stays readable, marked as deleted, until the reader leaves it; then its
// visits leave history. Owns `deleted`.
import type { LibraryChange } from '../library/libraryUpdates.js';
import type { RenderedArticle } from '../render/types.js';
import type { ReadingAnchor } from '../state/readingState.js';
import { visibleArticles } from './articleList.js';
import { currentVisit, type NavigationEnv, type NavigationState, type Visit } from './navigationState.js';
import { clamp, focusKeptAt, lineOfTextOffset, maxTop, textOffsetOfLine } from './viewport.js';

/** Where the reader is in an article, in words (saved with positions too, so its shape is the state's). */
export type { ReadingAnchor };

export function anchorAt(rendered: RenderedArticle, top: number): ReadingAnchor {
  let heading: ReadingAnchor['heading'] = null;
  let from = 0;
  const seen = new Map<string, number>();
  for (const h of rendered.headings) {
    if (h.line > top) break;
    const occurrence = seen.get(h.slug) ?? 0;
    seen.set(h.slug, occurrence + 1);
    heading = { slug: h.slug, occurrence };
    from = h.line;
  }
  const offset = textOffsetOfLine(rendered, top) - textOffsetOfLine(rendered, from);
  // A blank line has no words to find it by: the words of the next line that has some, and how far down they are.
  let below = top;
  while (below < rendered.plainLines.length - 1 && (rendered.plainLines[below] ?? '').trim() === '') below++;
  const words = (rendered.plainLines[below] ?? '').trim();
  const anchor: ReadingAnchor = { heading, offset, words, width: rendered.width };
  return words !== '' && below > top ? { ...anchor, lead: below - top } : anchor;
}

/** The first visible line that puts `anchor` at the top of `rendered` (not clamped). */
export function lineOfAnchor(rendered: RenderedArticle, anchor: ReadingAnchor): number {
  let from = 0;
  let end = rendered.plainLines.length;
  if (anchor.heading) {
    const { slug, occurrence } = anchor.heading;
    const same = rendered.headings.filter((h) => h.slug === slug);
    const found = same[Math.min(occurrence, same.length - 1)];
    if (found) {
      from = found.line;
      const following = rendered.headings.find((h) => h.line > found.line);
      if (following) end = following.line;
    }
  }
  // The offset counts the words before the place, so it finds the line of `words` (below a blank top).
  const guess = lineOfTextOffset(rendered, textOffsetOfLine(rendered, from) + anchor.offset);
  const lead = Number.isInteger(anchor.lead) && anchor.lead! > 0 ? anchor.lead! : 0;
  const above = (line: number) => Math.max(0, line - lead);
  if (anchor.words === '' || anchor.width !== rendered.width || (rendered.plainLines[guess] ?? '').trim() === anchor.words) return above(guess);
  // Words written above the place (in the same section) moved it: find its words, nearest first.
  for (let step = 1; step < end - from; step++) {
    for (const line of [guess + step, guess - step]) {
      if (line >= from && line < end && rendered.plainLines[line].trim() === anchor.words) return above(line);
    }
  }
  return above(guess);
}

/** A visit of an article that changed, brought to its new layout with its place kept. */
function reanchored(visit: Visit, before: NavigationEnv, env: NavigationEnv): Visit {
  // A visit restored from the last run and not shown yet stays so: it is placed at its saved place when shown.
  if (visit.resume) return { ...visit, width: env.viewport.width };
  const old = before.render(visit.id, visit.width);
  const rendered = env.render(visit.id, env.viewport.width);
  const top = visit.top <= 0 ? 0 : clamp(lineOfAnchor(rendered, anchorAt(old, visit.top)), 0, maxTop(rendered, env));
  // The focused link is kept when the same link (label and place in reading order) is still in view.
  const same = visit.focus !== null && old.links[visit.focus] && rendered.links[visit.focus]?.label === old.links[visit.focus].label;
  return { id: visit.id, top, focus: same ? focusKeptAt(rendered, visit.focus, top, env.viewport.height) : null, width: env.viewport.width };
}

/**
 * The state for the library `env` holds, from the state for `before`'s. `status` is the
 * publisher's line for the status line, if any.
 */
export function libraryChanged(state: NavigationState, env: NavigationEnv, before: NavigationEnv, change: LibraryChange, status?: string): NavigationState {
  const touched = new Set([...change.changed, ...change.added, ...change.removed]);
  const open = state.screen === 'article' ? currentVisit(state) : null;
  let next: NavigationState = state;

  // Visits of changed articles (a deleted one too: it is still drawn from its last body).
  if (state.history.some((visit) => touched.has(visit.id))) {
    next = { ...next, history: state.history.map((visit) => (touched.has(visit.id) ? reanchored(visit, before, env) : visit)) };
  }
  const current = currentVisit(next);
  if (current && open && !env.library.byId.has(current.id)) {
    next = { ...next, deleted: { id: current.id, title: before.library.byId.get(current.id)?.title ?? state.deleted?.title ?? current.id } };
  } else if (next.deleted && env.library.byId.has(next.deleted.id)) {
    // The file is back (an editor that saves by writing a new file and renaming it over the old).
    next = { ...next, deleted: null };
  }
  next = forgetDeleted(next, env);

  // The list's selection, by id; a deleted one passes to its neighbour in the list as it was.
  const selected = next.list.selectedId;
  if (selected !== null && !env.library.byId.has(selected) && next.deleted?.id !== selected) {
    const was = visibleArticles(state, before);
    const at = was.findIndex((a) => a.id === selected);
    const neighbour = [...was.slice(at + 1), ...was.slice(0, Math.max(0, at)).reverse()].find((a) => env.library.byId.has(a.id));
    next = { ...next, list: { ...next.list, selectedId: neighbour?.id ?? null } };
  }
  // A match found in the old text is no longer where it was.
  if (next.search?.current && touched.has(next.search.current.id)) next = { ...next, search: { ...next.search, current: null } };
  if (next.overlay && current && touched.has(current.id)) next = { ...next, overlay: { ...next.overlay, selected: 0 } };
  if (status !== undefined) next = { ...next, message: status };
  return next;
}

/**
 * Once the reader has left a deleted article, its visits leave history (going back never lands
 * on an article that is gone).
 */
export function forgetDeleted(state: NavigationState, env: NavigationEnv): NavigationState {
  const gone = (visit: Visit) => !env.library.byId.has(visit.id);
  const current = currentVisit(state);
  const stillOpen = state.deleted !== null && state.screen === 'article' && current?.id === state.deleted.id;
  if (stillOpen || !state.history.some(gone)) return state.deleted && !stillOpen ? { ...state, deleted: null } : state;
  const keep = state.history.map((visit, i) => ({ visit, i })).filter(({ visit }) => !gone(visit));
  const before = keep.filter(({ i }) => i <= state.index);
  const index = before.length > 0 ? before.length - 1 : keep.length > 0 ? 0 : -1;
  return { ...state, history: keep.map(({ visit }) => visit), index, deleted: null, screen: index < 0 ? 'list' : state.screen };
}
