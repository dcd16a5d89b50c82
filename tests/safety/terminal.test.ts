// The hostile library in a real pseudo-terminal (node-pty + @xterm/headless): walking every
// article never lets a file's escape sequence reach the terminal (no OSC window title or
// clipboard write, no DCS, no bracketed paste, no 8-bit C1), the alternate screen stays on until
// quit; tiny terminals and resize storms; stdin not a terminal; and every way out (q, Q, Ctrl-C,
// SIGTERM, SIGHUP, SIGINT, SIGQUIT, an exception inside the app) gives the terminal back: alternate screen left,
// cursor shown, echo and canonical mode on (`stty -a`), and an exit code that says what happened.
// Reading state is written atomically: after SIGKILL mid-run the state file parses or is absent.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hostileInRaw, hostileLibrary, REPO_ROOT, shQuote, startBin, tempDir, type HostileLibrary } from './helpers.js';
import { sessionsKilledAfterTests, startTerminal, type TerminalSession } from '../e2e/terminal.js';

const STATUS_IN_ARTICLE = /\d+%\s+\? help\s*$/m;
const LIST_STATUS = /broadsheet · \d+ articles/;

let lib: HostileLibrary;
before(() => {
  lib = hostileLibrary();
});

// A failed wait must not leave a reader running in its pty (the test run would never end).
const sessions = sessionsKilledAfterTests();
function track<T extends TerminalSession | { term: TerminalSession }>(session: T): T {
  sessions.push('term' in session ? session.term : session);
  return session;
}

const stateEnv = () => ({ BROADSHEET_STATE_DIR: tempDir('state') });

function assertRestored(term: TerminalSession, what: string): void {
  assert.equal(term.isAlternateScreen(), false, `${what}: alternate screen left`);
  const raw = term.raw();
  assert.ok(raw.lastIndexOf('\u001b[?25h') > raw.lastIndexOf('\u001b[?25l'), `${what}: cursor shown again`);
  assert.ok(raw.lastIndexOf('\u001b[?1049l') > raw.lastIndexOf('\u001b[?1049h'), `${what}: left the alternate screen last`);
}

function assertTtySane(screen: string, what: string): void {
  assert.match(screen, /(^|\s)echo(\s|$)/m, `${what}: echo back on`);
  assert.match(screen, /(^|\s)icanon(\s|$)/m, `${what}: canonical mode back on`);
}

function assertNoHostile(term: TerminalSession, what: string): void {
  const found = hostileInRaw(term.raw());
  assert.equal(found, null, `${what}: ${found}`);
}

const row = (screen: string, n: number) => screen.split('\n')[n] ?? '';

test('walk the hostile library: open every article, follow chains and overlays; no escape from a file reaches the terminal', async () => {
  const term = track(startBin([lib.root], { cols: 100, rows: 30, env: stateEnv() }));
  const first = await term.waitFor((s) => LIST_STATUS.test(s), 'the list');
  const count = Number(/broadsheet · (\d+) articles/.exec(first)![1]);
  assert.ok(count >= 20, `the hostile library lists its articles (${count})`);
  assert.ok(first.includes('␛]0;PWNED-TITLE␇'), 'the hostile title is shown as visible placeholders');

  for (let i = 0; i < count; i++) {
    // Select row i (the list fits on the screen), open it, look around, come back.
    await term.waitFor((s) => row(s, i).startsWith('›'), `row ${i} selected`);
    term.write('\r');
    await term.waitFor((s) => STATUS_IN_ARTICLE.test(s), `article ${i} open`);
    assert.equal(term.isAlternateScreen(), true, `article ${i}: still on the alternate screen`);
    for (const key of [']', ']', '[', 'G', '\t']) {
      term.write(key);
      await term.waitFor((s) => STATUS_IN_ARTICLE.test(s) && !LIST_STATUS.test(s), `article ${i} after ${JSON.stringify(key)}`);
    }
    term.write('r');
    await term.waitForText('Links —');
    term.write('\u001b');
    await term.waitFor((s) => !s.includes('Links —'), 'links panel closed');
    term.write('q');
    await term.waitFor((s) => LIST_STATUS.test(s), `back to the list from article ${i}`);
    assertNoHostile(term, `after article ${i}`);
    term.write('g');
    await term.waitFor((s) => row(s, 0).startsWith('›'), 'top of the list');
    for (let j = 0; j <= i && i + 1 < count; j++) {
      term.write('j');
      await term.waitFor((s) => row(s, j + 1).startsWith('›'), `row ${j + 1} selected`);
    }
  }
  assert.equal(term.isAlternateScreen(), true, 'the alternate screen is still active until quit');
  term.write('q');
  assert.equal(await term.exited, 0);
  assertRestored(term, 'q');
  assertNoHostile(term, 'whole session');
});

