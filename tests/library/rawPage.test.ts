import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLibrary } from '../../src/library/index.js';
import { parseRawPage } from '../../src/library/parseRawPage.js';
import { lexBody, plainTextOf } from '../../src/library/bodyLinks.js';
import { libraryOf, article, linkId } from './helpers.js';
import { SEED_PAGE as seed, SEED_SHAPED_FACTS, SEED_SHAPED_PAGE, SEED_SKIP as noSeed } from '../helpers/seedPage.js';


test('the seed page: title, section, headings, related links, previous and next', { skip: noSeed }, async () => {
  const lib = await loadLibrary([seed]);
  assert.equal(lib.articles.length, 1);
  const a = article(lib, lib.articles[0].id);
  assert.equal(a.format, 'text');
  assert.equal(a.title, 'In Mali, the security situation is deteriorating dangerously');
  assert.deepEqual(a.section, ['World', 'News']);
  const headings = lexBody(a.body).tokens.filter((t) => t.type === 'heading');
  assert.deepEqual(
    headings.map((h) => (h as { text: string }).text),
    ['A series of successful press releases', 'Risk of encirclement of Bamako', 'The strategy of the jihadists'],
  );
  assert.deepEqual(
    a.related.map((r) => [r.title, r.inBody, r.target.kind]),
    [
      ['In the Sahel, a post-Barkhane period fraught with uncertainty for the entire region', true, 'unresolved'],
      ['Destroying terrorism in Mali was an impossible mission', true, 'unresolved'],
      ['Sri Lanka Three years after the Easter Day attacks, justice is stalling', true, 'unresolved'],
      ['What are strategic oil reserves used for?', true, 'unresolved'],
    ],
  );
  assert.equal(a.previous?.title, 'two Revolutionary Guard officers killed in Israeli attack in Syria');
  assert.equal(a.next?.title, 'In cyberspace, Russia has not yet used all its capabilities');
  // Not body text: the repeated title, the chain lines.
  assert.ok(!a.body.includes('Previous article'));
  assert.ok(!a.body.includes('In cyberspace'));
  assert.ok(!plainTextOf(lexBody(a.body).tokens).includes('deteriorating dangerously'));
  // Related links stay in place, with their opener and the title as written.
  const text = plainTextOf(lexBody(a.body).tokens);
  assert.ok(text.includes('→ READ. “Destroying terrorism in Mali was an impossible mission”'));
  assert.ok(text.includes('Read:\u00a0 Sri Lanka'));
  assert.equal(a.linkTargets.size, 4);
  assert.ok(a.words > 600);
});

test('the seed resolves its related links by title when the articles are in the library', { skip: noSeed }, async () => {
  const { readFile } = await import('node:fs/promises');
  const { lib } = await libraryOf({
    'mali.txt': await readFile(seed),
    'mission.md': '# Destroying terrorism in Mali was an impossible mission\n',
    'lanka.md': '# Sri Lanka: Three years after the Easter Day attacks, justice is stalling\n',
    'cyber.txt': 'In cyberspace, Russia has not yet used all its capabilities\n\nText.',
  });
  const a = article(lib, 'mali');
  assert.deepEqual(a.related.map(linkId), [null, 'mission', 'lanka', null]);
  assert.equal(a.related[2].title, 'Sri Lanka: Three years after the Easter Day attacks, justice is stalling', 'the article’s own title');
  assert.equal(linkId(a.next), 'cyber');
  assert.deepEqual(article(lib, 'mission').backlinks, ['mali']);
  assert.deepEqual(article(lib, 'cyber').backlinks, ['mali']);
});

// The rules the seed shows, on a page of our own in its byte shape (tests/helpers/seedPage.ts),
// so a clone without ../shared still tests them.
test('a page in the seed’s shape: title after the glued breadcrumb, section, headings, related links, previous and next', async () => {
  const { lib } = await libraryOf({ 'harbour.txt': SEED_SHAPED_PAGE });
  const a = article(lib, 'harbour');
  assert.equal(a.format, 'text');
  assert.equal(a.title, SEED_SHAPED_FACTS.title);
  assert.deepEqual(a.section, SEED_SHAPED_FACTS.section);
  const headings = lexBody(a.body).tokens.filter((t) => t.type === 'heading');
  assert.deepEqual(headings.map((h) => (h as { text: string }).text), SEED_SHAPED_FACTS.headings);
  assert.deepEqual(
    a.related.map((r) => [r.title, r.inBody, r.target.kind]),
    SEED_SHAPED_FACTS.related.map((title) => [title, true, 'unresolved']),
  );
  assert.equal(a.previous?.title, SEED_SHAPED_FACTS.previous);
  assert.equal(a.next?.title, SEED_SHAPED_FACTS.next);
  // Not body text: the repeated title, the breadcrumb, the chain lines.
  const text = plainTextOf(lexBody(a.body).tokens);
  assert.ok(!a.body.includes('Previous article') && !a.body.includes('Next article'));
  assert.ok(!text.includes('fish market moves indoors'));
  assert.ok(!text.includes('rebuilt stone by stone'), text);
  assert.ok(!text.includes('Home Coast'));
  // Related links stay in place, with their opener and the title as written (quotes, NBSP).
  assert.ok(text.includes('→ READ. “The lighthouse keeper’s last winter”'), text);
  assert.ok(text.includes('→ READ. Gulls return to the quay after a quiet year'), text);
  assert.ok(text.includes('Read:\u00a0 What the tide leaves behind: a week on the mudflats'), text);
  assert.ok(text.includes('“if the weather holds”'), 'curly quotes in text are kept');
  assert.equal(a.linkTargets.size, 4);
  assert.equal(a.words, 131, 'the body’s whitespace-separated words: no title, breadcrumb or chain line among them');
});

