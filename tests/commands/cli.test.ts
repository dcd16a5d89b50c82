// The non-interactive commands, run through the built binary as a user runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { makeLibrary, runCli } from '../helpers/runCli.js';
import { SEED_PAGE as seed, SEED_SHAPED_FACTS, SEED_SHAPED_PAGE, SEED_SKIP } from '../helpers/seedPage.js';

const NBSP = '\u00a0';

const markdownLibrary = () =>
  makeLibrary({
    'world/ferry.md': [
      '---',
      'title: The last river ferry keeps running',
      'section: [World, Transport]',
      'date: 2025-04-02',
      'author: Staff reporter',
      'summary: One line.',
      'related:',
      '  - world/bridge-vote',
      '  - title: "A night market reopens"',
      'previous: culture/choir',
      'next: world/bridge-vote',
      'source: https://news.example/world/ferry',
      '---',
      '# The last river ferry keeps running',
      '',
      'The ferry crosses twice an hour, whatever the weather.',
      '',
      '## Timetable',
      '',
      'Read: [The bridge vote](bridge-vote.md)',
      '',
      'More about the [choir](../culture/choir) that sings on board.',
    ].join('\n'),
    'world/bridge-vote.md': '---\ntitle: Town votes on a new bridge\nsection: World / Transport\ndate: 2025-04-03\nprevious: world/ferry\n---\nThe vote is on Sunday.\n',
    'culture/choir.md': '---\ntitle: The ferry choir\nsection: Culture\nnext: world/ferry\n---\nThey sing.\n',
  });

const rawPage = (breadcrumb: string, title: string, body: string[], previous: string, next: string) =>
  [`${breadcrumb} ${title}`, '', title, '', '', ...body.flatMap((paragraph) => [paragraph, '']), `Previous article${previous}`, `Next article${next}`].join('\n');

const rawLibrary = () =>
  makeLibrary({
    'harbour-wall.txt': rawPage(
      'Home Local Coast',
      'The harbour wall is repaired',
      ['Masons worked through the winter on the old wall.', 'Stone by stone', `Read:${NBSP} “Gulls return to the quay”`, 'The work ends in May. Prices: 3 * 4 # 1. <b>not bold</b>'],
      'A quiet winter on the quay',
      'Gulls return to the quay',
    ),
    'gulls.txt': rawPage('Home Local Nature', 'Gulls return to the quay', ['They came back in March.'], 'The harbour wall is repaired', 'Nowhere yet'),
  });

test('--help prints the usage and exits 0; --version prints the version', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /broadsheet show REF/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
});

test('usage errors: one line and a hint, exit 2, never a stack trace', async () => {
  for (const args of [['--bogus'], ['list', '/no/such/folder'], ['show'], ['--width', 'x', 'list']]) {
    const result = await runCli(args);
    assert.equal(result.code, 2, args.join(' '));
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.match(lines[0], /^broadsheet: /);
    assert.match(lines[1], /--help/);
    assert.doesNotMatch(result.stderr, /\bat .*\(.*:\d+:\d+\)/);
  }
});