test('a file deleted between listing and opening: the reader shows a note or what it had, and goes on', async () => {
  const copy = hostileLibrary();
  const term = track(startBin([copy.root], { env: stateEnv() }));
  // Notes without a section are listed under their folders: find Cycle A's row, wherever it is.
  const rowOf = (s: string) => Array.from({ length: 40 }, (_, i) => i).find((i) => row(s, i).includes('Cycle A')) ?? -1;
  let at = -1;
  await term.waitFor((s) => LIST_STATUS.test(s) && (at = rowOf(s)) > 0, 'the list');
  rmSync(join(copy.root, 'cycles', 'a.md'));
  for (let n = 1; n <= at; n++) {
    term.write('j');
    await term.waitFor((s) => row(s, n).startsWith('›'), `row ${n} selected`);
  }
  term.write('\r');
  await term.waitFor((s) => STATUS_IN_ARTICLE.test(s), 'the deleted article opens');
  term.write(']');
  term.write('q');
  await term.waitFor((s) => LIST_STATUS.test(s), 'back to the list');
  term.write('q');
  assert.equal(await term.exited, 0);
  assertRestored(term, 'deleted file');
});

test('tiny terminals (1×1, 2×2, 20×6) and a storm of resizes: it keeps drawing and quits cleanly', async () => {
  for (const [cols, rows] of [[1, 1], [2, 2], [20, 6]]) {
    const term = track(startBin([lib.root, '--open', 'escapes/title-osc'], { cols, rows, env: stateEnv() }));
    await term.waitFor((s) => s.trim().length > 0, `something drawn at ${cols}×${rows}`);
    for (const key of ['j', 'G', ']', '\t', '\r', 'h']) term.write(key);
    for (let i = 0; i < 60; i++) term.resize(1 + ((i * 37) % 180), 1 + ((i * 13) % 60));
    term.resize(60, 12);
    await term.waitFor((s) => STATUS_IN_ARTICLE.test(s) || LIST_STATUS.test(s), `a full frame after the storm (${cols}×${rows})`);
    assert.equal(term.isAlternateScreen(), true);
    term.write('Q');
    assert.equal(await term.exited, 0, `${cols}×${rows}: exit 0`);
    assertRestored(term, `${cols}×${rows}`);
    assertNoHostile(term, `${cols}×${rows}`);
  }
});

test('TERM=dumb: plain lines only (no alternate screen, no cursor motion, no colour); --open prints the article', async () => {
  for (const [args, text, note] of [
    [['--open', 'cycles/a'], 'A links to', 'the article follows'],
    [[], 'Cycle A', 'the list follows'],
  ] as const) {
    const term = track(startBin([lib.root, ...args], { env: { ...stateEnv(), TERM: 'dumb' }, after: 'stty -a' }));
    const screen = await term.waitForText('exit=');
    assert.match(screen, /exit=0/);
    assert.ok(term.raw().includes(text), `${note}: ${text}`);
    assert.ok(term.raw().includes(`TERM=dumb cannot show the reader; ${note}`), 'one line says why');
    const ours = term.raw().slice(0, term.raw().indexOf('exit='));
    assert.ok(!ours.includes('\u001b'), `no escape sequence at all: ${JSON.stringify(ours.slice(ours.indexOf('\u001b') - 20, ours.indexOf('\u001b') + 20))}`);
    await term.waitFor((s) => /icanon/.test(s), 'stty -a printed');
    assertTtySane(term.text(), 'TERM=dumb');
  }
});

test('stdin not a terminal: with stdout a pty the keys come from /dev/tty; with stdout a pipe it behaves like list', async () => {
  const term = track(startBin([lib.root, '--open', 'cycles/a'], { env: stateEnv(), redirect: '</dev/null', after: 'stty -a' }));
  await term.waitForText('A links to');
  term.write(']');
  await term.waitForText('B links back');
  term.write('q');
  await term.waitFor((s) => LIST_STATUS.test(s), 'the list');
  term.write('q');
  await term.waitForText('exit=0');
  await term.waitFor((s) => /icanon/.test(s), 'stty -a printed');
  assertTtySane(term.text(), '</dev/null');

  // No terminal at all (setsid: no controlling terminal), stdout a pty-less pipe: like list.
  const piped = track(startTerminal([], { env: stateEnv(), shell: `"${process.execPath}" ${shQuote(binPath())} ${shQuote(lib.root)} </dev/null | cat; echo "exit=$?"` }));
  const out = await piped.waitForText('exit=');
  // The list is longer than the screen: look at everything printed, not the last 30 rows.
  assert.match(piped.raw(), /Cycle A/);
  assert.match(out, /exit=0/);
});

function binPath(): string {
  return process.env.BROADSHEET_TEST_BIN || join(REPO_ROOT, 'bin', 'broadsheet.js');
}

test('no controlling terminal and stdin not a terminal, stdout a terminal: one line, exit 2', async () => {
  // `setsid` gives the reader no controlling terminal; stdout is still the pty's slave.
  const term = track(startTerminal([], {
    env: stateEnv(),
    shell: `setsid "${process.execPath}" ${shQuote(binPath())} ${shQuote(lib.root)} </dev/null 2>&1; echo "exit=$?"`,
  }));
  const screen = await term.waitForText('exit=');
  assert.match(screen, /needs a terminal/);
  assert.match(screen, /exit=2/);
  assertNoHostile(term, 'no tty');
});

