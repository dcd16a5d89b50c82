import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  articlesInOrder,
  contextOf,
  currentRendered,
  currentVisit,
  initialNavigationState,
  navigationReducer,
  visibleArticles,
  type NavigationAction,
  type NavigationEnv,
  type NavigationState,
} from '../../src/navigation/index.js';
import type { Command } from '../../src/navigation/index.js';
import { fakeRender, filler, makeLibrary, memoRender, sampleLibrary } from './fakeLibrary.js';

function setup(width = 40, height = 10, library = sampleLibrary()) {
  const env: NavigationEnv = { library, articles: articlesInOrder(library), render: memoRender(fakeRender(library)), viewport: { width, height } };
  let state = initialNavigationState(env);
  const api = {
    env,
    get state(): NavigationState {
      return state;
    },
    set state(value: NavigationState) {
      state = value;
    },
    dispatch(action: NavigationAction) {
      state = navigationReducer(state, action, env);
      return api;
    },
    run(...commands: Array<Command | [Command, string]>) {
      for (const c of commands) {
        const [command, text] = Array.isArray(c) ? c : [c, undefined];
        api.dispatch({ type: 'command', command, text });
      }
      return api;
    },
    open(id: string) {
      return api.dispatch({ type: 'open', id });
    },
    visit() {
      return currentVisit(state)!;
    },
    rendered() {
      return currentRendered(state, env)!;
    },
  };
  return api;
}

test('the list is ordered by section, then newest first, then title', () => {
  const nav = setup();
  assert.deepEqual(
    visibleArticles(nav.state, nav.env).map((a) => a.id),
    ['culture/choir', 'world/bridge', 'world/ferry'],
  );
  assert.equal(nav.state.screen, 'list');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
});

test('list keys move the selection and Enter opens', () => {
  const nav = setup();
  nav.run('listDown', 'listDown', 'listDown');
  assert.equal(nav.state.list.selectedId, 'world/ferry', 'stops at the last row');
  nav.run('listTop');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
  nav.run('listBottom', 'listUp', 'openSelected');
  assert.equal(nav.state.screen, 'article');
  assert.equal(nav.visit().id, 'world/bridge');
  assert.equal(nav.state.history.length, 1);
});

test('back twice and forward once restore the right article with its scroll and focus', () => {
  const nav = setup();
  nav.open('world/ferry');
  nav.run('lineDown', 'lineDown', 'lineDown', 'nextLink');
  const ferry = { ...nav.visit() };
  assert.ok(ferry.top > 3, 'Tab scrolled down to the first link below the view');
  assert.notEqual(ferry.focus, null);

  nav.run(['followNumber', '1']); // → bridge
  assert.equal(nav.visit().id, 'world/bridge');
  nav.run('halfDown');
  const bridge = { ...nav.visit() };
  assert.equal(bridge.top, 5);

  nav.run('nextArticle'); // → choir
  assert.equal(nav.visit().id, 'culture/choir');
  assert.equal(nav.visit().top, 0);
  assert.equal(nav.state.history.length, 3);

  nav.run('back', 'back');
  assert.deepEqual(nav.visit(), ferry, 'back twice: the ferry, where it was left, focus included');
  nav.run('forward');
  assert.deepEqual(nav.visit(), bridge, 'forward once: the bridge at its scroll');
  assert.equal(nav.state.history.length, 3, 'walking history keeps it');

  nav.run('back', 'back');
  assert.equal(nav.state.message, 'no earlier article in history');
  assert.equal(nav.visit().id, 'world/ferry');
});

test('following a link after going back drops the forward entries', () => {
  const nav = setup();
  nav.open('world/ferry');
  nav.run('nextArticle', 'nextArticle'); // ferry → bridge → choir
  assert.deepEqual(nav.state.history.map((v) => v.id), ['world/ferry', 'world/bridge', 'culture/choir']);
  nav.run('back', 'back'); // at ferry
  nav.run('previousArticle'); // ferry → choir, a new entry
  assert.deepEqual(nav.state.history.map((v) => v.id), ['world/ferry', 'culture/choir']);
  assert.equal(nav.state.index, 1);
  nav.run('forward');
  assert.equal(nav.state.message, 'no later article in history');
});

