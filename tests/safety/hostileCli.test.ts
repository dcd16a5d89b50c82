// The hostile library through the built binary, outside a terminal: `list`, `list --json`,
// `check`, `check --json`, `show` of every article (plain and coloured, several widths) and the
// error messages. Nothing from a file may reach stdout/stderr as a control sequence; nothing
// outside the root is read; every bad file is a problem and the rest of the library still works.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { foreignControl, hostileLibrary, HUGE_BYTES, runBin, SECRET_MARKER, type HostileLibrary } from './helpers.js';

interface ProblemJson {
  id: string;
  kind: string;
  message: string;
  target?: string;
}

let lib: HostileLibrary;
let passwdLine: string;

before(() => {
  lib = hostileLibrary({ huge: true });
  // A line of /etc/passwd that must never show up anywhere.
  passwdLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
});

function assertClean(output: string, color: boolean, what: string): void {
  const found = foreignControl(output, color);
  assert.equal(found, null, `${what}: a control sequence from a file reached the output near ${found}`);
  assert.ok(!output.includes(SECRET_MARKER), `${what}: a file outside the root was read`);
  assert.ok(!output.includes(passwdLine), `${what}: /etc/passwd was read`);
}

/** JSON output: the parser must see every control escaped, never raw (C1 and bidi included). */
function assertJsonClean(output: string, what: string): void {
  assertClean(output, false, what);
}

test('check --json: every hostile file is a problem of the right kind; nothing outside the root is read', async () => {
  const result = await runBin(['check', '--json', lib.root]);
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr, '');
  assertJsonClean(result.stdout, 'check --json');
  const report = JSON.parse(result.stdout) as { ok: boolean; problems: ProblemJson[] };
  assert.equal(report.ok, false);
  const kinds = (predicate: (p: ProblemJson) => boolean) => report.problems.filter(predicate).map((p) => p.kind);
  const of = (id: string) => kinds((p) => p.id === id);

  assert.deepEqual(of('bad/image.md'), ['binary'], 'a PNG renamed .md');
  assert.deepEqual(of('bad/nul-bytes.md'), ['binary'], 'NUL bytes');
  assert.ok(of('bad/invalid-yaml').includes('front-matter'), 'invalid YAML');
  assert.ok(of('bad/wrong-types').filter((k) => k === 'front-matter').length >= 3, 'title as a list, date as nonsense, …');
  assert.ok(of('bad/latin1').includes('encoding'), 'not UTF-8');
  assert.ok(of('dupes/asks-twin').includes('ambiguous'), 'duplicate titles make an ambiguous REF');
  assert.ok(of('dupes/note.txt').includes('duplicate-id'));

  const huge = report.problems.find((p) => p.id === 'huge.md');
  assert.ok(huge, 'the 50 MB file is a problem');
  assert.equal(huge.kind, 'too-large');
  assert.match(huge.message, new RegExp(`${HUGE_BYTES}|50 MB|52,428,800`), 'says how big');
  assert.match(huge.message, /5242880|5 MB|5,242,880|limit/, 'says the limit');

  // REFs and links leaving the root: unresolved, and `check` says why.
  const outside = report.problems.filter((p) => p.id === 'outside/escape-ref');
  for (const ref of ['../../../../../../etc/passwd', '../../../../../../etc/hostname', '../../outside-secret.md']) {
    const problem = outside.find((p) => p.target === ref);
    assert.ok(problem, `a problem for ${ref}`);
    assert.equal(problem.kind, 'outside-root', `${ref} leaves the root`);
  }
});

test('symlinks leading out of the root are not followed, and check says so (outside-root)', async () => {
  const list = await runBin(['list', '--json', lib.root]);
  assert.equal(list.code, 0, list.stderr);
  const ids = (JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id);
  for (const id of ['passwd', 'secret', 'linked-outside/secret', 'names/relative-secret']) assert.ok(!ids.includes(id), `${id} is not an article`);
  assertJsonClean(list.stdout, 'list --json');

  const check = await runBin(['check', '--json', lib.root]);
  const problems = (JSON.parse(check.stdout) as { problems: ProblemJson[] }).problems;
  for (const name of ['passwd.md', 'secret.md', 'names/relative-secret.md']) {
    const problem = problems.find((p) => p.id === name || p.target === name);
    assert.ok(problem, `check names the symlink ${name}`);
    assert.equal(problem.kind, 'outside-root', `${name}: kind`);
  }
});

test('list --json: one array, every article there, controls escaped (C1 and bidi too)', async () => {
  const result = await runBin(['list', '--json', lib.root]);
  assert.equal(result.code, 0, result.stderr);
  assertJsonClean(result.stdout, 'list --json');
  const articles = JSON.parse(result.stdout) as { id: string; title: string; problems: string[] }[];
  const ids = articles.map((a) => a.id);
  for (const id of ['escapes/title-osc', 'escapes/raw-page', 'escapes/page', 'bad/empty', 'bad/whitespace', 'bad/only-front-matter', 'bad/latin1', 'bad/utf16', 'bad/invalid-yaml', 'bad/wrong-types', 'cycles/a', 'cycles/b', 'cycles/self', 'dupes/twin-one', 'dupes/twin-two', 'names/with spaces and ünïcödé 漢字', 'names/emoji 🚢 ferry', 'esc-\u001b]0;NAME-TITLE\u0007', 'line\nbreak']) {
    assert.ok(ids.includes(id), `${JSON.stringify(id)} listed`);
  }
  // The title is the one every surface shows (sanitised once, by the library): OSC 0 as inert placeholders.
  const ferry = articles.find((a) => a.id === 'escapes/title-osc')!;
  assert.ok(ferry.title.includes('␛]0;PWNED-TITLE␇'), ferry.title);
  // Wrong types: the title falls back, never a list.
  assert.equal(typeof articles.find((a) => a.id === 'bad/wrong-types')!.title, 'string');
});

