import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryOf, article, linkId } from './helpers.js';

test('front matter fields are read, sections in every written form', async () => {
  const { lib } = await libraryOf({
    'world/ferry.md': `---
title: The last river ferry keeps running
section: [World, Transport]
date: 2025-04-02
author: Staff reporter
summary: One line.
source: https://news.example/world/ferry
---
Body text here.
`,
    'a.md': '---\nsection: "World / Transport"\n---\n# Heading title\n',
    'b.md': '---\nsection: World > Transport\n---\ntext\n',
    'c.md': '---\nsection: World › Transport\n---\ntext\n',
  });
  const ferry = article(lib, 'world/ferry');
  assert.equal(ferry.title, 'The last river ferry keeps running');
  assert.deepEqual(ferry.section, ['World', 'Transport']);
  assert.equal(ferry.date, '2025-04-02');
  assert.equal(ferry.author, 'Staff reporter');
  assert.equal(ferry.summary, 'One line.');
  assert.equal(ferry.source, 'https://news.example/world/ferry');
  assert.equal(ferry.body.trim(), 'Body text here.');
  for (const id of ['a', 'b', 'c']) assert.deepEqual(article(lib, id).section, ['World', 'Transport'], id);
  assert.equal(article(lib, 'a').title, 'Heading title');
  assert.equal(article(lib, 'b').title, 'b', 'no title, no heading: the file name');
  assert.deepEqual(lib.problems, []);
});

test('a date keeps its time when one is given', async () => {
  const { lib } = await libraryOf({
    'a.md': '---\ndate: 2025-04-02 14:30\n---\n',
    'b.md': '---\ndate: "2025-04-02T14:30:00Z"\n---\n',
    'c.md': '---\ndate: 2 April 2025\n---\n',
  });
  assert.equal(article(lib, 'a').date, '2025-04-02T14:30');
  assert.equal(article(lib, 'b').date, '2025-04-02T14:30:00Z');
  assert.equal(article(lib, 'c').date, '2025-04-02');
});

test('related accepts REF strings and {title}, {id}, {path} objects; previous/next too', async () => {
  const { lib } = await libraryOf({
    'world/ferry.md': `---
title: Ferry
related:
  - world/bridge-vote
  - title: "A night market reopens"
  - id: culture/choir
  - path: ../culture/gallery.md
previous: culture/choir
next: {title: A night market reopens}
---
text
`,
    'world/bridge-vote.md': '# Bridge vote\n',
    'culture/market.md': '# A night market reopens\n',
    'culture/choir.md': '# The choir\n',
    'culture/gallery.md': '# Gallery\n',
  });
  const ferry = article(lib, 'world/ferry');
  assert.deepEqual(
    ferry.related.map((r) => [r.title, linkId(r), r.inBody]),
    [
      ['Bridge vote', 'world/bridge-vote', false],
      ['A night market reopens', 'culture/market', false],
      ['The choir', 'culture/choir', false],
      ['Gallery', 'culture/gallery', false],
    ],
  );
  assert.equal(linkId(ferry.previous), 'culture/choir');
  assert.equal(ferry.previous?.title, 'The choir');
  assert.equal(linkId(ferry.next), 'culture/market');
  assert.deepEqual(ferry.problems, []);
});

test('broken YAML is a front-matter problem and the body still shows', async () => {
  const { lib } = await libraryOf({ 'broken.md': '---\ntitle: [unclosed\nsection: x\n---\n# Still here\n\nThe body.\n' });
  const a = article(lib, 'broken');
  assert.equal(a.title, 'Still here');
  assert.match(a.body, /The body\./);
  assert.doesNotMatch(a.body, /unclosed/);
  assert.equal(a.problems.length, 1);
  assert.equal(a.problems[0].kind, 'front-matter');
  assert.match(a.problems[0].message, /^broken\.md: front matter is not valid YAML/);
  assert.ok(!a.problems[0].message.includes('\n'), 'one line');
  assert.deepEqual(lib.problems, a.problems);
});

test('wrong types are problems; the rest of the front matter is kept', async () => {
  const { lib } = await libraryOf({
    'w.md': '---\ntitle: [a, list]\ndate: nonsense\nauthor: Kept Author\nrelated: [42x, {foo: 1}]\n---\n# Heading\n',
  });
  const a = article(lib, 'w');
  assert.equal(a.title, 'Heading');
  assert.equal(a.date, null);
  assert.equal(a.author, 'Kept Author');
  const messages = a.problems.filter((p) => p.kind === 'front-matter').map((p) => p.message);
  assert.equal(messages.length, 3, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('title')));
  assert.ok(messages.some((m) => m.includes('date')));
  assert.ok(messages.some((m) => m.includes('related')));
});

test('front matter in JavaScript is never run', async () => {
  const { lib } = await libraryOf({ 'evil.md': '---js\n{ title: (globalThis.__ran = 1, "x") }\n---\nbody\n' });
  assert.equal((globalThis as Record<string, unknown>).__ran, undefined);
  const a = article(lib, 'evil');
  assert.equal(a.problems[0]?.kind, 'front-matter');
  assert.match(a.body, /body/);
});

test('a file that only starts with a --- rule keeps all its text; a YAML ... end marker closes front matter', async () => {
  const { lib } = await libraryOf({
    'rule.md': '---\n\n# Rule first\n\nNo front matter here.\n',
    'dots.md': '---\ntitle: Dots\n...\nBody.\n',
  });
  assert.match(article(lib, 'rule').body, /No front matter here/);
  // The rule is the body's first block, so the heading after it does not name the note (SPEC §1a).
  assert.equal(article(lib, 'rule').title, 'rule');
  assert.deepEqual(article(lib, 'rule').problems, []);
  assert.equal(article(lib, 'dots').title, 'Dots');
  assert.equal(article(lib, 'dots').body, 'Body.\n');
});

test('a heading with badges gives a title of its words only', async () => {
  const { lib } = await libraryOf({ 'r.md': '# tool &middot; [![CI](https://ci/badge.svg)](https://ci) <b>fast</b>\n' });
  assert.equal(article(lib, 'r').title, 'tool · fast');
});
