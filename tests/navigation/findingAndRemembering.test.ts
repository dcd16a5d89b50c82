// The reducer's side of issue 4: article search, overlays, links panel entries, reading state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  articlesInOrder,
  contextOf,
  currentMatchIndex,
  currentVisit,
  initialNavigationState,
  isArticleRead,
  linksPanelEntries,
  navigationReducer,
  readingSnapshot,
  type NavigationEnv,
  type NavigationState,
} from '../../src/navigation/index.js';
import type { Command } from '../../src/navigation/index.js';
import { emptyReadingState, recordLastArticle, recordPosition } from '../../src/state/readingState.js';
import { fakeRender, makeLibrary, memoRender, sampleLibrary } from './fakeLibrary.js';

function setup(state?: (env: NavigationEnv) => NavigationState, library = sampleLibrary()) {
  const env: NavigationEnv = { library, articles: articlesInOrder(library), render: memoRender(fakeRender(library)), viewport: { width: 40, height: 10 } };
  let s = state ? state(env) : initialNavigationState(env);
  const run = (...commands: Array<Command | [Command, string]>) => {
    for (const c of commands) {
      const [command, text] = Array.isArray(c) ? c : [c, undefined];
      s = navigationReducer(s, { type: 'command', command, text }, env);
    }
    return s;
  };
  return { env, run, get state() { return s; } };
}

test('search: typing searches from where / was pressed, Esc goes back, Enter keeps; n and N wrap', () => {
  const nav = setup((env) => initialNavigationState(env, { id: 'world/ferry' }));
  nav.run('lineDown', 'lineDown', 'openSearch');
  assert.equal(contextOf(nav.state), 'search');
  nav.run(['promptType', 'timetable']);
  assert.equal(currentVisit(nav.state)!.top, 64, 'scrolled to the heading line');
  nav.run('promptCancel');
  assert.equal(currentVisit(nav.state)!.top, 2, 'back where it was');
  assert.equal(nav.state.search, null);

  nav.run('openSearch', ['promptType', 'para 3'], 'promptAccept');
  assert.equal(contextOf(nav.state), 'article');
  // 'para 3' and 'para 30': two matches.
  assert.equal(currentMatchIndex(nav.state, nav.env), 0);
  nav.run('searchNext');
  assert.equal(currentMatchIndex(nav.state, nav.env), 1);
  nav.run('searchNext');
  assert.equal(currentMatchIndex(nav.state, nav.env), 0);
  assert.equal(nav.state.message, 'wrapped to the top');
  nav.run('searchPrevious');
  assert.equal(currentMatchIndex(nav.state, nav.env), 1);
  assert.equal(nav.state.message, 'wrapped to the bottom');
});

test('overlays take the keys of their context and close when the article changes', () => {
  const nav = setup((env) => initialNavigationState(env, { id: 'world/ferry' }));
  nav.run('openToc');
  assert.equal(contextOf(nav.state), 'toc');
  nav.run('overlayAccept');
  assert.equal(currentVisit(nav.state)!.top, 64);
  nav.run('openLinks');
  assert.equal(contextOf(nav.state), 'links');
  nav.run('overlayAccept'); // [1] the bridge
  assert.equal(currentVisit(nav.state)!.id, 'world/bridge');
  assert.equal(nav.state.overlay, null);
  const none = setup((env) => initialNavigationState(env, { id: 'culture/choir' }));
  none.run('openToc');
  assert.equal(none.state.message, 'no headings in this article');
});

test('links panel entries: related numbered, chain, linked from (backlinks), mentioned in', () => {
  const library = makeLibrary([
    { id: 'a', title: 'Harbour wall repaired', body: 'Wall.', related: ['b', '?Missing page'], next: 'b' },
    { id: 'b', title: 'Lamps relit', body: 'See [the wall](a).' },
    { id: 'c', title: 'Coast notes', body: 'The harbour wall repaired at last.' },
  ]);
  const nav = setup(undefined, library);
  const entries = linksPanelEntries(nav.env, 'a');
  assert.deepEqual(
    entries.map((e) => [e.group, e.label, e.number ?? null]),
    [
      ['related', 'Lamps relit', 1],
      ['related', 'Missing page', 2],
      ['next', 'Lamps relit', null],
      ['linkedFrom', 'Lamps relit', null],
      ['mentionedIn', 'Coast notes', null],
    ],
  );
});

test('reading state: opening marks read and remembers the last article; leaving records the place', () => {
  const nav = setup();
  const ferry = nav.env.library.byId.get('world/ferry')!;
  assert.equal(isArticleRead(nav.state, ferry), false);
  nav.run('listBottom', 'openSelected', 'pageDown');
  assert.equal(isArticleRead(nav.state, ferry), true);
  assert.equal(nav.state.reading.libraries['/lib'].lastArticleId, 'world/ferry');
  assert.equal(nav.state.reading.articles[ferry.absPath].position, undefined, 'not yet: only on leaving or when saving');
  assert.equal(readingSnapshot(nav.state, nav.env).articles[ferry.absPath].position?.line, 10);
  nav.run('toList');
  assert.equal(nav.state.reading.articles[ferry.absPath].position?.line, 10);
  nav.run('toggleRead');
  assert.equal(isArticleRead(nav.state, ferry), false);
});

test('saved places: the list selects the last article and opens it where it was; links and the chain open at the top', () => {
  let reading = recordPosition(emptyReadingState(), '/lib/world/bridge.md', { line: 12, width: 40, fraction: 0.2 });
  reading = recordLastArticle(reading, ['/lib'], 'world/bridge');
  const nav = setup((env) => initialNavigationState(env, undefined, reading));
  assert.equal(nav.state.list.selectedId, 'world/bridge');
  nav.run('openSelected');
  assert.equal(currentVisit(nav.state)!.top, 12);
  nav.run('previousArticle', 'nextArticle');
  assert.equal(currentVisit(nav.state)!.id, 'world/bridge');
  assert.equal(currentVisit(nav.state)!.top, 0, 'a new visit by a link starts at the top');
  const opened = setup((env) => initialNavigationState(env, { id: 'world/bridge' }, reading));
  assert.equal(currentVisit(opened.state)!.top, 12, '--open resumes');
});
