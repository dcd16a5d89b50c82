import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryOf, makeFolder, article, linkId } from './helpers.js';
import { loadLibrary, normalizeUrl } from '../../src/library/index.js';

const ferry = (body: string) => `---\ntitle: Ferry\n---\n${body}\n`;

test('every REF form finds the article: path with/without extension, id, source URL, file name, title', async () => {
  const { lib } = await libraryOf({
    'world/ferry.md': ferry(
      [
        '[a](bridge-vote.md) [b](bridge-vote) [c](world/bridge-vote) [d](https://news.example/culture/choir/?utm_source=x#top)',
        '[e](choir) [f](<A night market reopens>) [[Sri Lanka Three years after the attacks]] [g](../culture/choir.md#The%20singers)',
      ].join('\n'),
    ),
    'world/bridge-vote.md': '# Bridge vote\n',
    'culture/choir.md': '---\ntitle: The choir\nsource: https://news.example/culture/choir\n---\n',
    'culture/market.md': '# A night market reopens\n',
    'asia/lanka.md': '# Sri Lanka: Three years after the attacks\n',
  });
  const t = article(lib, 'world/ferry').linkTargets;
  assert.deepEqual(t.get('bridge-vote.md'), { kind: 'article', id: 'world/bridge-vote' });
  assert.deepEqual(t.get('bridge-vote'), { kind: 'article', id: 'world/bridge-vote' });
  assert.deepEqual(t.get('world/bridge-vote'), { kind: 'article', id: 'world/bridge-vote' }, 'an id');
  assert.deepEqual(t.get('https://news.example/culture/choir/?utm_source=x#top'), { kind: 'article', id: 'culture/choir' }, 'URL = source');
  assert.deepEqual(t.get('choir'), { kind: 'article', id: 'culture/choir' }, 'file name alone');
  assert.deepEqual(t.get('A night market reopens'), { kind: 'article', id: 'culture/market' }, 'title');
  assert.deepEqual(t.get('Sri Lanka Three years after the attacks'), { kind: 'article', id: 'asia/lanka' }, 'title, punctuation ignored');
  assert.deepEqual(t.get('../culture/choir.md#The%20singers'), { kind: 'article', id: 'culture/choir', heading: 'The singers' });
  assert.deepEqual(article(lib, 'world/ferry').problems, []);
});

test('normalizeUrl drops the trailing slash, fragment and utm_* only', () => {
  assert.equal(normalizeUrl('https://x.example/a/?utm_medium=m&id=3#frag'), normalizeUrl('https://x.example/a?id=3'));
  assert.notEqual(normalizeUrl('https://x.example/a?id=3'), normalizeUrl('https://x.example/a?id=4'));
});

test('an http link to no article source is external; mailto too; #x is this article at a heading', async () => {
  const { lib } = await libraryOf({ 'a.md': '[w](https://example.org/x) [m](mailto:me@example.org) [h](#Second-part)\n' });
  const t = article(lib, 'a').linkTargets;
  assert.deepEqual(t.get('https://example.org/x'), { kind: 'external', url: 'https://example.org/x' });
  assert.deepEqual(t.get('mailto:me@example.org'), { kind: 'external', url: 'mailto:me@example.org' });
  assert.deepEqual(t.get('#Second-part'), { kind: 'article', id: 'a', heading: 'Second-part' });
});

test('a file name shared by two articles is ambiguous, with the candidates named, and followed to the first id', async () => {
  const { lib } = await libraryOf({
    'index.md': '[x](notes)\n',
    'world/notes.md': '# World notes\n',
    'culture/notes.md': '# Culture notes\n',
  });
  const target = article(lib, 'index').linkTargets.get('notes');
  assert.deepEqual(target, { kind: 'article', id: 'culture/notes', candidates: ['culture/notes', 'world/notes'] });
  const p = article(lib, 'index').problems;
  assert.equal(p.length, 1);
  assert.equal(p[0].kind, 'ambiguous');
  assert.equal(p[0].warning, true);
  assert.match(p[0].message, /culture\/notes, world\/notes; followed to culture\/notes/);
});

test('two articles with the same title: a title REF is ambiguous, followed to the first id', async () => {
  const { lib } = await libraryOf({
    'a.md': '---\nrelated: [{title: Bridge vote}]\n---\n',
    'x/one.md': '# Bridge vote\n',
    'y/two.md': '# Bridge Vote!\n',
  });
  const r = article(lib, 'a').related[0];
  assert.deepEqual(r.target, { kind: 'article', id: 'x/one', candidates: ['x/one', 'y/two'] });
  assert.equal(linkId(r), 'x/one');
});