test('a page in the seed’s shape resolves its related links and its chain by title', async () => {
  const { lib } = await libraryOf({
    'harbour.txt': SEED_SHAPED_PAGE,
    'keeper.md': "# The lighthouse keeper's last winter\n", // straight apostrophe: titles match across quote styles
    'tide.md': '# What the tide leaves behind — a week on the mudflats\n',
    'market.txt': 'The fish market moves indoors\n\nText.',
    'ferry.md': '---\ntitle: "A new ferry timetable for the islands"\n---\n',
  });
  const a = article(lib, 'harbour');
  assert.deepEqual(a.related.map(linkId), [null, 'keeper', 'tide', null]);
  assert.equal(a.related[2].title, 'What the tide leaves behind — a week on the mudflats', 'the article’s own title');
  assert.equal(linkId(a.previous), 'ferry');
  assert.equal(linkId(a.next), 'market');
  assert.deepEqual(article(lib, 'keeper').backlinks, ['harbour']);
  assert.deepEqual(article(lib, 'market').backlinks, ['harbour']);
});

test('a raw-page heading is one line of at most 60 characters: 60 is a heading, 61 is text', () => {
  const sixty = 'Sixty characters exactly make this line a heading in a story';
  const sixtyOne = 'Sixty-one characters make this line a paragraph in the storey';
  assert.equal([...sixty].length, 60);
  assert.equal([...sixtyOne].length, 61);
  const spaced = `Spaces   collapse  before   counting${'\u00a0'.repeat(3)}so this is a heading`;
  const page = parseRawPage(['A title', '', sixty, '', sixtyOne, '', spaced, '', 'Ends with a full stop, so not a heading.', '', 'Text.'].join('\n'));
  assert.deepEqual(page.headings, [sixty, 'Spaces collapse before counting so this is a heading']);
  const types = lexBody(page.body).tokens.filter((t) => t.type !== 'space').map((t) => t.type);
  assert.deepEqual(types, ['heading', 'paragraph', 'heading', 'paragraph', 'paragraph']);
});

test('a raw page shows *, #, 1. and <b> as typed', async () => {
  const text = 'Plain title\n\n1. not a list, a sentence.\n\n# not a heading, and *not emphasis* or <b>bold</b> or [a](b) & &amp; `code` | pipe.\n\n- dash line, ending.\n\n> quote line, ending.';
  const page = parseRawPage(text);
  const plain = plainTextOf(lexBody(page.body).tokens);
  assert.ok(plain.includes('1. not a list, a sentence.'), plain);
  assert.ok(plain.includes('# not a heading, and *not emphasis* or <b>bold</b> or [a](b) & &amp; `code` | pipe.'), plain);
  assert.ok(plain.includes('- dash line, ending.'));
  assert.ok(plain.includes('> quote line, ending.'));
  const types = lexBody(page.body).tokens.map((t) => t.type).filter((t) => t !== 'space');
  assert.deepEqual(types, ['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  assert.equal(page.title, 'Plain title');
  assert.deepEqual(page.section, []);
});

test('raw page rules: headings, previous/next wherever the paragraphs break, a title without a breadcrumb', () => {
  const page = parseRawPage(
    [
      'Just a title',
      '',
      'Short heading',
      '',
      'Not a heading because it ends with a colon:',
      '',
      'A sentence.',
      'Previous articleThe one before',
      '',
      'Next articleThe one after',
      'trailing junk',
    ].join('\n'),
  );
  assert.equal(page.title, 'Just a title');
  assert.deepEqual(page.headings, ['Short heading']);
  assert.equal(page.previous, 'The one before');
  assert.equal(page.next, 'The one after');
  assert.ok(!page.body.includes('junk'));
  assert.ok(!page.body.includes('Previous'));
});

test('an empty text file is an article titled after its file', async () => {
  const { lib } = await libraryOf({ 'empty-page.txt': '' });
  const a = article(lib, 'empty-page');
  assert.equal(a.title, 'empty-page');
  assert.equal(a.body, '');
  assert.equal(a.words, 0);
});

test('import can choose how a raw page writes its related links', () => {
  const page = parseRawPage('Title\n\nRead:\u00a0 “Quoted story”\n\nText.', '', {
    relatedLink: (r) => (r.title === 'Quoted story' ? '[Quoted story](world/quoted.md)' : `[[${r.title}]]`),
  });
  assert.deepEqual(page.related, [{ label: '“Quoted story”', title: 'Quoted story' }]);
  assert.ok(page.body.includes('Read:\u00a0 [Quoted story](world/quoted.md)'), page.body);
});
