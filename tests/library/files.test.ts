import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { loadLibrary, LibraryPathError } from '../../src/library/index.js';
import { libraryOf, makeFolder, article } from './helpers.js';

test('a.md beside a.txt: the .md keeps the id, the .txt keeps its extension, and it is a problem', async () => {
  const { lib } = await libraryOf({ 'a.txt': 'Text a\n\nBody.', 'a.md': '# Markdown a\n', 'a.html': '<title>Html a</title>' });
  assert.deepEqual(lib.articles.map((a) => [a.id, a.path]), [
    ['a', 'a.md'],
    ['a.html', 'a.html'],
    ['a.txt', 'a.txt'],
  ]);
  assert.equal(article(lib, 'a').title, 'Markdown a');
  const dups = lib.problems.filter((p) => p.kind === 'duplicate-id');
  assert.deepEqual(dups.map((p) => p.id).sort(), ['a.html', 'a.txt']);
  assert.ok(article(lib, 'a.txt').problems.some((p) => p.kind === 'duplicate-id'));
});

test('two roots with the same id: the later one gets its folder name in front', async () => {
  const one = await makeFolder({ 'site/index.md': '# Site index\n' });
  const two = await makeFolder({ 'notes/index.md': '# Notes index\n\n[[index]]\n' });
  const lib = await loadLibrary([path.join(one, 'site'), path.join(two, 'notes')]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['index', 'notes/index']);
  assert.equal(article(lib, 'notes/index').title, 'Notes index');
  assert.equal(lib.problems.filter((p) => p.kind === 'duplicate-id').length, 1);
  assert.deepEqual(lib.roots, [path.join(one, 'site'), path.join(two, 'notes')]);
});

test('dotfiles, dot-folders, node_modules and other extensions are skipped; extensions are case-insensitive', async () => {
  const { lib } = await libraryOf({
    'A.MD': '# upper\n',
    'b.Markdown': '# b\n',
    'c.htm': '<title>c</title>',
    '.hidden.md': 'x',
    '.git/x.md': 'x',
    'node_modules/pkg/README.md': 'x',
    'image.png': 'x',
    'notes.json': '{}',
  });
  assert.deepEqual(lib.articles.map((a) => a.id), ['A', 'b', 'c']);
});

test('a symlink is followed inside the root, not out of it', async () => {
  const outside = await makeFolder({ 'secret.md': '# Secret\n', 'dir/deep.md': '# Deep\n' });
  const root = await makeFolder({ 'real/in.md': '# In\n' });
  await symlink(path.join(outside, 'secret.md'), path.join(root, 'escape.md'));
  await symlink(path.join(outside, 'dir'), path.join(root, 'escape-dir'));
  await symlink(path.join(root, 'real', 'in.md'), path.join(root, 'alias.md'));
  await symlink(root, path.join(root, 'real', 'loop'));
  const lib = await loadLibrary([root]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['alias', 'real/in']);
});

test('containment is by path segment: a symlink into a sibling folder `lib-evil` of the root `lib` is not followed', async () => {
  const parent = await makeFolder({ 'lib/in.md': '# In\n', 'lib-evil/secret.md': '# Secret\n', 'lib-evil/dir/deep.md': '# Deep\n' });
  const root = path.join(parent, 'lib');
  await symlink(path.join(parent, 'lib-evil', 'secret.md'), path.join(root, 'secret.md'));
  await symlink('../lib-evil/dir', path.join(root, 'dir'));
  const lib = await loadLibrary([root]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['in']);
  assert.deepEqual(lib.problems.map((p) => [p.id, p.kind]).sort(), [['dir', 'outside-root'], ['secret.md', 'outside-root']]);
});

test('a file given directly: its folder is the root, its siblings are not articles', async () => {
  const dir = await makeFolder({ 'one.md': '# One\n\n[two](two.md)\n', 'two.md': '# Two\n' });
  const lib = await loadLibrary([path.join(dir, 'one.md')]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['one']);
  assert.deepEqual(lib.roots, [dir]);
});

