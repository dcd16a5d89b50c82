// Read marks and reading positions as the reducer keeps them (saving is src/state's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isArticleRead, readingSnapshot } from '../../src/navigation/index.js';
import { emptyReadingState, lastArticle, recordLastArticle, recordPosition, setRead } from '../../src/state/readingState.js';
import { envFor, libraryOf, navigatorOver, SAMPLE } from './helpers.js';

test('reading state: opening marks read and remembers the last article; leaving records the place', async () => {
  const nav = navigatorOver(envFor(await libraryOf(SAMPLE)));
  const ferry = nav.env.library.byId.get('world/ferry')!;
  assert.equal(isArticleRead(nav.state, ferry), false);
  nav.run('listBottom', 'openSelected', 'pageDown');
  assert.equal(isArticleRead(nav.state, ferry), true);
  assert.equal(lastArticle(nav.state.reading, nav.env.library.roots), 'world/ferry');
  assert.equal(nav.state.reading.articles[ferry.absPath].position, undefined, 'not yet: only on leaving or when saving');
  assert.equal(readingSnapshot(nav.state, nav.env).articles[ferry.absPath].position?.line, 10);
  nav.run('toList');
  assert.equal(nav.state.reading.articles[ferry.absPath].position?.line, 10);
  nav.run('toggleRead');
  assert.equal(isArticleRead(nav.state, ferry), false);
  assert.equal(nav.state.message, 'marked unread: The last river ferry');
});

test('saved places: the list selects the last article and opens it where it was; links and the chain open at the top', async () => {
  const library = await libraryOf(SAMPLE);
  const bridge = library.byId.get('world/bridge')!;
  let reading = recordPosition(emptyReadingState(), bridge.absPath, { line: 12, width: 40, fraction: 0.2 });
  reading = recordLastArticle(reading, library.roots, 'world/bridge');
  const nav = navigatorOver(envFor(library, 40, 10), { reading });
  assert.equal(nav.state.list.selectedId, 'world/bridge');
  nav.run('openSelected');
  assert.equal(nav.visit().top, 12);
  nav.run('previousArticle', 'nextArticle');
  assert.equal(nav.visit().id, 'world/bridge');
  assert.equal(nav.visit().top, 0, 'a new visit by a link starts at the top');
  const opened = navigatorOver(envFor(library, 40, 10), { open: { id: 'world/bridge' }, reading });
  assert.equal(opened.visit().top, 12, '--open resumes');
  const narrower = navigatorOver(envFor(library, 30, 10), { open: { id: 'world/bridge' }, reading });
  assert.equal(narrower.visit().top, Math.round(0.2 * narrower.rendered().lines.length), 'at another width, the same fraction of the article');
});

test('next unread: from the list the next unread row, in an article the next unread one along the chain', async () => {
  const library = await libraryOf(SAMPLE);
  const path = (id: string) => library.byId.get(id)!.absPath;
  const reading = setRead(emptyReadingState(), path('world/bridge'), true);
  const nav = navigatorOver(envFor(library), { reading });
  nav.run('nextUnread'); // list: choir (unread, selected) → bridge is read → ferry
  assert.equal(nav.state.list.selectedId, 'world/ferry');
  nav.run('openSelected', 'nextUnread'); // ferry → bridge (read) → choir
  assert.equal(nav.visit().id, 'culture/choir');
  nav.run('nextUnread'); // choir → ferry → bridge → choir: all read now
  assert.equal(nav.state.message, 'no unread article further along the chain');
  nav.run('toList', 'nextUnread');
  assert.equal(nav.state.message, 'every article here is read');
});
