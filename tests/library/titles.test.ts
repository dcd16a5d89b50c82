// What a notes vault is listed as: a note's title (front matter, else a level-1 heading that
// opens the body, else the file name), its section (front matter, else its folders), the file
// name beside titles that collide in one section, and front-matter aliases as other names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryOf, bodyOf } from './helpers.js';
import { listTitleOf } from '../../src/library/listTitles.js';
import { formatList } from '../../src/commands/listCommand.js';
import { createSimpleFilter } from '../../src/navigation/filter.js';
import { mentionsOf } from '../../src/search/mentions.js';
import { sortForReading } from '../../src/library/readingOrder.js';

const titleOf = (lib: { byId: ReadonlyMap<string, { title: string }> }, id: string) => lib.byId.get(id)?.title;

test('a note is named by its front-matter title, else a # heading that is its first block, else its file name', async () => {
  const { lib } = await libraryOf({
    'front.md': '---\ntitle: From the front matter\n---\n# A heading\n',
    'first.md': '\n\n# The first block\n\nText.\n',
    'setext.md': 'Underlined title\n================\n\nText.\n',
    'daily/2026-01-02.md': 'Went walking.\n\n# Links\n\n- [[Moss]]\n',
    'later.md': 'Some words first.\n\n# Not the name\n',
    'second-level.md': '## Only a section heading\n\nText.\n',
  });
  assert.equal(titleOf(lib, 'front'), 'From the front matter');
  assert.equal(titleOf(lib, 'first'), 'The first block');
  assert.equal(titleOf(lib, 'setext'), 'Underlined title');
  assert.equal(titleOf(lib, 'daily/2026-01-02'), '2026-01-02', 'a heading further down is a section of the note');
  assert.equal(titleOf(lib, 'later'), 'later');
  assert.equal(titleOf(lib, 'second-level'), 'second-level');
});

test('a note with no section of its own is listed under its folders; one at the root has none', async () => {
  const { lib } = await libraryOf({
    'Projects/Garden/Beds.md': 'Raised beds.\n',
    'Projects/Plan.md': '---\nsection: Plans / 2026\n---\nThe plan.\n',
    'Inbox.md': 'Loose notes.\n',
  });
  assert.deepEqual(lib.byId.get('Projects/Garden/Beds')?.section, ['Projects', 'Garden']);
  assert.deepEqual(lib.byId.get('Projects/Plan')?.section, ['Plans', '2026']);
  assert.deepEqual(lib.byId.get('Inbox')?.section, []);
  const listed = formatList(sortForReading(lib.articles), 100, false);
  assert.match(listed, /^Projects › Garden$/m);
});

test('titles that collide in one section show their file names; the same title in two folders does not', async () => {
  const { lib } = await libraryOf({
    'Meta/Templates.md': '# Templates\n\nFor notes.\n',
    'Meta/templates-old.md': '---\ntitle: templates\n---\nOld ones.\n',
    'Work/Templates.md': '# Templates\n\nFor work.\n',
  });
  const listed = (id: string) => listTitleOf(lib.byId.get(id)!);
  assert.equal(listed('Meta/Templates'), 'Templates (Templates.md)');
  assert.equal(listed('Meta/templates-old'), 'templates (templates-old.md)');
  assert.equal(listed('Work/Templates'), 'Templates');
  const text = formatList(sortForReading(lib.articles), 40, false);
  assert.match(text, /Templates \(Templates\.md\)/);
  assert.equal(lib.byId.get('Meta/Templates')?.title, 'Templates', 'the title itself is unchanged');
});

test('front-matter aliases find the note in the list filter and count in "Mentioned in", but never resolve a link', async () => {
  const { lib } = await libraryOf({
    'Zettelkasten method.md': '---\naliases: [Slip box, "Card index system"]\n---\nNotes on cards.\n',
    'reading.md': 'I keep a card index system at home, and [[Slip box]] is a link.\n',
  });
  const note = lib.byId.get('Zettelkasten method')!;
  assert.deepEqual(note.aliases, ['Slip box', 'Card index system']);
  const filter = createSimpleFilter(() => null);
  assert.deepEqual(filter(lib.articles, 'slip box').map((a) => a.id), ['Zettelkasten method']);
  const bodyText = (a: { id: string }) => bodyOf(lib, a.id).body;
  assert.deepEqual(mentionsOf(lib, 'Zettelkasten method', bodyText), ['reading']);
  const target = bodyOf(lib, 'reading').linkTargets.get('Slip box');
  assert.equal(target?.kind, 'unresolved', 'Obsidian does not resolve [[alias]]');
});