/** Start the reader through a shell that records its pid, so a signal reaches node itself. */
function startSignalled(args: string[], env: Record<string, string>) {
  const pidFile = join(tempDir('pid'), 'pid');
  const inner = `echo $$ > ${shQuote(pidFile)}; exec "${process.execPath}" ${shQuote(binPath())} ${args.map(shQuote).join(' ')}`;
  const term = startTerminal([], { env, shell: `sh -c ${shQuote(inner)}; echo "exit=$?"; stty -a` });
  return { term, pid: () => Number(readFileSync(pidFile, 'utf8').trim()) };
}

const exits: { name: string; keys?: string; signal?: NodeJS.Signals; code: number }[] = [
  { name: 'q from the list', keys: 'q', code: 0 },
  { name: 'Q from an article', keys: '\rQ', code: 0 },
  { name: 'Ctrl-C', keys: '\u0003', code: 0 },
  { name: 'SIGTERM', signal: 'SIGTERM', code: 143 },
  { name: 'SIGHUP', signal: 'SIGHUP', code: 129 },
  { name: 'SIGINT', signal: 'SIGINT', code: 130 },
  { name: 'SIGQUIT', signal: 'SIGQUIT', code: 131 },
];

for (const exit of exits) {
  test(`exit by ${exit.name}: terminal restored, exit ${exit.code}`, async () => {
    const { term, pid } = track(startSignalled([lib.root], stateEnv()));
    await term.waitFor((s) => LIST_STATUS.test(s) && row(s, 0).startsWith('›'), 'the list');
    if (exit.keys) {
      for (const key of exit.keys) {
        term.write(key);
        if (key === '\r') await term.waitFor((s) => STATUS_IN_ARTICLE.test(s), 'article open');
      }
    } else {
      process.kill(pid(), exit.signal!);
    }
    const screen = await term.waitForText('exit=');
    const code = Number(/exit=(\d+)/.exec(screen)?.[1] ?? NaN);
    if (exit.name === 'Ctrl-C') assert.ok(code === 0 || code === 130, `Ctrl-C exit ${code}`);
    else assert.equal(code, exit.code, `${exit.name}: exit code`);
    await term.waitFor((s) => /icanon/.test(s), 'stty -a printed');
    assertRestored(term, exit.name);
    assertTtySane(term.text(), exit.name);
    assertNoHostile(term, exit.name);
  });
}

test('an exception inside the running app: one line on stderr, exit 1, terminal restored', async () => {
  // The real runReader with a list filter that throws (crashReader.ts): `/` then a letter.
  const harness = join(REPO_ROOT, 'tests', 'safety', 'crashReader.ts');
  const term = track(startTerminal([], {
    env: stateEnv(),
    shell: `"${process.execPath}" --import tsx ${shQuote(harness)} ${shQuote(lib.root)}; echo "exit=$?"; stty -a`,
  }));
  await term.waitFor((s) => LIST_STATUS.test(s), 'the list', 30_000);
  term.write('/');
  term.write('x');
  const screen = await term.waitForText('exit=');
  assert.match(screen, /exit=1/);
  assert.match(screen, /broadsheet: injected failure ␛\]0;CRASH-TITLE␇ inside the list filter/, 'one cleaned line');
  assert.ok(!/\n\s+at /.test(screen), 'no stack trace');
  await term.waitFor((s) => /icanon/.test(s), 'stty -a printed');
  assertRestored(term, 'exception');
  assertTtySane(term.text(), 'exception');
  assertNoHostile(term, 'exception');
});

test('SIGKILL mid-run: the state folder never holds a half-written reading-state.json', async () => {
  const env = stateEnv();
  const file = join(env.BROADSHEET_STATE_DIR, 'reading-state.json');
  for (let round = 0; round < 4; round++) {
    const { term, pid } = track(startSignalled([lib.root, '--open', 'escapes/title-osc'], env));
    await term.waitFor((s) => STATUS_IN_ARTICLE.test(s), 'article open');
    // Scroll and move between articles: each leaves a position to save.
    for (const key of ['j', 'j', ']', 'G', '[', 'j']) {
      term.write(key);
      await term.waitFor((s) => STATUS_IN_ARTICLE.test(s), `after ${key}`);
    }
    term.write('q');
    await term.waitFor((s) => LIST_STATUS.test(s), 'the list (leaving an article saves soon)');
    if (round === 0) {
      // A clean quit first, so there is a state file for the kills to damage.
      term.write('q');
      await term.waitForText('exit=0');
      assert.ok(existsSync(file), 'a clean quit saves the reading state');
    } else {
      term.write('j');
      process.kill(pid(), 'SIGKILL');
      await term.waitForText('exit=');
    }
    const state = JSON.parse(readFileSync(file, 'utf8')) as { version: number };
    assert.equal(state.version, 1, `round ${round}: a whole state file`);
    for (const name of readdirSync(env.BROADSHEET_STATE_DIR)) {
      assert.ok(!name.startsWith('reading-state.json.corrupt'), `round ${round}: state never judged corrupt (${name})`);
    }
  }
});
