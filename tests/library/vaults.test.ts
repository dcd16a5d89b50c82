// Notes vaults as notes apps read them (issue 13): fixture vaults written for this project, one
// test per rule of SPEC §1a that a vault leans on: file names in any case, a path's last
// segments, duplicate names followed to the nearest, emoji in names, `x.html` for `x.md`,
// attachments present and missing, display text, and `check` naming lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { symlinkSync } from 'node:fs';
import { libraryOf, makeFolder, article, bodyOf } from './helpers.js';
import { loadLibrary } from '../../src/library/index.js';
import { renderArticle } from '../../src/render/renderArticle.js';
import { runCli } from '../helpers/runCli.js';

const plain = (lib: Awaited<ReturnType<typeof libraryOf>>['lib'], id: string) =>
  renderArticle(bodyOf(lib, id), { width: 100, color: false });

test('wikilinks find file names whatever their case, and a path by its last segments, any case', async () => {
  const { lib } = await libraryOf({
    'home.md': '# Home\n\n[[Field-Notes]] and [[deeper/Beta]] and [[SUB/Deeper/beta]] and [[Deeper/Beta.md]]\n',
    'field-notes.md': '# Notes from the field\n',
    'sub/deeper/Beta.md': '# Beta\n',
    'other/Beta.md': '# Another beta\n',
  });
  const t = article(lib, 'home').linkTargets;
  assert.deepEqual(t.get('Field-Notes'), { kind: 'article', id: 'field-notes' });
  assert.deepEqual(t.get('deeper/Beta'), { kind: 'article', id: 'sub/deeper/Beta' }, 'not other/Beta: the folder names it');
  assert.deepEqual(t.get('SUB/Deeper/beta'), { kind: 'article', id: 'sub/deeper/Beta' });
  assert.deepEqual(t.get('Deeper/Beta.md'), { kind: 'article', id: 'sub/deeper/Beta' });
  assert.deepEqual(article(lib, 'home').problems, []);
});

test('two notes called Beta: [[Beta]] follows the nearest (same folder, then shortest path, then first id), and check warns naming both', async () => {
  const { dir, lib } = await libraryOf({
    'top.md': '[[Beta]]\n',
    'a/deep/Beta.md': '# Beta one\n',
    'b/Beta.md': '# Beta two\n',
    'a/deep/sibling.md': '[[Beta]] [[beta]]\n',
    'c/x.md': '[[beta]]\n',
    'd/Beta.md': '# Beta three\n',
  });
  const candidates = ['a/deep/Beta', 'b/Beta', 'd/Beta'];
  assert.deepEqual(article(lib, 'a/deep/sibling').linkTargets.get('Beta'), { kind: 'article', id: 'a/deep/Beta' }, 'a path from the file: step 1, one match');
  assert.deepEqual(article(lib, 'a/deep/sibling').linkTargets.get('beta'), { kind: 'article', id: 'a/deep/Beta', candidates }, 'by file name: same folder first');
  assert.deepEqual(article(lib, 'top').linkTargets.get('Beta'), { kind: 'article', id: 'b/Beta', candidates }, 'then the shortest path, then the first id');
  assert.deepEqual(article(lib, 'c/x').linkTargets.get('beta'), { kind: 'article', id: 'b/Beta', candidates });
  assert.deepEqual(lib.byId.get('b/Beta')!.backlinks, ['c/x', 'top'], 'followed links count as backlinks');
  const [problem] = article(lib, 'top').problems;
  assert.equal(problem.kind, 'ambiguous');
  assert.equal(problem.warning, true);
  assert.match(problem.message, /a\/deep\/Beta, b\/Beta, d\/Beta; followed to b\/Beta/);
  assert.doesNotMatch(plain(lib, 'top').plainLines.join('\n'), /not in library/);

  const check = await runCli(['check', dir]);
  assert.equal(check.code, 0, 'warnings alone pass');
  assert.match(check.stdout, /^top\.md:1: warning: ambiguous: link "Beta" is ambiguous/m);
  assert.match(check.stdout, /3 warnings in 6 articles/);
  const json = JSON.parse((await runCli(['check', dir, '--json'])).stdout);
  assert.equal(json.ok, true);
  assert.deepEqual(json.problems.map((p: { id: string; line: number; warning: boolean }) => [p.id, p.line, p.warning]), [
    ['a/deep/sibling', 1, true],
    ['c/x', 1, true],
    ['top', 1, true],
  ]);
});

