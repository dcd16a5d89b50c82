// Going somewhere: every way of arriving at an article, and history as a browser keeps it.
// Opening an article adds a visit (dropping the forward entries); back and forward walk the
// visits, each as it was left. A link target opens its article or says why it cannot: the
// focused link on Enter, the chain on ] and [, and the related-reading numbers, read from the
// article as the renderer numbered it (one numbering, decided by the library's `related`
// order; SPEC §3: 1 … 9 follow at once, more than nine build the number in the status line).
// Owns screen, history, index and digits.
import type { LinkTarget } from '../library/types.js';
import { headingSlug } from '../text/slug.js';
import type { RenderedArticle, RenderedLink } from '../render/types.js';
import { isFootnoteTarget } from '../render/renderContext.js';
import { currentVisit, requestOpen, type CommandHandlers, type NavigationEnv, type NavigationState, type Visit } from './navigationState.js';
import { lineOfPosition } from './savedPlace.js';
import { clamp, maxTop } from './viewport.js';

/**
 * The line of a heading named by its slug (as GitHub writes it) or its text, or of the block
 * named by `^id` (a block reference), or null.
 */
export function headingLine(rendered: RenderedArticle, heading: string): number | null {
  if (heading.startsWith('^')) {
    const id = heading.slice(1).trim();
    const block = rendered.blocks.find((b) => b.id === id) ?? rendered.blocks.find((b) => b.id.toLowerCase() === id.toLowerCase());
    return block ? block.line : null;
  }
  const slug = headingSlug(heading);
  const wanted = heading.trim().toLocaleLowerCase('en');
  const found =
    rendered.headings.find((h) => h.slug === heading || h.slug === slug) ??
    rendered.headings.find((h) => h.text.trim().toLocaleLowerCase('en') === wanted);
  return found ? found.line : null;
}

/**
 * Open an article as a new visit: at a heading, at a line, or (`resume`: from the list, `--open`)
 * where the reader left it last time. Links and the chain open at the top, as a browser does.
 */
export function openArticle(state: NavigationState, env: NavigationEnv, id: string, heading?: string, atLine?: number | 'resume'): NavigationState {
  const article = env.library.byId.get(id);
  if (!article) return { ...state, message: `not in library: ${id}` };
  const rendered = env.render(id, env.viewport.width);
  let top = 0;
  const line = heading ? headingLine(rendered, heading) : null;
  if (heading) {
    if (line !== null) top = clamp(line, 0, maxTop(rendered, env));
  } else if (typeof atLine === 'number') {
    top = clamp(atLine, 0, maxTop(rendered, env));
  } else if (atLine === 'resume') {
    const saved = state.reading.articles[article.absPath]?.position;
    if (saved) top = clamp(lineOfPosition(rendered, saved), 0, maxTop(rendered, env));
  }
  const visit: Visit = { id, top, focus: null, width: env.viewport.width };
  const history = [...state.history.slice(0, state.index + 1), visit];
  return {
    ...state,
    screen: 'article',
    history,
    index: history.length - 1,
    list: { ...state.list, selectedId: id },
    message: heading && line === null ? `no ${heading.startsWith('^') ? 'block' : 'heading'} "${heading}" in ${article.title}` : null,
  };
}

/** Move to another visit in history, as it was left. */
function goTo(state: NavigationState, index: number): NavigationState {
  return { ...state, screen: 'article', index, list: { ...state.list, selectedId: state.history[index].id } };
}

/** What a link target is called: the article's title (› heading), the URL, or the title not found. */
export function titleOf(env: NavigationEnv, target: LinkTarget): string {
  switch (target.kind) {
    case 'article': {
      const article = env.library.byId.get(target.id);
      const title = article ? article.title : target.id;
      // A footnote marker leads to the article's notes; its block's name is ours, not the writer's.
      if (isFootnoteTarget(target.heading)) return `${title} › Notes`;
      return target.heading ? `${title} › ${target.heading}` : title;
    }
    case 'external':
      return target.url;
    case 'attachment':
      return target.fragment ? `${target.name} › ${target.fragment}` : target.name;
    case 'unresolved':
      return target.title;
  }
}

