// What opens over the screen and takes the keys while open: help (?), the table of contents
// (t) and the links panel (r), moved through with the arrows and accepted with Enter; and `o`,
// which asks the UI to open a URL outside. Owns help, overlay and openRequest.
import type { LinkTarget } from '../library/types.js';
import { followTarget, relatedNumbers, titleOf } from './history.js';
import { currentVisit, requestCopy, requestOpen, type CommandHandlers, type NavigationEnv, type NavigationState } from './navigationState.js';
import { clamp, halfPageRows, pageRows, scrollTo } from './viewport.js';

export type PanelGroup = 'related' | 'previous' | 'next' | 'external' | 'linkedFrom' | 'mentionedIn';

export interface PanelEntry {
  group: PanelGroup;
  /** Title (or label) to show; cleaned by the view. */
  label: string;
  target: LinkTarget;
  /** Related-reading number, as the article shows it. */
  number?: number;
}

/**
 * The links panel of an article: related reading (numbered as the article shows it), previous /
 * next, external links, linked from (backlinks), mentioned in. Made on each call (a few dozen
 * entries; "mentioned in" is an index the search layer keeps per library).
 */
export function linksPanelEntries(env: NavigationEnv, id: string): PanelEntry[] {
  const article = env.library.byId.get(id);
  if (!article) return [];
  const rendered = env.render(id, env.viewport.width);
  const entries: PanelEntry[] = [];
  const labelOf = (title: string, target: LinkTarget) => (target.kind === 'article' ? titleOf(env, target) : title);
  for (const [number, link] of [...relatedNumbers(rendered)].sort(([a], [b]) => a - b)) {
    entries.push({ group: 'related', label: labelOf(link.label, link.target), target: link.target, number });
  }
  if (article.previous) entries.push({ group: 'previous', label: labelOf(article.previous.title, article.previous.target), target: article.previous.target });
  if (article.next) entries.push({ group: 'next', label: labelOf(article.next.title, article.next.target), target: article.next.target });
  const urls = new Set<string>();
  for (const link of rendered.links) {
    if (link.target.kind !== 'external' || urls.has(link.target.url)) continue;
    urls.add(link.target.url);
    entries.push({ group: 'external', label: link.label, target: link.target });
  }
  const articleEntries = (group: PanelGroup, ids: readonly string[]) => {
    for (const from of ids) {
      const source = env.library.byId.get(from);
      if (source) entries.push({ group, label: source.title, target: { kind: 'article', id: from } });
    }
  };
  articleEntries('linkedFrom', article.backlinks);
  articleEntries('mentionedIn', env.mentionsOf?.(id) ?? []);
  return entries;
}

/** Scroll help by half a page, stopping at its end. */
function scrollHelp(state: NavigationState, env: NavigationEnv, step: 1 | -1): NavigationState {
  const limit = Math.max(0, (env.helpLength ?? Number.MAX_SAFE_INTEGER) - pageRows(env));
  const top = clamp(state.help.top + step * halfPageRows(env), 0, limit);
  return { ...state, help: { ...state.help, top } };
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
  if (entry.target.kind === 'attachment') return requestOpen(closed, entry.target.absPath, true);
  return followTarget(closed, env, entry.target);
}

function openExternal(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  if (visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one, then o opens it' };
  const link = env.render(visit.id, env.viewport.width).links[visit.focus];
  if (!link) return state;
  if (link.target.kind === 'attachment') return requestOpen(state, link.target.absPath, true);
  if (link.target.kind !== 'external') return { ...state, message: 'o opens external links; Enter follows this one' };
  return requestOpen(state, link.target.url);
}

/** `y`: the focused link's URL (an attachment's path; an article's source URL, else its file). */
function copyLink(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || state.screen !== 'article') return state;
  if (visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one, then y copies it' };
  const target = env.render(visit.id, env.viewport.width).links[visit.focus]?.target;
  if (!target) return state;
  if (target.kind === 'external') return requestCopy(state, target.url, 'link');
  if (target.kind === 'attachment') return requestCopy(state, target.absPath, 'path');
  if (target.kind === 'article') {
    const article = env.library.byId.get(target.id);
    if (article) return article.source ? requestCopy(state, article.source, 'source') : requestCopy(state, article.absPath, 'path');
  }
  return { ...state, message: 'this link leads nowhere to copy' };
}

/** `Y`: the open article's own source URL, else its file's path. */
function copySource(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  const article = visit && state.screen === 'article' ? env.library.byId.get(visit.id) : undefined;
  if (!article) return state;
  return article.source ? requestCopy(state, article.source, 'source') : requestCopy(state, article.absPath, 'path');
}

export const overlayCommands = {
  help: (state) => ({ ...state, help: { open: true, top: 0 } }),
  closeHelp: (state) => ({ ...state, help: { open: false, top: 0 } }),
  helpDown: (state, env) => scrollHelp(state, env, 1),
  helpUp: (state, env) => scrollHelp(state, env, -1),
  openToc,
  openLinks: (state) => (currentVisit(state) && state.screen === 'article' ? { ...state, overlay: { kind: 'links', selected: 0 } } : state),
  overlayDown: (state, env) => moveOverlay(state, env, 1),
  overlayUp: (state, env) => moveOverlay(state, env, -1),
  overlayAccept: acceptOverlay,
  overlayClose: (state) => ({ ...state, overlay: null }),
  openExternal,
  copyLink,
  copySource,
} satisfies CommandHandlers;