test('a REF that climbs out of the root is outside-root even when the file exists', async () => {
  const parent = await makeFolder({
    'outside.md': '# Outside\n',
    'lib/a.md': '---\nrelated: [../outside]\n---\n[x](../outside.md) [[../outside]]\n',
  });
  const lib = await loadLibrary([`${parent}/lib`]);
  const a = article(lib, 'a');
  for (const key of ['../outside.md', '../outside']) {
    const t = a.linkTargets.get(key);
    assert.equal(t?.kind === 'unresolved' && t.reason, 'outside-root', key);
  }
  assert.equal(a.related[0].target.kind === 'unresolved' && a.related[0].target.reason, 'outside-root');
  assert.ok(a.problems.every((p) => p.kind === 'outside-root'));
  assert.ok(a.problems.length >= 2);
});

test('a missing REF stays as an unresolved link, named in a problem', async () => {
  const { lib } = await libraryOf({ 'world/ferry.md': '---\nrelated: [{title: Bridge vote}]\n---\n' });
  const a = article(lib, 'world/ferry');
  assert.deepEqual(a.related[0].target, { kind: 'unresolved', ref: 'Bridge vote', title: 'Bridge vote', reason: 'missing' });
  assert.equal(a.related[0].title, 'Bridge vote');
  assert.deepEqual(a.problems.map((p) => [p.kind, p.message]), [
    ['unresolved', 'world/ferry.md: related link "Bridge vote" not found in library'],
  ]);
});

test('the path step comes before the title step', async () => {
  const { lib } = await libraryOf({
    'a.md': '[[b]]\n',
    'b.md': '# Something else\n',
    'c.md': '# b\n',
  });
  assert.deepEqual(article(lib, 'a').linkTargets.get('b'), { kind: 'article', id: 'b' });
});

test('step 1 before step 2: a path beside the referring file wins over the same text as an id', async () => {
  const { lib } = await libraryOf({
    'world/ferry.md': '[b](bridge) [[bridge]]\n',
    'world/bridge.md': '# The world bridge\n',
    'bridge.md': '# The root bridge\n',
  });
  const t = article(lib, 'world/ferry').linkTargets;
  assert.deepEqual(t.get('bridge'), { kind: 'article', id: 'world/bridge' }, 'relative to world/, not the id `bridge`');
  // From the root the same REF is both the path and the id: one answer.
  const { lib: other } = await libraryOf({ 'index.md': '[[bridge]]\n', 'bridge.md': '# The root bridge\n', 'world/bridge.md': '# The world bridge\n' });
  assert.deepEqual(article(other, 'index').linkTargets.get('bridge'), { kind: 'article', id: 'bridge' });
});

test('step 4 before step 5: a file name wins over another article titled the same', async () => {
  const { lib } = await libraryOf({
    'index.md': '[[choir]]\n',
    'culture/choir.md': '# The town singers\n',
    'music/singers.md': '# Choir\n',
  });
  assert.deepEqual(article(lib, 'index').linkTargets.get('choir'), { kind: 'article', id: 'culture/choir' }, 'the file culture/choir.md, not the title "Choir"');
  // With no file of that name the title is what finds it.
  const { lib: titled } = await libraryOf({ 'index.md': '[[choir]]\n', 'music/singers.md': '# Choir\n' });
  assert.deepEqual(article(titled, 'index').linkTargets.get('choir'), { kind: 'article', id: 'music/singers' });
});

test('containment is by path segment: a REF into a sibling folder `lib-evil` of the root `lib` is outside-root', async () => {
  const parent = await makeFolder({
    'lib/a.md': '---\nrelated: [../lib-evil/secret]\n---\n[x](../lib-evil/secret.md) [[../lib-evil/secret]]\n',
    'lib-evil/secret.md': '# Secret\n',
  });
  const lib = await loadLibrary([`${parent}/lib`]);
  const a = article(lib, 'a');
  for (const key of ['../lib-evil/secret.md', '../lib-evil/secret']) {
    const t = a.linkTargets.get(key);
    assert.equal(t?.kind === 'unresolved' && t.reason, 'outside-root', key);
  }
  assert.equal(a.related[0].target.kind === 'unresolved' && a.related[0].target.reason, 'outside-root');
});
