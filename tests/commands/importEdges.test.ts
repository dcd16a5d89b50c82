// `import` at its edges (issue 12): writes nothing in --out can steer, output that is inert
// text, names that are valid files the library shows, fetched pages up to the 10 MB promise,
// raw pages' related titles kept whole. Every fixture is written here; a clone without
// ../shared runs all of it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BIN, makeLibrary, runCli, type CliResult } from '../helpers/runCli.js';

const NBSP = '\u00a0';
/** What must never stand raw in an imported file: C0 but tab and newline, DEL, C1, bidi controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A raw page in the seed's shape: breadcrumb run into the title, title repeated, `Read:` + NBSP + space, the chain at the end, no final newline. */
const rawPage = (breadcrumb: string, title: string, paragraphs: string[], previous: string, next: string) =>
  [`${breadcrumb} ${title}`, '', title, '', '', ...paragraphs.flatMap((p) => [p, '']), `Previous article${previous}`, `Next article${next}`].join('\n');

/** Hermetic: state, cache, config and the temporary folder are the test's own, so what import leaves in TMPDIR is seen. */
function hermetic(): { env: Record<string, string>; temp: string } {
  const home = mkdtempSync(join(tmpdir(), 'broadsheet-import-env-'));
  const temp = join(home, 'tmp');
  mkdirSync(temp);
  return {
    temp,
    env: { BROADSHEET_STATE_DIR: join(home, 'state'), BROADSHEET_CACHE_DIR: join(home, 'cache'), BROADSHEET_CONFIG: join(home, 'config'), TMPDIR: temp },
  };
}

async function importing(args: string[]): Promise<CliResult & { tempLeft: string[] }> {
  const { env, temp } = hermetic();
  const result = await runCli(['import', ...args], { env });
  return { ...result, tempLeft: readdirSync(temp) };
}

const list = async (folder: string) => JSON.parse((await runCli(['list', folder, '--json'], { env: hermetic().env })).stdout);

const sources = () =>
  makeLibrary({
    'tide.txt': rawPage('Home Coast', 'The tide tables are printed', ['The harbour office prints them each spring.'], 'Nothing before', 'Nothing after'),
    'gulls.txt': rawPage('Home Nature', 'Gulls return to the quay', ['They came back in March.'], 'Nothing before', 'Nothing after'),
  });

let server: Server;
let base = '';
/** Requests to /slow are held open here until the test lets them go. */
const held: ServerResponse[] = [];
let slowAsked: () => void = () => undefined;
const NINE_MB = 9 * 1024 * 1024;