/** Follow a link target: open an article, or say why not. Nothing but the message changes when it cannot be followed. */
export function followTarget(state: NavigationState, env: NavigationEnv, target: LinkTarget): NavigationState {
  switch (target.kind) {
    case 'article':
      if (!env.library.byId.has(target.id)) return { ...state, message: `not in library: ${target.id}` };
      return openArticle(state, env, target.id, target.heading);
    case 'external':
      return { ...state, message: `external link: ${target.url}` };
    case 'attachment':
      return requestOpen(state, target.absPath, true);
    case 'unresolved':
      return { ...state, message: target.reason === 'missing-file' ? `no such file: ${target.ref}` : `not in library: ${target.title}` };
  }
}

function followFocused(state: NavigationState, env: NavigationEnv): NavigationState {
  const visit = currentVisit(state);
  if (!visit || visit.focus === null) return { ...state, message: 'no link focused: Tab focuses one' };
  const link = env.render(visit.id, env.viewport.width).links[visit.focus];
  return link ? followTarget(state, env, link.target) : state;
}

function chainLink(state: NavigationState, env: NavigationEnv, which: 'next' | 'previous'): NavigationState {
  const visit = currentVisit(state);
  const article = visit ? env.library.byId.get(visit.id) : undefined;
  const link = article?.[which];
  if (!link) return { ...state, message: `no ${which} article` };
  return followTarget(state, env, link.target);
}

// --- Related-reading numbers ------------------------------------------------------------

/**
 * The related-reading links of an article as shown, by number: the links the renderer numbered.
 * `[n]` in place and the footer's list carry the same number; the footer's entry, laid out
 * last, is the one kept. Navigation has no numbering of its own.
 */
export function relatedNumbers(rendered: RenderedArticle): Map<number, RenderedLink> {
  const numbered = new Map<number, RenderedLink>();
  for (const link of rendered.links) if (link.number !== undefined) numbered.set(link.number, link);
  return numbered;
}

function currentNumbers(state: NavigationState, env: NavigationEnv): Map<number, RenderedLink> {
  const visit = currentVisit(state);
  return visit ? relatedNumbers(env.render(visit.id, env.viewport.width)) : new Map();
}

/** Follow related link `n` of the article shown; the number prompt closes either way. */
export function followNumber(state: NavigationState, env: NavigationEnv, n: number): NavigationState {
  const link = currentNumbers(state, env).get(n);
  const cleared = { ...state, digits: null };
  if (!link) return { ...cleared, message: `no related link ${n}` };
  return followTarget(cleared, env, link.target);
}

/**
 * A digit typed: with nine related links or fewer it follows at once; with more, digits build
 * the number in the status line until Enter or a pause follows it (SPEC §3), even when no
 * longer number exists, so a trailing Enter never lands in the next article.
 */
function typeDigits(state: NavigationState, env: NavigationEnv, digits: string): NavigationState {
  const numbers = [...currentNumbers(state, env).keys()];
  const highest = numbers.length > 0 ? Math.max(...numbers) : 0;
  if (highest <= 9) return followNumber(state, env, Number(digits));
  return { ...state, digits };
}

/** The number prompt: digits extend it (anything else typed is ignored). */
export function typeNumber(state: NavigationState, env: NavigationEnv, text: string): NavigationState {
  const digits = state.digits! + text.replace(/[^0-9]/g, '');
  return digits === state.digits ? state : typeDigits(state, env, digits);
}

/** Backspace in the number prompt: shortens it; empty closes it. */
export function deleteDigit(state: NavigationState): NavigationState {
  const digits = state.digits!.slice(0, -1);
  return { ...state, digits: digits === '' ? null : digits };
}

export const historyCommands = {
  back: (state) => (state.index <= 0 ? { ...state, message: 'no earlier article in history' } : goTo(state, state.index - 1)),
  forward: (state) => (state.index >= state.history.length - 1 ? { ...state, message: 'no later article in history' } : goTo(state, state.index + 1)),
  followLink: followFocused,
  followNumber: (state, env, text) => (/^[0-9]$/.test(text) ? typeDigits(state, env, text) : state),
  nextArticle: (state, env) => chainLink(state, env, 'next'),
  previousArticle: (state, env) => chainLink(state, env, 'previous'),
} satisfies CommandHandlers;