test('a path that does not exist throws LibraryPathError', async () => {
  await assert.rejects(loadLibrary(['/no/such/place/here']), LibraryPathError);
});

test('a file that is not UTF-8 is read as Windows-1252, with a problem', async () => {
  const bytes = Buffer.from([...Buffer.from('# Caf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me '), 0x93, ...Buffer.from('quoted'), 0x94, 0x0a]);
  const { lib } = await libraryOf({ 'old.md': bytes });
  const a = article(lib, 'old');
  assert.equal(a.title, 'Café crème “quoted”');
  assert.deepEqual(a.problems.map((p) => p.kind), ['encoding']);
  assert.match(a.problems[0].message, /^old\.md: .*Windows-1252/);
});

test('a binary file is skipped with a problem; the rest of the library loads', async () => {
  const { lib } = await libraryOf({ 'blob.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'ok.md': '# OK\n' });
  assert.deepEqual(lib.articles.map((a) => a.id), ['ok']);
  assert.deepEqual(lib.problems.map((p) => [p.id, p.kind]), [['blob.md', 'binary']]);
});

test('a file over the size limit is skipped with a too-large problem', async () => {
  const dir = await makeFolder({ 'big.md': 'x'.repeat(2000), 'small.md': 'ok' });
  const lib = await loadLibrary([dir], { maxFileBytes: 1000 });
  assert.deepEqual(lib.articles.map((a) => a.id), ['small']);
  assert.deepEqual(lib.problems.map((p) => [p.id, p.kind]), [['big.md', 'too-large']]);
});

test('CRLF, CR and a byte-order mark read like plain LF text', async () => {
  const { lib } = await libraryOf({
    'crlf.md': '\ufeff---\r\ntitle: Windows file\r\nsection: [A, B]\r\n---\r\nLine one\r\nLine two\r\n',
    'cr.txt': 'Old Mac title\r\rBody one.\r',
  });
  const a = article(lib, 'crlf');
  assert.equal(a.title, 'Windows file');
  assert.deepEqual(a.section, ['A', 'B']);
  assert.equal(a.body, 'Line one\nLine two\n');
  assert.deepEqual(a.problems, []);
  assert.equal(article(lib, 'cr').title, 'Old Mac title');
  assert.ok(!article(lib, 'cr').body.includes('\r'));
});

test('an unreadable file is a problem, not a crash (a dangling link named like an article)', async () => {
  const dir = await makeFolder({ 'open.md': '# Open\n', 'sub/deep.md': '# Deep\n' });
  await symlink(path.join(dir, 'no-such-file.md'), path.join(dir, 'dangling.md'));
  await symlink('../nowhere.md', path.join(dir, 'sub', 'also-dangling.md'));
  await symlink('/no/such/place/outside.md', path.join(dir, 'outside.md'));
  const lib = await loadLibrary([dir]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['open', 'sub/deep']);
  assert.deepEqual(lib.problems.map((p) => [p.id, p.kind]), [
    ['dangling.md', 'unreadable'],
    ['sub/also-dangling.md', 'unreadable'],
  ]);
  assert.match(lib.problems[0].message, /^dangling\.md: cannot be read \(ENOENT/);
});

test('a folder named like an article is read as a folder', async () => {
  const dir = await makeFolder({ 'x.md/inside.md': '# Inside\n', 'y.md': '# Y\n' });
  const lib = await loadLibrary([dir]);
  assert.deepEqual(lib.articles.map((a) => a.id), ['x.md/inside', 'y']);
  assert.deepEqual(lib.problems, []);
});

test('a saved HTML page loads with its <title> for now', async () => {
  const { lib } = await libraryOf({ 'page.html': '<html><head><title>A &amp; B</title></head><body>x</body></html>' });
  assert.equal(article(lib, 'page').title, 'A & B');
  assert.equal(article(lib, 'page').format, 'html');
});
