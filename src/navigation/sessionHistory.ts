// History across runs: the way back and forward is saved with the reading state (the ids and
// the current one, per library) and given back at the next start, so `←` after a relaunch goes
// where it went before; each arrival at an article is logged with its time for the recent-visits
// screen (H). A restored visit is laid out only when it is shown, at the article's saved place.
// Reads and writes `reading` (trail and visits) and places restored visits; history itself
// stays history.ts's.
import { recordTrail, recordVisit, savedTrail, type ReadingState } from '../state/readingState.js';
import { currentVisit, replaceVisit, type NavigationEnv, type NavigationState, type Visit } from './navigationState.js';
import { lineOfPosition } from './savedPlace.js';
import { clamp, maxTop } from './viewport.js';

/** The saved history of this library, with the articles no longer in it left out. */
export function restoredHistory(env: NavigationEnv, reading: ReadingState): { history: Visit[]; index: number } {
  const trail = savedTrail(reading, env.library.roots);
  if (!trail) return { history: [], index: -1 };
  const history: Visit[] = [];
  let index = -1;
  trail.ids.forEach((id, i) => {
    if (!env.library.byId.has(id)) return;
    history.push({ id, top: 0, focus: null, width: env.viewport.width, resume: true });
    if (i <= trail.index) index = history.length - 1;
  });
  return { history, index: history.length > 0 ? Math.max(0, index) : -1 };
}

/** A restored visit being shown for the first time: at the article's saved place. */
export function placeResumed(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit?.resume || state.screen !== 'article') return state;
  const article = env.library.byId.get(visit.id);
  const rendered = env.render(visit.id, env.viewport.width);
  const saved = article ? state.reading.articles[article.absPath]?.position : undefined;
  const top = saved ? clamp(lineOfPosition(rendered, saved), 0, maxTop(rendered, env)) : 0;
  return replaceVisit(state, { id: visit.id, top, focus: null, width: env.viewport.width });
}

const sameTrail = (a: NavigationState, b: NavigationState) =>
  a.index === b.index && a.history.length === b.history.length && a.history.every((visit, i) => visit.id === b.history[i].id);

/** Records the trail when history moved, and each arrival at an article in the recent-visits log. */
export function recordSession(prev: NavigationState, next: NavigationState, env: NavigationEnv): NavigationState {
  let reading = next.reading;
  const roots = env.library.roots;
  if (next.history !== prev.history || next.index !== prev.index) {
    if (!sameTrail(prev, next)) reading = recordTrail(reading, roots, next.history.map((visit) => visit.id), next.index);
  }
  const before = prev.screen === 'article' ? currentVisit(prev) : null;
  const after = next.screen === 'article' ? currentVisit(next) : null;
  const arrived = after !== null && !(before && prev.index === next.index && before.id === after.id);
  if (arrived && env.library.byId.has(after.id)) reading = recordVisit(reading, roots, after.id);
  return reading === next.reading ? next : { ...next, reading };
}