test('Tab with nothing focused takes the first link in view, not the first link of the article', () => {
  const library = makeLibrary([
    {
      id: 'a',
      title: 'Links all the way down',
      body: `[first](b)\n\n${filler('filler ', 20)}\n\nNow [second](b) and [third](b).\n\n${filler('more ', 20)}`,
    },
    { id: 'b', title: 'B' },
  ]);
  const nav = setup(40, 5, library);
  nav.open('a');
  const rendered = nav.rendered();
  const second = rendered.links.findIndex((l) => l.label === 'second');
  nav.run('top');
  // Scroll so "second" is in view but "first" is not.
  const line = rendered.links[second].spans[0].line;
  for (let i = 0; i < line - 2; i++) nav.run('lineDown');
  assert.equal(nav.visit().focus, null);
  nav.run('nextLink');
  assert.equal(nav.visit().focus, second);
  nav.run('nextLink');
  assert.equal(rendered.links[nav.visit().focus!].label, 'third');
  nav.run('previousLink', 'previousLink');
  assert.equal(nav.visit().focus, 0, 'Shift-Tab walks back to the first link');
  assert.equal(nav.visit().top, 0, 'the view followed the focus up');
});

test('Tab scrolls the focused link into view; scrolling it away lets go of the focus', () => {
  const library = makeLibrary([
    { id: 'a', title: 'A', body: `${filler('filler ', 30)}\n\nFar [down](b).` },
    { id: 'b', title: 'B' },
  ]);
  const nav = setup(40, 5, library);
  nav.open('a');
  nav.run('nextLink');
  const link = nav.rendered().links[nav.visit().focus!];
  assert.equal(link.label, 'down');
  const line = link.spans[0].line;
  assert.ok(line >= nav.visit().top && line < nav.visit().top + 5, 'link scrolled into view');
  nav.run('top');
  assert.equal(nav.visit().focus, null);
});

test('an unresolved link changes nothing but the message', () => {
  const nav = setup();
  nav.open('world/ferry');
  nav.run('pageDown');
  const before = nav.state;
  nav.run(['followNumber', '3']); // "A night market reopens": unresolved
  assert.equal(nav.state.message, 'not in library: A night market reopens');
  assert.deepEqual({ ...nav.state, message: null }, { ...before, message: null });

  // The same through Tab + Enter on the body's unresolved link.
  const rendered = nav.rendered();
  const missing = rendered.links.findIndex((l) => l.label === 'a missing page');
  for (let i = 0; i < 100 && nav.visit().focus !== missing; i++) nav.run('nextLink');
  assert.equal(nav.visit().focus, missing);
  const focused = nav.state;
  nav.run('followLink');
  assert.equal(nav.state.message, 'not in library: Lost Page');
  assert.deepEqual({ ...nav.state, message: null }, { ...focused, message: null });
});

test('a link with a heading opens at that heading', () => {
  const nav = setup(40, 10);
  nav.open('world/bridge');
  const rendered = nav.rendered();
  const timetable = rendered.links.findIndex((l) => l.label === 'timetable');
  for (let i = 0; i < 100 && nav.visit().focus !== timetable; i++) nav.run('nextLink');
  nav.run('followLink');
  assert.equal(nav.visit().id, 'world/ferry');
  const heading = nav.rendered().headings.find((h) => h.text === 'Timetable')!;
  assert.equal(nav.visit().top, heading.line);
});

test('the list filter keeps title, section and body hits, best first; Esc clears it', () => {
  const nav = setup();
  nav.run('openFilter');
  assert.equal(contextOf(nav.state), 'filter');
  nav.run(['promptType', 'riv']);
  // "river" is in the ferry's title and in the choir's body.
  assert.deepEqual(visibleArticles(nav.state, nav.env).map((a) => a.id), ['world/ferry', 'culture/choir']);
  assert.equal(nav.state.list.selectedId, 'world/ferry', 'the best hit is highlighted');
  nav.run(['promptType', 'x']);
  assert.deepEqual(visibleArticles(nav.state, nav.env), []);
  nav.run('promptDelete');
  assert.equal(nav.state.list.query, 'riv');
  nav.run('promptSelectDown');
  assert.equal(nav.state.list.selectedId, 'culture/choir');
  nav.run('promptCancel');
  assert.equal(nav.state.list.query, '');
  assert.equal(contextOf(nav.state), 'list');
  assert.equal(visibleArticles(nav.state, nav.env).length, 3);

  nav.run('openFilter', ['promptType', 'CULTURE'], 'promptAccept');
  assert.equal(nav.state.screen, 'article');
  assert.equal(nav.visit().id, 'culture/choir', 'a section hit, case-insensitive, opened by Enter');

  // Back on the list, `/` starts a fresh prompt rather than typing onto the old filter.
  nav.run('toList', 'openFilter');
  assert.equal(nav.state.list.query, '');
  nav.run(['promptType', 'ferry']);
  assert.equal(nav.state.list.query, 'ferry');
});