before(async () => {
  server = createServer((request, response) => {
    const html = (status: number, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    switch (request.url) {
      case '/slow':
        held.push(response);
        return slowAsked();
      case '/notes/empty-page':
        return html(200, '<!doctype html><html><head></head><body></body></html>');
      case '/binary':
        return html(200, Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x02, 0x00, 0x00, 0x3c, 0x2f, 0x70, 0x3e]));
      case '/news/tide':
        return html(200, '<!doctype html><html><head><title>Tide turns</title></head><body><article><h1>Tide turns</h1><p>The tide turned at noon, and the boats went out on it.</p></article></body></html>');
      case '/news/escapes':
        return html(
          200,
          '<!doctype html><html><head><title>Bell &#7; and escape &#27;[31mred&#27;[0m &#x202E;txt.exe</title></head><body><article><h1>Bell and escape</h1>' +
            '<p>An escape decoded from an entity &#27;]52;c;Y2xpcGJvYXJk&#7; and a CSI &#x9B;2J, an override &#x202E;gnp.exe, all inert once imported.</p>' +
            '<p>Raw ones too: \u0007 \u009b6n \u202e reversed.</p></article></body></html>',
        );
      case '/news/nine-megabytes': {
        // A page of 9 MB as pages of that size are: mostly script and markup around a short article.
        const article = '<article><h1>Nine megabytes of harbour</h1>' + '<p>The quay is long, and the page about it is longer still.</p>'.repeat(40) + '</article>';
        const head = '<!doctype html><html><head><meta charset="utf-8"><title>Nine megabytes of harbour</title></head><body>';
        const tail = '</body></html>';
        const filler = NINE_MB - Buffer.byteLength(head + article + tail) - '<script></script>'.length;
        return html(200, `${head}<script>${'/* filler */ var x = 1;\n'.repeat(Math.ceil(filler / 24)).slice(0, filler)}</script>${article}${tail}`);
      }
      default:
        return html(404, 'not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  for (const response of held) response.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

test('a dangling link in --out is never written through, with or without --force', async () => {
  const from = sources();
  const out = makeLibrary({});
  const elsewhere = mkdtempSync(join(tmpdir(), 'broadsheet-elsewhere-'));
  const outside = join(elsewhere, 'planted.md');
  symlinkSync(outside, join(out, 'tide.md'));

  const refused = await importing([join(from, 'tide.txt'), join(from, 'gulls.txt'), '--out', out]);
  assert.equal(refused.code, 1);
  assert.equal(existsSync(outside), false, 'nothing is created through the link');
  assert.ok(lstatSync(join(out, 'tide.md')).isSymbolicLink(), 'the link is left as it was');
  assert.match(refused.stderr, /^broadsheet: import \S*tide\.txt: \S*tide\.md exists \(a symbolic link\); use --force to overwrite it\n$/);
  assert.ok(existsSync(join(out, 'gulls.md')), 'the other source is imported');

  const forced = await importing([join(from, 'tide.txt'), '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(existsSync(outside), false, 'with --force the link is replaced, not followed');
  assert.ok(lstatSync(join(out, 'tide.md')).isFile());
  assert.match(readFileSync(join(out, 'tide.md'), 'utf8'), /title: The tide tables are printed/);
  assert.deepEqual(readdirSync(elsewhere), []);
  assert.deepEqual(readdirSync(out).sort(), ['gulls.md', 'tide.md'], 'no temporary file is left in --out');
});

test('with --force a link to a file outside replaces the link and leaves that file alone', async () => {
  const from = sources();
  const out = makeLibrary({});
  const elsewhere = makeLibrary({ 'precious.md': 'keep me\n' });
  symlinkSync(join(elsewhere, 'precious.md'), join(out, 'tide.md'));
  const result = await importing([join(from, 'tide.txt'), '--out', out, '--force']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(readFileSync(join(elsewhere, 'precious.md'), 'utf8'), 'keep me\n');
  assert.ok(lstatSync(join(out, 'tide.md')).isFile());
});

test('import never overwrites a file without --force, and does with it', async () => {
  const from = sources();
  const out = makeLibrary({ 'tide.md': '# Written by hand\n' });
  const again = await importing([join(from, 'tide.txt'), join(from, 'gulls.txt'), '--out', out]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /tide\.txt: \S*tide\.md exists; use --force to overwrite it\n$/);
  assert.equal(readFileSync(join(out, 'tide.md'), 'utf8'), '# Written by hand\n');
  assert.ok(existsSync(join(out, 'gulls.md')));
  const forced = await importing([join(from, 'tide.txt'), '--out', out, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(join(out, 'tide.md'), 'utf8'), /title: The tide tables are printed/);
});

test('a folder in the way fails that source alone, in one line naming it; the others are written', async () => {
  const from = sources();
  for (const force of [[], ['--force']]) {
    const out = makeLibrary({ 'tide.md/inside.txt': 'a folder, not a file' });
    const result = await importing([join(from, 'tide.txt'), join(from, 'gulls.txt'), '--out', out, ...force]);
    assert.equal(result.code, 1, force.join(''));
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^broadsheet: import \S*tide\.txt: /);
    assert.doesNotMatch(result.stderr, /unexpected error/);
    assert.ok(existsSync(join(out, 'gulls.md')));
    assert.deepEqual(readdirSync(join(out, 'tide.md')), ['inside.txt']);
  }
});

test('names are capped in bytes after the -2 suffix, whole characters kept', async () => {
  // 251 bytes of name, so `NAME.txt` is 255: `NAME.md` fits, `NAME-2.md` must be cut.
  const stem = 'a' + 'é'.repeat(125);
  assert.equal(Buffer.byteLength(stem), 251);
  const one = makeLibrary({ [`${stem}.txt`]: rawPage('Home', 'First of two', ['One.'], 'x', 'y') });
  const two = makeLibrary({ [`${stem}.txt`]: rawPage('Home', 'Second of two', ['Two.'], 'x', 'y') });
  const out = makeLibrary({});
  const result = await importing([join(one, `${stem}.txt`), join(two, `${stem}.txt`), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const names = readdirSync(out).sort();
  assert.equal(names.length, 2, names.join(', '));
  for (const name of names) {
    assert.ok(Buffer.byteLength(name) <= 255, name);
    assert.ok(name.endsWith('.md') && !name.includes('\ufffd'), name);
  }
  assert.ok(names.some((name) => name.endsWith('-2.md')));
  const titles = (await list(out)).map((item: { title: string }) => item.title).sort();
  assert.deepEqual(titles, ['First of two', 'Second of two']);
});

test('an existing file as --out is a usage error in one line, before anything is fetched', async () => {
  const from = sources();
  const file = join(makeLibrary({ 'notes.md': '# Notes\n' }), 'notes.md');
  const result = await importing([join(from, 'tide.txt'), `${base}/news/tide`, '--out', file]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^broadsheet: --out \S*notes\.md is a file, not a folder\n/);
  assert.doesNotMatch(result.stderr, /unexpected error/);
  assert.equal(readFileSync(file, 'utf8'), '# Notes\n');
  assert.deepEqual(result.tempLeft, []);
});

test('a fetched page that fails is named by its URL, never by a temporary file, and nothing temporary stays', async () => {
  const out = makeLibrary({ 'tide.md/in-the-way.txt': 'a folder' });
  const result = await importing([`${base}/binary`, `${base}/news/tide`, `${base}/news/nope`, '--out', out]);
  assert.equal(result.code, 1);
  const lines = result.stderr.trim().split('\n').sort();
  assert.equal(lines.length, 3, result.stderr);
  assert.match(lines[0], new RegExp(`^broadsheet: import ${base}/binary: `));
  assert.match(lines[1], new RegExp(`^broadsheet: import ${base}/news/nope: [^\n]*404`));
  assert.match(lines[2], new RegExp(`^broadsheet: import ${base}/news/tide: cannot write \\S*tide\\.md: a folder is in the way$`));
  assert.doesNotMatch(result.stderr, /page-\d|broadsheet-import-|unexpected error/);
  assert.deepEqual(result.tempLeft, [], 'the downloads folder is removed');
});

test('a page that names itself nowhere is titled after its URL', async () => {
  const out = makeLibrary({});
  const result = await importing([`${base}/notes/empty-page`, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const [item] = await list(out);
  assert.equal(item.title, 'empty-page');
  assert.equal(item.id, 'empty-page');
});

test('imported files hold no control or bidi character, raw or decoded from an entity', async () => {
  const from = makeLibrary({
    'bells.txt': rawPage(
      'Home Coast',
      'Bells \u0007 and \u009b2J and \u202etxt.exe',
      ['A bell \u0007, an 8-bit CSI \u009b6n, an escape \u001b[31m, an override \u202eexe.gnp, a tab\tkept.', 'Entities stay text: &#27;[31m &#x9b;'],
      'Nothing \u001b[2J before',
      'Nothing after',
    ),
  });
  const out = makeLibrary({});
  const result = await importing([join(from, 'bells.txt'), `${base}/news/escapes`, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const names = readdirSync(out);
  assert.equal(names.length, 2);
  for (const name of names) {
    const text = readFileSync(join(out, name), 'utf8');
    assert.doesNotMatch(text, CONTROL, `${name}: ${JSON.stringify(text.match(CONTROL)?.[0])}`);
    // Shown as on screen: ESC and BEL as their pictures.
    assert.match(text, /␛/, name);
  }
  const bells = readFileSync(join(out, 'bells.md'), 'utf8');
  assert.match(bells, /a tab\tkept/);
  const escapes = (await list(out)).find((item: { id: string }) => item.id !== 'bells');
  assert.match(escapes.title, /^Bell ␇ and escape ␛\[31mred␛\[0m txt\.exe$/);
});

test('file names never start with a dot, so the library shows every import', async () => {
  const from = makeLibrary({
    '..txt': rawPage('Home', 'Two dots', ['Text.'], 'x', 'y'),
    '.txt': rawPage('Home', 'One dot', ['Text.'], 'x', 'y'),
  });
  const out = makeLibrary({});
  const result = await importing([join(from, '..txt'), join(from, '.txt'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const names = readdirSync(out);
  assert.equal(names.length, 2);
  assert.ok(names.every((name) => !name.startsWith('.')), names.join(', '));
  // (`.txt` has no extension to Node: it is read as Markdown, titled after itself.)
  assert.deepEqual((await list(out)).map((item: { title: string }) => item.title).sort(), ['.txt', 'Two dots']);
});

test('a 9 MB page is fetched and imported (the fetch limit is 10 MB, not a library file limit)', async () => {
  const out = makeLibrary({});
  const result = await importing([`${base}/news/nine-megabytes`, '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const [item] = await list(out);
  assert.equal(item.title, 'Nine megabytes of harbour');
  assert.ok(item.words > 300, String(item.words));
  assert.deepEqual(result.tempLeft, []);
});

const injection = () =>
  makeLibrary({
    'story.txt': rawPage(
      'Home World',
      'A story with hostile related titles',
      ['Some text first.', `Read:${NBSP} [Totally the next story](https://evil.example/login)`, `Read:${NBSP} ‘Closing]] and |pipe| and #hash’`, 'More text.'],
      'Nothing before',
      'Nothing after',
    ),
  });

test('a raw page’s related title stays plain text: no Markdown, no live external link', async () => {
  const root = injection();
  const [item] = await list(root);
  assert.deepEqual(item.related, [
    { title: '[Totally the next story](https://evil.example/login)', id: null },
    { title: 'Closing]] and |pipe| and #hash', id: null },
  ]);
  const shown = await runCli(['show', join(root, 'story.txt'), '--width', '200'], { env: hermetic().env });
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /Read:\u00a0 \[Totally the next story\]\(https:\/\/evil\.example\/login\) \(not in library\) \[1\]/);
  assert.match(shown.stdout, /‘Closing\]\] and \|pipe\| and #hash’ \(not in library\) \[2\]/);
  const check = JSON.parse((await runCli(['check', root, '--json'], { env: hermetic().env })).stdout);
  assert.ok(
    check.problems.every((problem: { target?: string }) => !/^https?:/.test(problem.target ?? '')),
    JSON.stringify(check.problems),
  );
});

test('import keeps a related title with ]], | and # whole, and it resolves to that title once imported', async () => {
  const root = injection();
  const out = makeLibrary({});
  const result = await importing([join(root, 'story.txt'), '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  const text = readFileSync(join(out, 'story.md'), 'utf8');
  assert.doesNotMatch(text, /\[\[Closing/);
  assert.deepEqual((await list(out))[0].related, [
    { title: '[Totally the next story](https://evil.example/login)', id: null },
    { title: 'Closing]] and |pipe| and #hash', id: null },
  ]);
  // The article it names arrives later, beside one whose title is the part before `#`.
  writeFileSync(join(out, 'closing.md'), '---\ntitle: "Closing]] and |pipe| and #hash"\n---\n\nThe closing story.\n');
  writeFileSync(join(out, 'trap.md'), '---\ntitle: "Closing and pipe and"\n---\n\n## hash\n\nNot this one.\n');
  const story = (await list(out)).find((item: { id: string }) => item.id === 'story');
  assert.deepEqual(story.related[1], { title: 'Closing]] and |pipe| and #hash', id: 'closing' });
});

test('interrupted while a page is fetched, import leaves no temporary folder behind', async () => {
  const { env, temp } = hermetic();
  const out = makeLibrary({});
  const asked = new Promise<void>((resolve) => (slowAsked = resolve));
  const child = spawn(process.execPath, [BIN, 'import', `${base}/slow`, '--out', out], { env: { ...process.env, ...env }, stdio: 'ignore' });
  await asked; // the request is in: the downloads folder exists
  assert.equal(readdirSync(temp).length, 1);
  child.kill('SIGINT');
  const [code, signal] = await once(child, 'exit');
  assert.equal(signal ?? code, 'SIGINT', 'it ends as the signal would have ended it');
  assert.deepEqual(readdirSync(temp), []);
  assert.deepEqual(readdirSync(out), []);
});