test('notes named with emoji: 🌱 Name never finds 🌿 Name', async () => {
  const { lib } = await libraryOf({
    'index.md': '[[🌱 Garden]] and [[🌿 Garden]] and [[🌵 Garden]]\n',
    '🌿 Garden.md': '# 🌿 Garden\n',
    '🌱 Garden.md': '---\ntitle: "🌱 Garden"\n---\n',
  });
  const t = article(lib, 'index').linkTargets;
  assert.deepEqual(t.get('🌱 Garden'), { kind: 'article', id: '🌱 Garden' });
  assert.deepEqual(t.get('🌿 Garden'), { kind: 'article', id: '🌿 Garden' });
  assert.equal(t.get('🌵 Garden')?.kind, 'unresolved', 'a stale link stays broken, as the notes app shows it');
  assert.deepEqual(article(lib, 'index').problems.map((p) => p.target), ['🌵 Garden']);
});

test('a book linking chapters as chapter.html reads chapter.md (or chapter/index.md, chapter/README.md)', async () => {
  const { lib } = await libraryOf({
    'SUMMARY.md': '[One](ch01.html) [Two](./ch02.html#the-river) [Three](part/ch03.html) [Four](guide.html) [Five](faq.htm)\n',
    'ch01.md': '# Chapter one\n',
    'ch02.md': '# Chapter two\n\n## The river\n',
    'part/ch03.md': '# Chapter three\n',
    'guide/index.md': '# Guide\n',
    'faq/README.md': '# FAQ\n',
    'saved.html': '<html><head><title>Saved</title></head><body><p>x</p></body></html>',
    'saved.md': '# Not this one\n',
    'links.md': '[s](saved.html)\n',
  });
  const t = article(lib, 'SUMMARY').linkTargets;
  assert.deepEqual(t.get('ch01.html'), { kind: 'article', id: 'ch01' });
  assert.deepEqual(t.get('./ch02.html#the-river'), { kind: 'article', id: 'ch02', heading: 'the-river' });
  assert.deepEqual(t.get('part/ch03.html'), { kind: 'article', id: 'part/ch03' });
  assert.deepEqual(t.get('guide.html'), { kind: 'article', id: 'guide/index' });
  assert.deepEqual(t.get('faq.htm'), { kind: 'article', id: 'faq/README' });
  assert.deepEqual(article(lib, 'SUMMARY').problems, []);
  assert.deepEqual(lib.byId.get('ch01')!.backlinks, ['SUMMARY']);
  const saved = article(lib, 'links').linkTargets.get('saved.html');
  assert.equal(saved?.kind === 'article' && lib.byId.get(saved.id)?.format, 'html', 'an x.html in the library is x.html');
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('attachments of every kind resolve to their files, read as what they are, and are never articles', async () => {
  const { dir, lib } = await libraryOf({
    'notes/Home.md': [
      '# Home',
      '',
      'Embeds: ![[Engelbart.jpg|100]] ![[icon.svg#icon]] ![[talk.mp3]] ![[clip.MP4]]',
      '',
      'Files: [[Board.canvas]] [[Doc.pdf#page=3]] [[Doc.pdf|the spec]] [Doc](../files/Doc.pdf) ![A portrait](Engelbart.jpg) ![](Engelbart.jpg)',
      '',
      'Remote: ![far](https://img.example/x.png)',
    ].join('\n'),
    'notes/Engelbart.jpg': PNG,
    'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/talk.mp3': PNG,
    'assets/clip.mp4': PNG,
    'Board.canvas': '{"nodes":[]}',
    'files/Doc.pdf': '%PDF-1.4\n',
  });
  assert.deepEqual(lib.articles.map((a) => a.id), ['notes/Home'], 'only the note is an article');
  const t = article(lib, 'notes/Home').linkTargets;
  assert.deepEqual(t.get('Engelbart.jpg'), {
    kind: 'attachment', path: 'notes/Engelbart.jpg', absPath: path.join(dir, 'notes/Engelbart.jpg'), name: 'Engelbart.jpg', fileKind: 'image',
  });
  assert.deepEqual(t.get('icon.svg#icon'), {
    kind: 'attachment', path: 'assets/icon.svg', absPath: path.join(dir, 'assets/icon.svg'), name: 'icon.svg', fileKind: 'image', fragment: 'icon',
  });
  const kindOf = (href: string) => {
    const target = t.get(href);
    return target?.kind === 'attachment' ? target.fileKind : target?.kind;
  };
  assert.equal(kindOf('talk.mp3'), 'audio');
  assert.equal(kindOf('clip.MP4'), 'video', 'any case');
  assert.equal(t.get('../files/Doc.pdf')?.kind, 'attachment');
  assert.deepEqual(article(lib, 'notes/Home').problems, []);

  const text = plain(lib, 'notes/Home').plainLines.join('\n');
  for (const shown of [
    '[image: Engelbart.jpg]',
    '[image: icon.svg]',
    '[audio: talk.mp3]',
    '[video: clip.mp4]',
    '[file: Board.canvas]',
    '[pdf: Doc.pdf › page 3]',
    '[pdf: the spec]',
    '[pdf: Doc]',
    '[image: A portrait]',
    '[image: far]',
  ]) {
    assert.ok(text.includes(shown), `${shown} in:\n${text}`);
  }
  assert.doesNotMatch(text, /not in library|\b100\b|#icon/, 'sizes and fragments are never labels');
  const rendered = plain(lib, 'notes/Home');
  const files = rendered.links.filter((l) => l.target.kind === 'attachment');
  assert.equal(files.length, 10, 'each attachment is a link Tab can reach');

  const list = JSON.parse((await runCli(['list', dir, '--json'])).stdout);
  assert.deepEqual(list.map((a: { id: string }) => a.id), ['notes/Home']);
  assert.equal((await runCli(['check', dir])).code, 0);
});

test('an attachment label is one unit on screen: it never wraps between its kind and its name when it fits the width', async () => {
  const { lib } = await libraryOf({
    'note.md': 'Seen in the archive: ![[Engelbart.jpg|100]] then [[Doc.pdf#page=3]], later ![the demo, 1968](https://img.example/demo.png) and ![[gone.png]].\n',
    'Engelbart.jpg': PNG,
    'Doc.pdf': '%PDF-1.4\n',
  });
  const labels = ['[image: Engelbart.jpg]', '[pdf: Doc.pdf › page 3]', '[image: the demo, 1968]', '[image: gone.png]'];
  for (let width = 24; width <= 70; width++) {
    const lines = renderArticle(bodyOf(lib, 'note'), { width, color: false }).plainLines;
    for (const label of labels) assert.ok(lines.some((line) => line.includes(label)), `${label} on one line at width ${width}:\n${lines.join('\n')}`);
  }
  // Wider than the line: it breaks at its spaces, like any words, and never overflows.
  const narrow = renderArticle(bodyOf(lib, 'note'), { width: 12, color: false }).plainLines;
  assert.ok(narrow.includes('[image:') && narrow.some((line) => line.startsWith('Engelbart.jp')), narrow.join('\n'));
  assert.ok(narrow.some((line) => line.startsWith('[pdf: Doc.pdf') || line === '[pdf:'), narrow.join('\n'));
  assert.deepEqual(narrow.filter((line) => line.length > 12), []);
});

test('^id block markers are not counted among a note\'s words', async () => {
  const { lib } = await libraryOf({
    'marked.md': 'Moss grows on walls. ^moss-1\n\n- old stone\n- new brick\n\n^walls\n',
    'plain.md': 'Moss grows on walls.\n\n- old stone\n- new brick\n',
  });
  assert.equal(lib.byId.get('plain')!.words, 8);
  assert.equal(lib.byId.get('marked')!.words, 8);
});

test('missing attachments, Markdown images included, are missing-file problems; remote images are not checked', async () => {
  const { dir, lib } = await libraryOf({
    'note.md': '# Note\n\n![[gone.png]]\n\n![a chart](charts/gone.svg) ![far](https://img.example/none.png)\n\n[[Board.canvas]] [[No such note]]\n',
  });
  const problems = article(lib, 'note').problems;
  assert.deepEqual(problems.map((p) => [p.kind, p.target, p.line]), [
    ['missing-file', 'gone.png', 3],
    ['missing-file', 'charts/gone.svg', 5],
    ['missing-file', 'Board.canvas', 7],
    ['unresolved', 'No such note', 7],
  ]);
  const text = plain(lib, 'note').plainLines.join('\n');
  assert.ok(text.includes('[image: gone.png] (file missing)'), text);
  assert.ok(text.includes('[image: a chart] (file missing)'), text);
  assert.ok(text.includes('No such note (not in library)'), text);
  const check = await runCli(['check', dir]);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /^note\.md:3: missing-file: image "gone\.png": no such file in the library$/m);
  assert.match(check.stdout, /^note\.md:5: missing-file: image "charts\/gone\.svg"/m);
});

test('a path out of the root is never an attachment, even when the file is there', async () => {
  const { lib } = await libraryOf({ 'lib/note.md': '![[../secret.png]] ![x](../secret.png)\n', 'secret.png': PNG });
  const { lib: inner } = { lib: await (await import('../../src/library/index.js')).loadLibrary([path.join(lib.roots[0], 'lib')]) };
  const t = article(inner, 'note').linkTargets;
  assert.equal(t.get('../secret.png')?.kind, 'unresolved');
  assert.deepEqual(article(inner, 'note').problems.map((p) => p.kind), ['outside-root']);
});

test('a symlink in the library leading out of it is never an attachment', async () => {
  const parent = await makeFolder({ 'secret.png': PNG, 'lib/note.md': '![[leak.png]] ![x](leak.png) [[inside.png]]\n', 'lib/real/inside.png': PNG });
  symlinkSync(path.join(parent, 'secret.png'), path.join(parent, 'lib/leak.png'));
  symlinkSync(path.join(parent, 'lib/real/inside.png'), path.join(parent, 'lib/inside.png'));
  const lib = await loadLibrary([path.join(parent, 'lib')]);
  const t = article(lib, 'note').linkTargets;
  assert.equal(t.get('leak.png')?.kind, 'unresolved');
  assert.equal(t.get('inside.png')?.kind, 'attachment', 'a link that stays inside is followed');
  assert.deepEqual(article(lib, 'note').problems.map((p) => p.kind), ['missing-file']);
});

test('display text: [[Note#Heading]] reads Note › Heading, [[#Heading]] reads Heading, a label wins', async () => {
  const { lib } = await libraryOf({
    'a.md': '# A\n\n[[b#Second part]] · [[#Local]] · [[b#Second part|see there]] · [[b#Part#Sub]]\n\n## Local\n',
    'b.md': '# B\n\n## Second part\n\n### Sub\n',
  });
  const text = plain(lib, 'a').plainLines.join('\n');
  assert.match(text, /b › Second part · Local · see there · b › Part › Sub/);
  assert.doesNotMatch(text, /#/);
});

test('check names the line of each problem in the file (front matter counted), and [x]() is no problem', async () => {
  const { dir, lib } = await libraryOf({
    'n.md': '---\ntitle: N\n---\n\nIntro [empty]().\n\n- one\n- two [[Gone]]\n\n| h |\n|---|\n| [x](nowhere) |\n\n> quote\n> ![[lost.png]]\n',
  });
  assert.deepEqual(article(lib, 'n').problems.map((p) => [p.target, p.line]), [
    ['Gone', 8],
    ['nowhere', 12],
    ['lost.png', 15],
  ]);
  assert.ok(plain(lib, 'n').plainLines.join('\n').includes('Intro empty.'), 'an empty link is its words');
  const check = await runCli(['check', dir]);
  assert.deepEqual(check.stdout.trim().split('\n').slice(0, 3).map((l) => l.split(': ')[0]), ['n.md:8', 'n.md:12', 'n.md:15']);
  const json = JSON.parse((await runCli(['check', dir, '--json'])).stdout);
  assert.deepEqual(json.problems.map((p: { line: number }) => p.line), [8, 12, 15]);
});

test('the bundled Notes vaults guide shows what it describes: a live attachment, a block reference, callouts, footnotes, no vault syntax left', async () => {
  const guide = await loadLibrary([path.join(path.dirname(new URL(import.meta.url).pathname), '../../articles')]);
  const id = 'guide/library-format/notes-vaults';
  assert.equal(guide.byId.get(id)?.title, 'Notes vaults');
  const rendered = renderArticle(bodyOf(guide, id), { width: 80, color: false });
  const text = rendered.plainLines.join('\n');
  const attachment = rendered.links.find((l) => l.target.kind === 'attachment');
  assert.ok(attachment && text.includes('[image: notes-vault-layers.svg]'), 'the picture beside the note is an attachment');
  const blockLink = rendered.links.find((l) => l.target.kind === 'article' && l.target.heading === '^gauss');
  assert.ok(blockLink && rendered.blocks.some((b) => b.id === 'gauss'), 'the block reference has its block');
  assert.match(text, /^┃ Tip$/m);
  assert.match(text, /^Notes\n─+\n1\. /m);
  for (const section of ['How a link finds its note', 'Headings and blocks', 'Attachments', 'Callouts', 'Footnotes', 'Math', 'Titles, folders and aliases', 'What check says']) {
    assert.ok(rendered.headings.some((h) => h.text === section), section);
  }
  assert.doesNotMatch(text.replace(/^  .*$/gm, ''), /^\^gauss|\(not in library\)|\(file missing\)/m);
  assert.deepEqual(guide.problems, []);
  assert.ok(!guide.articles.some((a) => a.path.endsWith('.svg')), 'the picture is no article');
});