test('list --json on a Markdown folder matches the contract field for field', async () => {
  const root = markdownLibrary();
  const result = await runCli(['list', root, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const items = JSON.parse(result.stdout);
  assert.deepEqual(items.map((item: { id: string }) => item.id), ['culture/choir', 'world/bridge-vote', 'world/ferry']);
  const ferry = items[2];
  assert.deepEqual(Object.keys(ferry), ['id', 'title', 'path', 'format', 'section', 'date', 'author', 'source', 'related', 'previous', 'next', 'backlinks', 'words', 'problems', 'tags']);
  assert.equal(ferry.title, 'The last river ferry keeps running');
  assert.equal(ferry.path, 'world/ferry.md');
  assert.equal(ferry.format, 'markdown');
  assert.deepEqual(ferry.section, ['World', 'Transport']);
  assert.equal(ferry.date, '2025-04-02');
  assert.equal(ferry.author, 'Staff reporter');
  assert.equal(ferry.source, 'https://news.example/world/ferry');
  // In-body related link first, then front matter entries not already named.
  assert.deepEqual(ferry.related, [
    { title: 'Town votes on a new bridge', id: 'world/bridge-vote' },
    { title: 'A night market reopens', id: null },
  ]);
  assert.deepEqual(ferry.previous, { title: 'The ferry choir', id: 'culture/choir' });
  assert.deepEqual(ferry.next, { title: 'Town votes on a new bridge', id: 'world/bridge-vote' });
  assert.deepEqual(ferry.backlinks, ['culture/choir', 'world/bridge-vote']);
  assert.equal(typeof ferry.words, 'number');
  assert.ok(ferry.words > 10);
  assert.equal(ferry.problems.length, 1);
  assert.match(ferry.problems[0], /A night market reopens/);
  assert.deepEqual(items[1].section, ['World', 'Transport']);
  assert.equal(items[1].date, '2025-04-03');
  assert.equal(items[0].author, null);
});

test('list --json on a folder of raw pages', async () => {
  const root = rawLibrary();
  const result = await runCli(['list', root, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [gulls, wall] = JSON.parse(result.stdout);
  assert.equal(wall.id, 'harbour-wall');
  assert.equal(wall.format, 'text');
  assert.equal(wall.title, 'The harbour wall is repaired');
  assert.deepEqual(wall.section, ['Local', 'Coast']);
  assert.deepEqual(wall.related, [{ title: 'Gulls return to the quay', id: 'gulls' }]);
  assert.deepEqual(wall.previous, { title: 'A quiet winter on the quay', id: null });
  assert.deepEqual(wall.next, { title: 'Gulls return to the quay', id: 'gulls' });
  assert.deepEqual(gulls.backlinks, ['harbour-wall']);
  assert.deepEqual(gulls.previous, { title: 'The harbour wall is repaired', id: 'harbour-wall' });
});

test('list without --json shows sections and titles', async () => {
  const result = await runCli(['list', markdownLibrary()]);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /World › Transport/);
  assert.match(result.stdout, /The last river ferry keeps running/);
  assert.doesNotMatch(result.stdout, /\x1b/);
});

test('a PATH on a pipe behaves like list', async () => {
  const root = markdownLibrary();
  const [plain, listed] = await Promise.all([runCli([root]), runCli(['list', root])]);
  assert.equal(plain.code, 0);
  assert.equal(plain.stdout, listed.stdout);
});

test('show at --width 60: headings, numbered related links, footer, nothing wider than 60', async () => {
  const root = markdownLibrary();
  const result = await runCli(['show', 'world/ferry', root, '--width', '60']);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  for (const line of lines) assert.ok(stringWidth(line) <= 60, `too wide: ${line}`);
  assert.match(result.stdout, /The last river ferry keeps running/);
  assert.match(result.stdout, /Timetable/);
  assert.match(result.stdout, /Read: The bridge vote \[1\]/);
  assert.match(result.stdout, /\[1\] Town votes on a new bridge/);
  assert.match(result.stdout, /\[2\][^\n]*A night market reopens/);
  assert.match(result.stdout, /Previous[^\n]*The ferry choir/);
  assert.match(result.stdout, /Next[^\n]*Town votes on a new bridge/);
  assert.doesNotMatch(result.stdout, /\x1b/, 'no styling in a pipe');
});

test('show takes a file path, with its folder as the library', async () => {
  const root = rawLibrary();
  const result = await runCli(['show', join(root, 'harbour-wall.txt')]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /The harbour wall is repaired/);
  assert.match(result.stdout, /3 \* 4 # 1\. <b>not bold<\/b>/, 'a raw page is shown as typed');
  assert.match(result.stdout, /\[1\][^\n]*Gulls return to the quay/);
});

test('show of a REF that is not there exits 1 with one line', async () => {
  const result = await runCli(['show', 'no/such/article', markdownLibrary()]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /no\/such\/article/);
});

test('check exits 1 naming the file and the missing target', async () => {
  const root = markdownLibrary();
  const result = await runCli(['check', root]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /world\/ferry/);
  assert.match(result.stdout, /A night market reopens/);
  const json = await runCli(['check', root, '--json']);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.problems.map((problem: { id: string; kind: string }) => [problem.id, problem.kind]),
    [['world/ferry', 'unresolved']],
  );
});

test('check passes on the bundled articles', async () => {
  const result = await runCli(['check', 'articles']);
  assert.equal(result.stdout.trim().split('\n').at(-1)?.startsWith('ok'), true, result.stdout);
  assert.equal(result.code, 0);
});

test('import of the seed page gives back title, section, related links and the chain', { skip: SEED_SKIP }, async () => {
  const out = makeLibrary({});
  const result = await runCli(['import', seed, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const written = join(out, '000_1263624f1fdc6d8b.md');
  const text = readFileSync(written, 'utf8');
  assert.match(text, /^---\n/);
  const list = JSON.parse((await runCli(['list', out, '--json'])).stdout);
  assert.equal(list.length, 1);
  const [article] = list;
  assert.equal(article.title, 'In Mali, the security situation is deteriorating dangerously');
  assert.deepEqual(article.section, ['World', 'News']);
  assert.deepEqual(
    article.related.map((link: { title: string }) => link.title),
    [
      'In the Sahel, a post-Barkhane period fraught with uncertainty for the entire region',
      'Destroying terrorism in Mali was an impossible mission',
      'Sri Lanka Three years after the Easter Day attacks, justice is stalling',
      'What are strategic oil reserves used for?',
    ],
  );
  assert.equal(article.previous.title, 'two Revolutionary Guard officers killed in Israeli attack in Syria');
  assert.equal(article.next.title, 'In cyberspace, Russia has not yet used all its capabilities');
  // Related links stay in place in the body, as wikilinks since they do not resolve.
  assert.match(text, /READ\. \[\[In the Sahel, a post-Barkhane period/);
  // (That import never overwrites without --force is tested on a fixture: importEdges.test.ts.)
});

test('import of a page in the seed’s shape gives back title, section, related links (unresolved ones as wikilinks) and the chain', async () => {
  const sources = makeLibrary({ 'harbour.txt': SEED_SHAPED_PAGE });
  const out = makeLibrary({});
  const result = await runCli(['import', join(sources, 'harbour.txt'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const text = readFileSync(join(out, 'harbour.md'), 'utf8');
  assert.match(text, /^---\n/);
  const [article, ...others] = JSON.parse((await runCli(['list', out, '--json'])).stdout);
  assert.deepEqual(others, []);
  assert.equal(article.title, SEED_SHAPED_FACTS.title);
  assert.deepEqual(article.section, SEED_SHAPED_FACTS.section);
  assert.deepEqual(article.related.map((link: { title: string }) => link.title), SEED_SHAPED_FACTS.related);
  assert.equal(article.previous.title, SEED_SHAPED_FACTS.previous);
  assert.equal(article.next.title, SEED_SHAPED_FACTS.next);
  // Related links stay in place in the body, as wikilinks since they do not resolve.
  assert.match(text, /READ\. \[\[Gulls return to the quay after a quiet year\]\]/);
  assert.match(text, /Read:\u00a0 \[\[What the tide leaves behind: a week on the mudflats\]\]/);
});

test('imported raw pages link to each other by id', async () => {
  const sources = rawLibrary();
  const out = makeLibrary({});
  const result = await runCli(['import', join(sources, 'harbour-wall.txt'), join(sources, 'gulls.txt'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const wall = readFileSync(join(out, 'harbour-wall.md'), 'utf8');
  assert.match(wall, /related:\n\s+- gulls\n/);
  assert.match(wall, /next: gulls\n/);
  assert.match(wall, /\[Gulls return to the quay\]\(gulls\)|\[“Gulls return to the quay”\]\(gulls\)/);
  const list = JSON.parse((await runCli(['list', out, '--json'])).stdout);
  const importedWall = list.find((item: { id: string }) => item.id === 'harbour-wall');
  assert.deepEqual(importedWall.related, [{ title: 'Gulls return to the quay', id: 'gulls' }]);
  assert.deepEqual(importedWall.next, { title: 'Gulls return to the quay', id: 'gulls' });
  const check = await runCli(['check', out, '--json']);
  // Only the links that never resolved are reported: previous of the wall, next of the gulls.
  assert.deepEqual(JSON.parse(check.stdout).problems.map((problem: { id: string }) => problem.id).sort(), ['gulls', 'harbour-wall']);
});

test('one failing import source is reported, the others imported, exit 1', async () => {
  const sources = rawLibrary();
  const out = makeLibrary({});
  const result = await runCli(['import', join(sources, 'missing.txt'), join(sources, 'gulls.txt'), '--out', out]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /missing\.txt/);
  assert.ok(existsSync(join(out, 'gulls.md')));
});

test('show of a file that gives no article says why, in one line', async () => {
  const root = makeLibrary({ 'picture.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'fine.md': '# Fine\n' });
  const result = await runCli(['show', join(root, 'picture.md')]);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /picture\.md.*binary/);
});
