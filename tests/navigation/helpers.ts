// The navigation tests' one way to get a library and its layouts: files written to a temporary
// folder, read by the real loader, laid out by the real renderer (memoised per id + width, as
// the UI's render cache does). This is the only file here that knows how an article becomes
// lines, so a change of the renderer's input is adapted here once.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { loadLibrary } from '../../src/library/index.js';
import type { Library } from '../../src/library/types.js';
import { bodyOf, storeOf } from '../library/helpers.js';
import { mentionsOf } from '../../src/search/mentions.js';
import {
  articlesInOrder,
  createSimpleFilter,
  currentRendered,
  currentVisit,
  initialNavigationState,
  navigationReducer,
  simpleFilter,
  type Command,
  type NavigationAction,
  type NavigationEnv,
  type NavigationState,
  type Visit,
} from '../../src/navigation/index.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import type { RenderedArticle } from '../../src/render/types.js';
import type { ReadingState } from '../../src/state/readingState.js';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A library read by the real loader from `files` (path → text) in a fresh temporary folder. */
export async function libraryOf(files: Record<string, string>): Promise<Library> {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-nav-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return loadLibrary([root]);
}

/** The library's articles laid out by the real renderer, one layout per id + width. */
export function renderFor(library: Library): (id: string, width: number) => RenderedArticle {
  const layouts = new Map<string, RenderedArticle>();
  return (id, width) => {
    const key = `${width}\u0000${id}`;
    let layout = layouts.get(key);
    if (!layout) {
      layout = renderArticle(bodyOf(library, id), { width, color: false });
      layouts.set(key, layout);
    }
    return layout;
  };
}

/** What the navigation reads, as the reader gives it (the simple list filter included). */
export function envFor(library: Library, width = 40, height = 10): NavigationEnv {
  const bodyText = (article: { id: string }) => storeOf(library).read(article.id)?.body ?? null;
  return {
    library,
    articles: articlesInOrder(library),
    render: renderFor(library),
    viewport: { width, height },
    filter: createSimpleFilter(bodyText),
    mentionsOf: (id) => mentionsOf(library, id, bodyText),
  };
}

/** A Markdown article: front matter from `meta` (a value that is a list becomes YAML's list), then the body. */
export function markdown(meta: Record<string, string | string[]>, body: string): string {
  const yaml = Object.entries(meta).map(([key, value]) =>
    Array.isArray(value) ? `${key}:\n${value.map((item) => `  - ${item}`).join('\n')}` : `${key}: ${value}`,
  );
  return `---\n${yaml.join('\n')}\n---\n\n${body}\n`;
}

/** `n` numbered paragraphs (`prefix1`, `prefix2`, …), one line each. */
export function filler(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join('\n\n');
}

/** Three linked articles in two sections, a heading, an unresolved related entry and body link. */
export const SAMPLE: Record<string, string> = {
  'world/ferry.md': markdown(
    {
      title: 'The last river ferry',
      section: 'World / Transport',
      date: '2025-04-02',
      related: ['world/bridge', 'culture/choir', 'title: A night market reopens'],
      previous: 'culture/choir',
      next: 'world/bridge',
    },
    `Ferry opening words.\n\n${filler('ferry para ', 30)}\n\nSee [the bridge vote](bridge.md) and [[Lost Page|a missing page]].\n\n## Timetable\n\n${filler('timetable row ', 10)}`,
  ),
  'world/bridge.md': markdown(
    { title: 'Bridge vote delayed', section: 'World / Transport', date: '2025-04-05', related: ['world/ferry'], previous: 'world/ferry', next: 'culture/choir' },
    `Bridge opening words.\n\n${filler('bridge para ', 30)}\n\nBack to [the ferry](ferry.md) or the [timetable](ferry.md#Timetable).`,
  ),
  'culture/choir.md': markdown(
    { title: 'A choir of gulls', section: 'Culture', date: '2024-12-01', related: ['world/ferry'], previous: 'world/bridge', next: 'world/ferry' },
    `Choir opening words.\n\n${filler('choir para ', 30)}\n\nIt sings of river crossings.`,
  ),
};

/** The reducer driven as the reader drives it: commands and actions in, state out. */
export interface Navigator {
  env: NavigationEnv;
  state: NavigationState;
  run(...commands: Array<Command | [Command, string]>): Navigator;
  dispatch(action: NavigationAction): Navigator;
  open(id: string): Navigator;
  visit(): Visit;
  rendered(): RenderedArticle;
}

export interface NavigatorOptions {
  width?: number;
  height?: number;
  open?: { id: string; heading?: string };
  reading?: ReadingState;
}

export async function navigatorOf(files: Record<string, string>, options: NavigatorOptions = {}): Promise<Navigator> {
  return navigatorOver(envFor(await libraryOf(files), options.width, options.height), options);
}

export function navigatorOver(env: NavigationEnv, options: NavigatorOptions = {}): Navigator {
  const nav: Navigator = {
    env,
    state: initialNavigationState(env, options.open, options.reading),
    dispatch(action) {
      nav.state = navigationReducer(nav.state, action, env);
      return nav;
    },
    run(...commands) {
      for (const c of commands) {
        const [command, text] = Array.isArray(c) ? c : [c, undefined];
        nav.dispatch({ type: 'command', command, text });
      }
      return nav;
    },
    open: (id) => nav.dispatch({ type: 'open', id }),
    visit: () => currentVisit(nav.state)!,
    rendered: () => currentRendered(nav.state, env)!,
  };
  return nav;
}

/** The index of the rendered link with this label (fails the test when there is none). */
export function linkIndex(rendered: RenderedArticle, label: string): number {
  const i = rendered.links.findIndex((link) => link.label === label);
  if (i < 0) throw new Error(`no link "${label}"; have ${rendered.links.map((link) => JSON.stringify(link.label)).join(', ')}`);
  return i;
}

/** The line a plain text first shows on (fails the test when it is not there). */
export function lineOf(rendered: RenderedArticle, text: string): number {
  const i = rendered.plainLines.findIndex((line) => line.includes(text));
  if (i < 0) throw new Error(`no line with "${text}"`);
  return i;
}
