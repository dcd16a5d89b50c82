// Going somewhere: history, following links and the chain, and related-reading numbers as the
// article shows them, over real libraries and real layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextOf, linksPanelEntries, relatedNumbers } from '../../src/navigation/index.js';
import { linkIndex, markdown, navigatorOf, SAMPLE } from './helpers.js';

test('back twice and forward once restore the right article with its scroll and focus', async () => {
  const nav = await navigatorOf(SAMPLE);
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

test('following a link after going back drops the forward entries', async () => {
  const nav = await navigatorOf(SAMPLE);
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

test('an unresolved link changes nothing but the message', async () => {
  const nav = await navigatorOf(SAMPLE);
  nav.open('world/ferry');
  nav.run('pageDown');
  const before = nav.state;
  nav.run(['followNumber', '3']); // "A night market reopens": unresolved
  assert.equal(nav.state.message, 'not in library: A night market reopens');
  assert.deepEqual({ ...nav.state, message: null }, { ...before, message: null });

  // The same through Tab + Enter on the body's unresolved link.
  const missing = linkIndex(nav.rendered(), 'a missing page');
  for (let i = 0; i < 100 && nav.visit().focus !== missing; i++) nav.run('nextLink');
  assert.equal(nav.visit().focus, missing);
  const focused = nav.state;
  nav.run('followLink');
  assert.equal(nav.state.message, 'not in library: a missing page');
  assert.deepEqual({ ...nav.state, message: null }, { ...focused, message: null });
});

test('a link with a heading opens at that heading; a heading that is not there says so', async () => {
  const nav = await navigatorOf(SAMPLE, { width: 40, height: 10 });
  nav.open('world/bridge');
  const timetable = linkIndex(nav.rendered(), 'timetable');
  for (let i = 0; i < 100 && nav.visit().focus !== timetable; i++) nav.run('nextLink');
  nav.run('followLink');
  assert.equal(nav.visit().id, 'world/ferry');
  const heading = nav.rendered().headings.find((h) => h.text === 'Timetable')!;
  assert.equal(nav.visit().top, heading.line);
  assert.equal(nav.state.message, null);

  nav.dispatch({ type: 'open', id: 'world/bridge', heading: 'No such part' });
  assert.equal(nav.visit().id, 'world/bridge');
  assert.equal(nav.visit().top, 0);
  assert.equal(nav.state.message, 'no heading "No such part" in Bridge vote delayed');
});

test('a heading is found by its GitHub slug as well as its text', async () => {
  const nav = await navigatorOf({
    'a.md': markdown({ title: 'A' }, `Intro.\n\n${'Words.\n\n'.repeat(30)}## The Vote: Count & Recount\n\nNumbers.\n\n${'More.\n\n'.repeat(30)}`),
  });
  nav.dispatch({ type: 'open', id: 'a', heading: 'the-vote-count--recount' });
  const line = nav.rendered().headings[0].line;
  assert.equal(nav.visit().top, line);
  nav.dispatch({ type: 'open', id: 'a', heading: 'the vote: count & recount' });
  assert.equal(nav.visit().top, line);
  // Neither its slug nor its text, but the same slug once made (as `REF#Heading` is written).
  nav.dispatch({ type: 'open', id: 'a', heading: 'The Vote Count & Recount' });
  assert.equal(nav.visit().top, line);
  assert.equal(nav.state.message, null);
});

test('missing chain links only say so', async () => {
  const nav = await navigatorOf({ 'a.md': markdown({ title: 'Alone' }, 'Text.') }, { width: 40, height: 5 });
  nav.run('openSelected', 'nextArticle');
  assert.equal(nav.state.message, 'no next article');
  nav.run('previousArticle');
  assert.equal(nav.state.message, 'no previous article');
  assert.equal(nav.state.history.length, 1);
});

test('more than nine related links: digits build the number, Enter or the pause follows', async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) files[`r${i}.md`] = markdown({ title: `Related ${i}` }, `Text of related ${i}.`);
  files['hub.md'] = markdown({ title: 'Hub', related: Array.from({ length: 12 }, (_, i) => `r${i + 1}`) }, 'The hub.');
  const nav = await navigatorOf(files);
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
  nav.run('back', ['followNumber', '1'], 'promptDelete');
  assert.equal(nav.state.digits, null, 'Backspace on the last digit closes the prompt');
  nav.run(['followNumber', '1'], 'promptCancel');
  assert.equal(nav.state.digits, null);
  assert.equal(nav.visit().id, 'hub');
  nav.run(['followNumber', '1'], ['promptType', '3'], 'promptAccept');
  assert.equal(nav.state.message, 'no related link 13');
  assert.equal(nav.visit().id, 'hub');
});

test('each number key follows the link the article shows with that number, related in place included', async () => {
  // SPEC §1a: related links in place (a `Read:` paragraph) come first, in body order, then the
  // front matter's entries not among them; the number shown is the number followed.
  const nav = await navigatorOf({
    'notes/hub.md': markdown(
      { title: 'Hub', related: ['gamma', 'alpha', 'title: Nowhere at all'] },
      'Opening words.\n\nRead: [[beta]]\n\nMore words.\n\nSee also: [the alpha note](alpha.md)',
    ),
    'notes/alpha.md': markdown({ title: 'Alpha note' }, 'Alpha.'),
    'notes/beta.md': markdown({ title: 'Beta note' }, 'Beta.'),
    'notes/gamma.md': markdown({ title: 'Gamma note' }, 'Gamma.'),
  });
  nav.open('notes/hub');
  const rendered = nav.rendered();
  const numbered = relatedNumbers(rendered);
  assert.deepEqual(
    [...numbered].map(([n, link]) => [n, link.target.kind === 'article' ? link.target.id : link.target.kind]),
    [
      [1, 'notes/beta'],
      [2, 'notes/alpha'],
      [3, 'notes/gamma'],
      [4, 'unresolved'],
    ],
  );
  // What the reader sees: `[n]` before each entry of the related list and after each link in
  // place, for the same target as the number follows.
  const shown = rendered.links.filter((link) => link.number !== undefined);
  assert.deepEqual(shown.map((link) => [link.role, link.number]), [['body', 1], ['body', 2], ['related', 1], ['related', 2], ['related', 3], ['related', 4]]);
  for (const link of shown) {
    const line = rendered.plainLines[link.spans[link.spans.length - 1].line];
    assert.ok(line.includes(`[${link.number}]`), `[${link.number}] shown with ${link.label}: ${line}`);
    assert.deepEqual(link.target, numbered.get(link.number!)!.target);
  }
  // The links panel numbers them the same way.
  assert.deepEqual(
    linksPanelEntries(nav.env, 'notes/hub').filter((e) => e.group === 'related').map((e) => e.number),
    [1, 2, 3, 4],
  );
  for (const [n, id] of [['1', 'notes/beta'], ['2', 'notes/alpha'], ['3', 'notes/gamma']]) {
    nav.run(['followNumber', n]);
    assert.equal(nav.visit().id, id, `${n} follows ${id}`);
    nav.run('back');
  }
  nav.run(['followNumber', '4']);
  assert.equal(nav.state.message, 'not in library: Nowhere at all');
  nav.run(['followNumber', '5']);
  assert.equal(nav.state.message, 'no related link 5');
});