for (const color of [false, true]) {
  test(`list and check as text (${color ? 'colour' : 'no colour'}): only broadsheet's own SGR`, async () => {
    const flag = color ? '--color' : '--no-color';
    for (const width of [1, 20, 80, 200]) {
      const list = await runBin(['list', flag, '--width', String(width), lib.root]);
      assert.equal(list.code, 0, list.stderr);
      assertClean(list.stdout, color, `list --width ${width}`);
      for (const line of list.stdout.split('\n')) assert.ok(stringWidth(line) <= Math.max(width, 1), `list line wider than ${width}: ${JSON.stringify(line)}`);
    }
    const check = await runBin(['check', flag, lib.root]);
    assert.equal(check.code, 1);
    assertClean(check.stdout, color, 'check');
    assert.ok(check.stdout.includes('␛]0;RELATED-TITLE'), 'the escape is shown as a visible placeholder');
    // The default (no flag, not a terminal) is plain.
    const plain = await runBin(['list', lib.root]);
    assertClean(plain.stdout, false, 'list (pipe)');
    // `broadsheet PATH` on a pipe behaves like list.
    const read = await runBin([lib.root], {}, 'ignore');
    assert.equal(read.code, 0, read.stderr);
    assert.equal(read.stdout, plain.stdout);
  });
}

test('show of every article, plain and coloured, narrow and wide: no foreign control, no overflow', async () => {
  const list = JSON.parse((await runBin(['list', '--json', lib.root])).stdout) as { id: string }[];
  const runs: Promise<void>[] = [];
  for (const { id } of list) {
    for (const [width, color] of [[20, true], [7, false]] as const) {
      runs.push(
        runBin(['show', id, lib.root, '--width', String(width), color ? '--color' : '--no-color']).then((result) => {
          assert.equal(result.code, 0, `show ${JSON.stringify(id)}: ${result.stderr}`);
          assertClean(result.stdout, color, `show ${JSON.stringify(id)} at ${width}`);
          assertClean(result.stderr, false, `show ${JSON.stringify(id)} stderr`);
          for (const line of result.stdout.split('\n')) assert.ok(stringWidth(line) <= width, `show ${id}: line wider than ${width}: ${JSON.stringify(line)}`);
        }),
      );
      if (runs.length >= 6) await Promise.all(runs.splice(0));
    }
  }
  await Promise.all(runs);
});

test('show of the escape fixture: placeholders visible, entities decoded then cleaned, HTML scripts never run', async () => {
  const ferry = await runBin(['show', 'escapes/title-osc', lib.root, '--width', '100', '--no-color']);
  assert.equal(ferry.code, 0, ferry.stderr);
  assert.match(ferry.stdout, /␛\]0;PWNED-TITLE␇/);
  assert.match(ferry.stdout, /␛\]0;ENTITY-TITLE␇/, '&#27; decoded, then shown as ␛');
  assert.ok(!ferry.stdout.includes('&#27;'), 'entities are decoded');
  assert.ok(!ferry.stdout.includes('user\u202egpj'), 'bidi override removed');
  const page = await runBin(['show', 'escapes/page', lib.root, '--width', '100', '--no-color']);
  assert.equal(page.code, 0, page.stderr);
  assert.ok(!page.stdout.includes('SCRIPT-RAN'), 'script text is not content');
  assertClean(page.stdout, false, 'show escapes/page');
});

test('error messages carrying text from the command line or a file name are cleaned', async () => {
  const notFound = await runBin(['show', 'nothing \u001b]0;ARG-TITLE\u0007 here', lib.root]);
  assert.equal(notFound.code, 1);
  assert.equal(notFound.stdout, '');
  assert.equal(notFound.stderr.trim().split('\n').length, 1, 'one line');
  assertClean(notFound.stderr, false, 'not found');

  const badFlag = await runBin(['list', '--\u001b]52;c;QUJD\u0007', lib.root]);
  assert.equal(badFlag.code, 2);
  assertClean(badFlag.stderr, false, 'unknown flag');
  assert.ok(!/\n\s+at /.test(badFlag.stderr), 'no stack trace');

  const missing = await runBin(['list', join(lib.root, 'no\u001b[2Jsuch\nfolder')]);
  assert.equal(missing.code, 2);
  assertClean(missing.stderr, false, 'missing path');

  // A REF that leaves the root is never opened, even typed on the command line.
  const escape = await runBin(['show', '../outside/secret', lib.root]);
  assert.notEqual(escape.code, 0);
  assertClean(escape.stdout + escape.stderr, false, 'show ../outside/secret');
  const passwd = await runBin(['show', 'passwd', lib.root]);
  assert.notEqual(passwd.code, 0);
  assertClean(passwd.stdout + passwd.stderr, false, 'show passwd (a symlink to /etc/passwd)');
});

test('show of a huge file or a binary file by path: one line, no dump', async () => {
  for (const name of ['huge.md', 'bad/image.md']) {
    const result = await runBin(['show', join(lib.root, name)]);
    assert.equal(result.code, 1, `${name}: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assertClean(result.stderr, false, name);
  }
});