test('the list is not a history entry: going up to it and back keeps history', () => {
  const nav = setup();
  nav.open('world/ferry');
  nav.run('nextArticle', 'lineDown', 'lineDown');
  const bridge = { ...nav.visit() };
  nav.run('toList');
  assert.equal(nav.state.screen, 'list');
  assert.equal(nav.state.list.selectedId, 'world/bridge');
  nav.run('openSelected');
  assert.deepEqual(nav.visit(), bridge);
  assert.equal(nav.state.history.length, 2);
  nav.run('toList', 'listUp', 'openSelected'); // another article from the list is a new entry
  assert.equal(nav.visit().id, 'culture/choir');
  assert.equal(nav.state.history.length, 3);
  nav.run('back');
  assert.deepEqual(nav.visit(), bridge);
});

test('resize keeps the reader at the same words', () => {
  const nav = setup(60, 6);
  nav.open('world/ferry');
  for (let i = 0; i < 20; i++) nav.run('lineDown');
  const word = nav.rendered().plainLines[nav.visit().top].split(' ')[0] + ' ' + nav.rendered().plainLines[nav.visit().top].split(' ')[1];
  nav.env.viewport = { width: 12, height: 6 };
  nav.dispatch({ type: 'resize' });
  const narrow = nav.rendered();
  assert.equal(narrow.width, 12);
  assert.equal(nav.visit().width, 12);
  assert.ok(narrow.plainLines[nav.visit().top].startsWith(word.split(' ')[0]), `top line at width 12 starts with ${word}: ${narrow.plainLines[nav.visit().top]}`);
  nav.env.viewport = { width: 60, height: 6 };
  nav.dispatch({ type: 'resize' });
  assert.equal(nav.visit().top, 20, 'and back again to the same line');
});

test('history visits laid out at an older width are re-anchored when returned to', () => {
  const nav = setup(60, 6);
  nav.open('world/ferry');
  for (let i = 0; i < 10; i++) nav.run('lineDown');
  const topText = nav.rendered().plainLines[nav.visit().top];
  nav.run('nextArticle');
  nav.env.viewport = { width: 15, height: 6 };
  nav.dispatch({ type: 'resize' });
  nav.run('back');
  assert.equal(nav.visit().width, 15);
  assert.ok(topText.startsWith(nav.rendered().plainLines[nav.visit().top].split(' ')[0]));
});

test('more than nine related links: digits build the number, Enter or the pause follows', () => {
  const specs = Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, title: `Related ${i + 1}` }));
  const library = makeLibrary([{ id: 'hub', title: 'Hub', related: specs.map((s) => s.id) }, ...specs]);
  const nav = setup(40, 10, library);
  nav.open('hub');
  nav.run(['followNumber', '1']);
  assert.equal(contextOf(nav.state), 'number');
  assert.equal(nav.state.digits, '1');
  nav.run(['promptType', '2']);
  assert.equal(nav.state.digits, '12', 'digits build the number even when it cannot grow');
  assert.equal(nav.visit().id, 'hub');
  nav.run('promptAccept');
  assert.equal(nav.visit().id, 'r12', 'Enter follows it');
  nav.run('back', ['followNumber', '1']);
  nav.dispatch({ type: 'numberTimeout' });
  assert.equal(nav.visit().id, 'r1', 'the pause follows 1');
  nav.run('back', ['followNumber', '5']);
  nav.dispatch({ type: 'numberTimeout' });
  assert.equal(nav.visit().id, 'r5', 'the pause follows 5');
  nav.run('back', ['followNumber', '1'], 'promptCancel');
  assert.equal(nav.state.digits, null);
  assert.equal(nav.visit().id, 'hub');
});

test('help opens and closes; quit sets quit; missing chain links only say so', () => {
  const library = makeLibrary([{ id: 'a', title: 'Alone' }]);
  const nav = setup(40, 5, library);
  nav.run('help');
  assert.equal(contextOf(nav.state), 'help');
  nav.run('closeHelp');
  assert.equal(contextOf(nav.state), 'list');
  nav.run('openSelected', 'nextArticle');
  assert.equal(nav.state.message, 'no next article');
  nav.run('previousArticle');
  assert.equal(nav.state.message, 'no previous article');
  nav.run('lineDown');
  assert.equal(nav.state.message, null, 'a message lasts until the next key');
  nav.run('quit');
  assert.equal(nav.state.quit, true);
});

test('a tiny viewport and an empty library do not throw', () => {
  const empty = makeLibrary([]);
  const nav = setup(1, 0, empty);
  for (const command of ['listDown', 'listUp', 'listBottom', 'openFilter', 'promptAccept'] as Command[]) nav.run(command);
  assert.equal(nav.state.message, 'no article matches');
  const small = setup(3, 1);
  small.open('world/ferry');
  small.run('pageDown', 'nextLink', 'bottom', 'halfUp', 'previousLink', 'followLink');
  assert.ok(small.visit());
});
