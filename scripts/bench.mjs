#!/usr/bin/env node
// `npm run bench`: broadsheet's speed beside its peers, in one run, as SPEC §5 and issue 17
// define it. Medians (and p95 for keys and search), ratios against a peer measured in the same
// run, each target beside its figure. Every child runs with NODE_EXTRA_CA_CERTS and CI unset
// (FIELD-NOTES): users have neither.
//   npm run bench [-- --quick] [-- --only=frame,sizes,search,show,keys,html,pages,deep,imports,watch]
// Libraries of 1,000 to 100,000 generated articles are made once under .bench/ (lib1000 …
// lib100000); BENCH_LIBS=DIR reads those already made in DIR instead (never writes there).
// BENCH_SIZES=1000,10000 picks the sizes; BENCH_RUNS the runs (7).
import { spawn as spawnPty } from 'node-pty';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'broadsheet.js');
const work = join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const quick = process.argv.includes('--quick');
/** Library sizes for the growth table; `--quick` leaves out 50k and 100k. */
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : quick ? [1000, 10_000] : [1000, 10_000, 50_000, 100_000];
/** A cold start at 50k+ takes tens of seconds today: fewer runs there (the table says how many). */
const coldRunsAt = (count) => (count >= 50_000 ? 3 : Math.min(runs, 5));
const warmRunsAt = (count) => (count >= 50_000 ? Math.min(runs, 5) : runs);
/** `--only=keys,show` runs just those parts: frame, sizes, search, show, keys, html, pages, deep, imports, watch. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const part = (name) => !only || only.includes(name);
mkdirSync(work, { recursive: true });

const env = { ...process.env, TERM: 'xterm-256color' };
for (const key of ['NODE_EXTRA_CA_CERTS', 'CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
const stateDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-state-'));
env.BROADSHEET_STATE_DIR = stateDir;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g, '');
const rows = [];
/** `target`: `{ text, met }` — what the figure is held to and whether it is (undefined: not judged). */
const row = (what, value, unit, peer, note = '', target) => rows.push({ what, value, unit, peer, note, target });
/** A target of at most `limit` (in `unit`); `missed by` says how far over. */
const atMost = (value, limit, unit, text = `≤ ${limit} ${unit}`) => ({ text, met: Number.isFinite(value) ? value <= limit : undefined, by: unit === '×' ? `${(value - limit).toFixed(2)}×` : `${Math.round(value - limit).toLocaleString('en')} ${unit}` });
const verdict = (target) => (!target || target.met === undefined ? '' : target.met ? 'met' : `missed by ${target.by}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

/**
 * A program in a 100×30 pty. `shows(needle)` resolves with ms from the spawn to the first
 * output holding `needle` (a string or a RegExp, matched on the text without escapes);
 * `settle()` waits until its start-up work is done (three quiet seconds of CPU);
 * `quit(keys)` types them and waits for the exit (killed after 5 s).
 */
function ptySession(command, args, extraEnv = {}) {
  const start = performance.now();
  const pty = spawnPty(command, args, { cols: 100, rows: 30, cwd: root, env: { ...env, ...extraEnv }, name: 'xterm-256color' });
  let seen = '';
  let text = '';
  let exited = false;
  const waits = new Set();
  const matches = (needle) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text));
  const exit = new Promise((resolve) => {
    pty.onExit(() => {
      exited = true;
      for (const wait of waits) wait.reject(new Error(`${command} exited before "${wait.needle}"; saw: ${text.slice(-300)}`));
      waits.clear();
      resolve();
    });
  });
  pty.onData((data) => {
    seen += data;
    text = stripAnsi(seen);
    const now = performance.now();
    for (const wait of waits) if (matches(wait.needle)) {
      waits.delete(wait);
      wait.resolve(now - start);
    }
  });
  return {
    pid: pty.pid,
    text: () => text,
    shows(needle, timeoutMs = 20_000) {
      if (matches(needle)) return Promise.resolve(performance.now() - start);
      if (exited) return Promise.reject(new Error(`${command} exited before "${needle}"; saw: ${text.slice(-300)}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waits.delete(wait);
          reject(new Error(`${command} ${args.join(' ')}: no "${needle}" within ${timeoutMs / 1000} s; saw: ${text.slice(-300)}`));
        }, timeoutMs);
        const wait = { needle, resolve: (ms) => (clearTimeout(timer), resolve(ms)), reject: (error) => (clearTimeout(timer), reject(error)) };
        waits.add(wait);
      });
    },
    peakKb: () => peakMemory(pty.pid),
    /** Seconds until the CPU was quiet for three seconds in a row (or `maxMs` passed: then `settled` is false). */
    async settle(maxMs = 120_000) {
      const from = performance.now();
      let quiet = 0;
      let last = cpuTicks(pty.pid);
      while (quiet < 3 && !exited && performance.now() - from < maxMs) {
        await sleep(1000);
        let now;
        try {
          now = cpuTicks(pty.pid);
        } catch {
          break; // it has exited
        }
        quiet = (now - last) / ticksPerSecond() < 0.02 ? quiet + 1 : 0;
        last = now;
      }
      return { seconds: (performance.now() - from) / 1000, settled: quiet >= 3 };
    },
    cpuTicks: () => cpuTicks(pty.pid),
    async quit(keys = '\x03') {
      if (!exited) pty.write(keys);
      await Promise.race([exit, sleep(5000)]);
      if (!exited) pty.kill('SIGKILL');
      await exit;
    },
  };
}

/** Spawns in a 100×30 pty; resolves with ms until the screen shows `needle`, then ends the process. */
async function firstFrame(command, args, needle, { quit = '\x03', extraEnv = {}, timeoutMs = 20_000 } = {}) {
  const session = ptySession(command, args, extraEnv);
  try {
    const ms = await session.shows(needle, timeoutMs);
    return { ms, peakKb: session.peakKb() };
  } finally {
    await session.quit(quit);
  }
}

function peakMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function wallTime(command, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 300)}`))));
  });
}

async function repeat(times, measure) {
  const values = [];
  for (let i = 0; i < times; i++) values.push(await measure(i));
  return values;
}

/**
 * A generated library under .bench/ (made once: into NAME.partial, then renamed, so a run cut
 * short leaves no half library behind). `shared`: a plain generated library, which may be read
 * from BENCH_LIBS instead; libraries a part writes into are always its own.
 */
function ensureLibrary(name, count, flags = [], { shared = false } = {}) {
  const elsewhere = shared && process.env.BENCH_LIBS ? join(process.env.BENCH_LIBS, name) : null;
  if (elsewhere && existsSync(elsewhere) && readdirSync(elsewhere).length > 0) return elsewhere;
  const dir = join(work, name);
  if (existsSync(dir) && readdirSync(dir).length > 0) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  progress(`generating ${count} articles in ${dir} (once)`);
  const made = spawnSync(process.execPath, [join(root, 'scripts', 'generate-library.mjs'), String(count), partial, ...flags], { stdio: ['ignore', 2, 2] });
  if (made.status !== 0) throw new Error(`generate-library ${count} ${partial} failed`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}

function bigArticle() {
  // In a folder of its own: `show FILE` reads the file's folder as the library.
  mkdirSync(join(work, 'big'), { recursive: true });
  const path = join(work, 'big', 'big-article.md');
  if (existsSync(path)) return path;
  const parts = ['---\ntitle: A very long article\nsection: [Bench]\n---\n'];
  let i = 0;
  while (parts.join('').length < 250_000) {
    i++;
    parts.push(`\n## Part ${i}\n\nThe harbour council met on a grey morning to weigh the **ferry timetable**, the _market stalls_ and the [bridge vote](https://news.example/bridge/${i}). Nobody expected the debate to run past noon, yet it did, and the minutes record every word of it.\n\n- first point of order, about the quay lights\n- second point, about the fish market roof\n\n> A quoted remark from the floor, kept for the record.\n\n\`\`\`\nconst stall = ${i};\n\`\`\`\n`);
  }
  writeFileSync(path, parts.join(''));
  return path;
}

function longArticleLibrary() {
  const dir = join(work, 'long');
  const path = join(dir, 'long.md');
  if (existsSync(path)) return dir;
  mkdirSync(dir, { recursive: true });
  const lines = ['---\ntitle: Twenty thousand lines\nrelated: [other]\n---\n'];
  for (let i = 0; i < 20_000; i++) lines.push(i % 50 === 0 ? `See [the other article](other.md) from line ${i}.\n` : `Line ${i}: a short sentence that fits on one row.\n`);
  writeFileSync(path, lines.join('\n'));
  writeFileSync(join(dir, 'other.md'), '---\ntitle: The other article\n---\nShort and sweet.\n');
  return dir;
}

/** Opens the long article, then times key → first byte of the redraw, per key. */
function keyLatency(library, keys, samples) {
  return new Promise((resolve, reject) => {
    const pty = spawnPty(process.execPath, [bin, library, '--open', 'long'], { cols: 100, rows: 30, cwd: root, env, name: 'xterm-256color' });
    const results = Object.fromEntries(keys.map(([name]) => [name, []]));
    let seen = '';
    let waiting;
    let quietTimer;
    pty.onData((data) => {
      seen += data;
      if (waiting) {
        const { name, start } = waiting;
        (results[name] ??= []).push(performance.now() - start);
        waiting = undefined;
      }
      clearTimeout(quietTimer);
      quietTimer = setTimeout(next, 40);
    });
    const plan = [];
    for (let i = 0; i < samples; i++) for (const key of keys) plan.push(key);
    let started = false;
    function next() {
      if (!started) {
        if (!stripAnsi(seen).includes('Line 1:')) return;
        started = true;
      }
      const step = plan.shift();
      if (!step) {
        pty.write('Q');
        return;
      }
      const [name, sequence, after] = step;
      waiting = { name, start: performance.now() };
      pty.write(sequence);
      if (after) plan.unshift([`${name} (undo)`, after]);
    }
    pty.onExit(() => {
      clearTimeout(quietTimer);
      for (const key of Object.keys(results)) if (key.endsWith('(undo)')) delete results[key];
      resolve(results);
    });
    setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error('key latency run did not finish in 120 s'));
    }, 120_000).unref();
  });
}

async function main() {
  if (!existsSync(join(root, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const bare = await repeat(runs, () => wallTime(process.execPath, ['-e', '0']));
  row('node -e 0 (spawn to exit)', median(bare), 'ms', '');
  const measured = { bareMs: median(bare) };
  if (part('frame')) Object.assign(measured, await firstFrames());
  if (part('sizes')) measured.sizes = await sizeRuns();
  if (part('search')) measured.search = searchRuns();
  if (part('show')) measured.show = await showRuns(median(bare));
  if (part('keys')) await keyRuns();
  if (part('html')) await htmlRuns();
  if (part('pages')) await savedPageRuns();
  if (part('deep')) await deepRuns();
  if (part('imports')) await importRuns();
  if (part('watch')) await watchRuns();
  if (measured.bundled) row('peak memory, bundled articles/', Math.max(...measured.bundled.map((r) => r.peakKb)) / 1024, 'MB', '', '', atMost(Math.max(...measured.bundled.map((r) => r.peakKb)) / 1024, 120, 'MB'));
  printTables(measured);
  rmSync(stateDir, { recursive: true, force: true });
}

/** 1. First frame: the bundled guide (warm), interleaved with bare node's own first frame, and less on one file. */
async function firstFrames() {
  const articles = join(root, 'articles');
  const firstTitle = 'Welcome to broadsheet';
  const cache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
  const withCache = { extraEnv: { BROADSHEET_CACHE_DIR: cache } };
  await firstFrame(process.execPath, [bin, articles], firstTitle, withCache);
  // Interleaved with bare node's own first frame, so both see the same machine load.
  const bundled = [];
  const bare = [];
  for (let i = 0; i < runs * 2; i++) {
    bare.push(await firstFrame(process.execPath, ['-e', "process.stdout.write('ready')"], 'ready'));
    bundled.push(await firstFrame(process.execPath, [bin, articles], firstTitle, withCache));
  }
  const ms = median(bundled.map((r) => r.ms));
  const nodeMs = median(bare.map((r) => r.ms));
  const ratio = ms / nodeMs;
  row(`first frame, bundled articles/ (warm cache; ${runs * 2} runs interleaved with bare node's first frame in a pty: ${nodeMs.toFixed(1)} ms)`, ms, 'ms', `${ratio.toFixed(2)}× node`, '', atMost(ratio, 1.5, '×', '≤ 1.5× node'));
  const lessFile = join(articles, 'welcome.md');
  if (has('less')) {
    const less = await repeat(runs, () => firstFrame('less', [lessFile], 'title: Welcome', { quit: 'q' }));
    row('less opening welcome.md (native peer)', median(less.map((r) => r.ms)), 'ms', `broadsheet ${(ms / median(less.map((r) => r.ms))).toFixed(2)}×`);
  } else row('less', NaN, '', '', 'not installed: skipped');
  rmSync(cache, { recursive: true, force: true });
  return { bundled, guide: { ms, nodeMs, ratio } };
}

/** The first screen of a cold start: the list, or the progress line shown while the files are read. */
const FIRST_SCREEN = /report number|\breading\b/;
/** The list itself: every generated title has these words. */
const LIST = 'report number';

/**
 * 1b. Growth: at each size, cold starts (a fresh cache each: ms to the first screen and to the
 * list), then warm starts (ms to the list), and the peak memory (VmHWM) once the start-up work
 * (the rest of a cold load, search index, "mentioned in") is done. The last cold run fills the
 * cache the warm runs read, so it, and the last warm run, run until that work settles.
 */
async function sizeRuns() {
  const results = [];
  for (const count of sizes) {
    // A size that fails (a start that never shows its list) is a row that says so, not the end of the run.
    try {
      results.push(await sizeRun(count));
    } catch (error) {
      progress(`${count} articles: ${error.message.split('\n')[0].slice(0, 300)}`);
      // For the table: what went wrong without the command line or the screen seen (on stderr above).
      const why = error.message.split('; saw:')[0].replace(/^.*?: (?=no "|exited)/, '').replaceAll('|', '\\|');
      results.push({ count, error: `failed: ${why.slice(0, 120)}` });
    }
  }
  return results;
}

async function sizeRun(count) {
  const dir = ensureLibrary(`lib${count}`, count, [], { shared: true });
  const timeoutMs = 60_000 + 2 * count; // 100k: 260 s, for a cold start that takes ~30 s on an idle machine today
  const cache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
  const result = { count, dir, cold: [], warm: [], coldRuns: coldRunsAt(count), warmRuns: warmRunsAt(count) };
  for (let i = 0; i < result.coldRuns; i++) {
    const last = i === result.coldRuns - 1;
    const cacheDir = last ? cache : mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    progress(`${count} articles: cold start ${i + 1}/${result.coldRuns}`);
    const session = ptySession(process.execPath, [bin, dir], { BROADSHEET_CACHE_DIR: cacheDir });
    try {
      const screen = await session.shows(FIRST_SCREEN, timeoutMs);
      const showedList = session.text().includes(LIST);
      const list = await session.shows(LIST, timeoutMs);
      const run = { screen, list, showedList, peakKb: session.peakKb() };
      if (last) {
        run.settle = await session.settle(timeoutMs);
        run.peakKb = session.peakKb();
      }
      result.cold.push(run);
    } finally {
      await session.quit();
      if (!last) rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  for (let i = 0; i < result.warmRuns; i++) {
    const last = i === result.warmRuns - 1;
    const session = ptySession(process.execPath, [bin, dir], { BROADSHEET_CACHE_DIR: cache });
    try {
      const run = { list: await session.shows(LIST, timeoutMs), peakKb: session.peakKb() };
      if (last) {
        progress(`${count} articles: warm start, waiting for its start-up work`);
        run.settle = await session.settle(timeoutMs);
        run.peakKb = session.peakKb();
      }
      result.warm.push(run);
    } finally {
      await session.quit();
    }
  }
  rmSync(cache, { recursive: true, force: true });
  if (process.env.BENCH_VERBOSE) progress(`${count}: ${JSON.stringify({ cold: result.cold, warm: result.warm })}`);
  result.coldScreen = median(result.cold.map((r) => r.screen));
  result.coldList = median(result.cold.map((r) => r.list));
  result.warmList = median(result.warm.map((r) => r.list));
  result.peakColdMb = result.cold.at(-1).peakKb / 1024;
  result.peakWarmMb = result.warm.at(-1).peakKb / 1024;
  result.peakMb = Math.max(...[...result.cold, ...result.warm].map((r) => r.peakKb)) / 1024;
  result.unsettled = [result.cold.at(-1), result.warm.at(-1)].some((r) => !r.settle?.settled);
  return result;
}

/**
 * 2. show of a 250 KB article, cold, beside the native peers on the same content in the same
 * run: lowdown -tterm and w3m -dump (of it as HTML), pandoc, and less opening it.
 */
async function showRuns(bareMs) {
  const big = bigArticle();
  const show = median(await repeat(runs, () => {
    const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    return wallTime(process.execPath, [bin, 'show', big, '--width', '80'], { BROADSHEET_CACHE_DIR: fresh }).finally(() => rmSync(fresh, { recursive: true, force: true }));
  }));
  const peers = {};
  if (has('lowdown')) peers.lowdown = median(await repeat(runs, () => wallTime('lowdown', ['-tterm', '--term-width=80', big])));
  const html = join(work, 'big-article.html');
  if (!existsSync(html)) {
    if (has('pandoc')) spawnSync('pandoc', ['-s', big, '-o', html, '--metadata', 'title=bench']);
    else if (has('lowdown')) writeFileSync(html, spawnSync('lowdown', ['-s', '-thtml', big], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout);
  }
  if (has('w3m') && existsSync(html)) peers.w3m = median(await repeat(runs, () => wallTime('w3m', ['-dump', '-cols', '80', html])));
  if (has('pandoc')) peers.pandoc = median(await repeat(runs, () => wallTime('pandoc', ['-t', 'plain', big])));
  const beside = Object.entries(peers).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
  row('show 250 KB article (cold)', show, 'ms', `node + ${(show - bareMs).toFixed(0)} ms${beside ? `; ${beside}` : ''}`, '', atMost(show - bareMs, 100, 'ms', '≤ node + 100 ms'));
  if (peers.lowdown !== undefined) row('lowdown -tterm, same file (native peer)', peers.lowdown, 'ms', `broadsheet ${(show / peers.lowdown).toFixed(1)}×`);
  else row('lowdown', NaN, '', '', 'not installed: skipped');
  if (peers.w3m !== undefined) row('w3m -dump, same content as HTML (native peer)', peers.w3m, 'ms', `broadsheet ${(show / peers.w3m).toFixed(1)}×`);
  else row('w3m', NaN, '', '', 'not installed: skipped');
  if (peers.pandoc !== undefined) row('pandoc -t plain, same file', peers.pandoc, 'ms', `broadsheet ${(show / peers.pandoc).toFixed(2)}×`);
  else row('pandoc', NaN, '', '', 'not installed: skipped');
  if (has('less')) {
    const less = median((await repeat(runs, () => firstFrame('less', [big], 'title: A very long', { quit: 'q' }))).map((r) => r.ms));
    row('less opening the same file, first screen (native peer)', less, 'ms', '');
  } else row('less', NaN, '', '', 'not installed: skipped');
  return { ms: show, overNode: show - bareMs };
}

/** 3. Key to screen on a 20,000-line article. */
async function keyRuns() {
  const latency = await keyLatency(longArticleLibrary(), [
    ['j', 'j'],
    ['PgDn', '\x1b[6~'],
    ['G', 'G', 'g'],
    ['Tab', '\t'],
    ['Enter', '\r', '\x1b[D'],
  ], quick ? 10 : 30);
  for (const [name, values] of Object.entries(latency)) {
    if (values.length === 0) continue;
    if (process.env.BENCH_VERBOSE) console.error(name, values.map((v) => v.toFixed(0)).join(' '));
    row(`key ${name} → screen, 20,000 lines`, median(values), 'ms', `p95 ${percentile(values, 95).toFixed(1)} ms`, '', atMost(percentile(values, 95), 33, 'ms', 'p95 ≤ 33 ms'));
  }
}

/** 5. Library search per keystroke at each size (scripts/bench-search.mjs, in process; 3 runs, the first not counted). */
function searchRuns() {
  const results = [];
  for (const count of sizes) {
    const dir = ensureLibrary(`lib${count}`, count, [], { shared: true });
    progress(`${count} articles: library search`);
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'scripts', 'bench-search.mjs'), dir, '--runs', '3'], { cwd: root, env, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 1 << 26 });
    const line = (result.stdout ?? '').split('\n').find((text) => /per keystroke/.test(text)) ?? '';
    const figure = (name) => Number(new RegExp(`${name} ([\\d.]+) ms`).exec(line)?.[1] ?? NaN);
    const indexed = Number(/index built in ([\d.]+) ms/.exec(result.stdout ?? '')?.[1] ?? NaN);
    const found = { count, p50: figure('p50'), p95: figure('p95'), max: figure('max'), indexed };
    if (!Number.isFinite(found.p95)) found.error = `did not run: ${(result.error?.message ?? result.stderr ?? '').trim().split('\n').at(-1)?.slice(0, 160).replaceAll('|', '\\|')}`;
    results.push(found);
  }
  return results;
}

/** 4. Listing 2,000 saved HTML pages against the same library as Markdown, cold and warm. */
async function htmlRuns() {
  const html = ensureLibrary('html2k', 2000, ['--html']);
  const markdown = ensureLibrary('md2k', 2000, ['--markdown']);
  const results = {};
  for (const [name, dir] of [['HTML', html], ['Markdown', markdown]]) {
    const cold = await repeat(Math.min(runs, 5), () => {
      const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
      return wallTime(process.execPath, [bin, 'list', dir], { BROADSHEET_CACHE_DIR: fresh }).finally(() => rmSync(fresh, { recursive: true, force: true }));
    });
    const cache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    await wallTime(process.execPath, [bin, 'list', dir], { BROADSHEET_CACHE_DIR: cache });
    const warm = await repeat(runs, () => wallTime(process.execPath, [bin, 'list', dir], { BROADSHEET_CACHE_DIR: cache }));
    rmSync(cache, { recursive: true, force: true });
    results[name] = { cold: median(cold), warm: median(warm) };
  }
  row('list 2,000 saved HTML pages, cold', results.HTML.cold, 'ms', `${(results.HTML.cold / results.Markdown.cold).toFixed(2)}× Markdown`);
  row('list 2,000 saved HTML pages, warm', results.HTML.warm, 'ms', `${(results.HTML.warm / results.Markdown.warm).toFixed(2)}× Markdown`);
  row('list the same 2,000 as Markdown, cold', results.Markdown.cold, 'ms', '');
  row('list the same 2,000 as Markdown, warm', results.Markdown.warm, 'ms', '');
}

/**
 * 130 saved pages of 100–300 KB each, made here (never fetched ones): a news site's markup —
 * head full of metas, scripts and styles, a nav, teaser cards, the story's paragraphs with
 * links and emphasis, a related box, a footer — as real pages are mostly not the story.
 */
function savedPages130() {
  const dir = join(work, 'pages130');
  if (existsSync(dir) && readdirSync(dir).length === 130) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const words = 'harbour ferry council market bridge winter timetable river quay lamps tide stone vote night crossing riders evening repair town boat'.split(' ');
  let seed = 7;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const sentence = () => Array.from({ length: 12 + rand(14) }, (_, i) => (i === 3 ? `<a href="/news/${words[rand(20)]}-${rand(9999)}">${words[rand(20)]}</a>` : i === 7 ? `<em>${words[rand(20)]}</em>` : words[rand(20)])).join(' ');
  for (let i = 0; i < 130; i++) {
    const target = 100_000 + rand(200_000);
    const title = `The ${words[rand(20)]} ${words[rand(20)]} story number ${i}`;
    const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Gazette</title><meta property="og:title" content="${title}"><meta property="og:site_name" content="Bench Gazette"><meta name="author" content="Reporter ${i}"><meta property="article:published_time" content="2025-0${1 + (i % 9)}-1${i % 10}T08:00:00Z"><link rel="canonical" href="https://gazette.example/2025/${i}/story"><style>${'.c{color:#123;margin:0 auto}'.repeat(200)}</style><script>${'window.dataLayer=window.dataLayer||[];'.repeat(150)}</script><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2025-01-01"}</script></head>`;
    const nav = `<body><header><nav><ul>${Array.from({ length: 40 }, (_, k) => `<li class="nav-item"><a href="/section/${k}">${words[k % 20]}</a></li>`).join('')}</ul></nav></header><nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ol></nav>`;
    const parts = [head, nav, `<main><article><h1>${title}</h1><p class="byline">By Reporter ${i}</p>`];
    let size = parts.join('').length;
    while (size < target * 0.6) {
      const chunk = rand(6) === 0 ? `<h2>${sentence().slice(0, 40)}</h2>` : `<p>${sentence()}. ${sentence()}.</p>`;
      parts.push(chunk);
      size += chunk.length;
    }
    parts.push('</article><aside class="related"><h2>Related</h2><ul>');
    while (size < target) {
      const card = `<li class="teaser"><a href="/2025/${rand(999)}/teaser"><img src="/i/${rand(999)}.jpg" alt=""><h3>${sentence().slice(0, 60)}</h3><p>${sentence()}</p></a></li>`;
      parts.push(card);
      size += card.length;
    }
    parts.push(`</ul></aside></main><footer>${'<a href="/about">About</a> · '.repeat(30)}</footer></body></html>`);
    writeFileSync(join(dir, `story-${String(i).padStart(3, '0')}.html`), parts.join(''));
  }
  return dir;
}

/**
 * A cold start on a folder of 130 real-sized saved pages: time to the list on screen (the
 * metadata pass; extraction goes on in the background, counted in the status line), against
 * w3m dumping the same 130 pages in the same run; then the warm start.
 */
async function savedPageRuns() {
  const dir = savedPages130();
  const files = readdirSync(dir).map((name) => join(dir, name));
  const needle = 'reading pages 0/130';
  const cold = await repeat(Math.min(runs, 5), () => {
    const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    return firstFrame(process.execPath, [bin, dir], needle, { quit: 'q', extraEnv: { BROADSHEET_CACHE_DIR: fresh } })
      .then((r) => r.ms)
      .finally(() => rmSync(fresh, { recursive: true, force: true }));
  });
  const cache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
  // Every page extracted once (check waits for them), so the next start reads them from the cache.
  await wallTime(process.execPath, [bin, 'check', dir], { BROADSHEET_CACHE_DIR: cache }).catch(() => undefined);
  const warm = await repeat(runs, () => firstFrame(process.execPath, [bin, dir], 'broadsheet · 130 articles', { quit: 'q', extraEnv: { BROADSHEET_CACHE_DIR: cache } }).then((r) => r.ms));
  rmSync(cache, { recursive: true, force: true });
  let w3m = NaN;
  if (has('w3m')) {
    const script = `for f in "$@"; do w3m -dump -T text/html "$f" > /dev/null; done`;
    w3m = median(await repeat(Math.min(runs, 5), () => wallTime('sh', ['-c', script, 'sh', ...files])));
  }
  const c = median(cold);
  row('saved pages: 130 of 100–300 KB, list on screen, cold', c, 'ms', Number.isNaN(w3m) ? 'w3m missing' : `${(c / w3m).toFixed(2)}× w3m`, 'the list and "reading pages 0/130" are the first screen', atMost(c / w3m, 2, '×', '≤ 2× w3m'));
  row('saved pages: the same, warm (pages extracted and cached)', median(warm), 'ms', '');
  row('w3m -dump of the same 130 pages', w3m, 'ms', '');
}

/** A folder holding one file (`show FILE` reads the file's folder as the library). */
function benchFile(folder, name, content) {
  const dir = join(work, 'deep', folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, content);
  return path;
}

/**
 * 6. Deep nesting against a flat page of the same bytes: `show` (read, lex, lay out) of a page of
 * 1,000 nested <div>s and of a Markdown list nested 2,000 levels, cold. Target: within 3× flat.
 */
async function deepRuns() {
  const para = '<p>The harbour council met on a grey morning to weigh the ferry timetable.</p>';
  const page = (body) => `<!doctype html><html><head><title>Nested page</title></head><body>${body}</body></html>`;
  // The same characters, nested or side by side.
  const htmlDeep = benchFile('html-deep', 'page.html', page(`${'<div>'.repeat(1000)}${para}${'</div>'.repeat(1000)}`));
  const htmlFlat = benchFile('html-flat', 'page.html', page(`${'<div></div>'.repeat(1000)}${para}`));
  // Each item two columns deeper than the last, or every item at the top with the same blanks inside its text.
  const mdDeep = benchFile('md-deep', 'list.md', `# Nested list\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`);
  const mdFlat = benchFile('md-flat', 'list.md', `# Nested list\n\n${Array.from({ length: 2000 }, (_, i) => `- item${'  '.repeat(i)} ${i}`).join('\n')}\n`);
  const showCold = (file) => {
    const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    return wallTime(process.execPath, [bin, 'show', file, '--width', '80'], { BROADSHEET_CACHE_DIR: fresh })
      .catch((error) => {
        console.error(`bench: ${error.message.split('\n')[0].slice(0, 200)}`);
        return NaN;
      })
      .finally(() => rmSync(fresh, { recursive: true, force: true }));
  };
  for (const [what, deep, flat] of [
    ['1,000 nested <div>s', htmlDeep, htmlFlat],
    ['Markdown list nested 2,000 levels', mdDeep, mdFlat],
  ]) {
    // Interleaved, so both see the same machine load.
    const deepMs = [];
    const flatMs = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      deepMs.push(await showCold(deep));
      flatMs.push(await showCold(flat));
    }
    const d = median(deepMs.filter(Number.isFinite));
    const f = median(flatMs.filter(Number.isFinite));
    const size = readFileSync(deep).length;
    row(`show ${what} (${(size / 1024).toFixed(0)} KB, cold)`, d, 'ms', `${(d / f).toFixed(2)}× flat`, '', atMost(d / f, 3, '×', '≤ 3× flat'));
    row('show the same bytes flat', f, 'ms', '');
  }
}

/**
 * 7. Importing a feed of 200 items (issue 16) from four loopback hosts (127.0.0.1, four ports:
 * four hosts to the pool, which asks each at most twice at once), every page answered after a
 * small delay, against the same 200 fetches made one after another in the same run.
 */
async function importRuns() {
  const { createServer } = await import('node:http');
  const delayMs = 40;
  const items = 200;
  const hosts = 4;
  const servers = [];
  /** When the first and the last page were answered: the import's fetching, apart from its extraction. */
  const served = { first: 0, last: 0 };
  for (let h = 0; h < hosts; h++) {
    const server = createServer((request, response) => {
      const n = Number(/\/p\/(\d+)/.exec(request.url ?? '')?.[1]);
      if (request.url === '/feed.xml') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        const entries = Array.from({ length: items }, (_, i) => {
          const base = servers[i % hosts].base;
          return `<item><title>Harbour note ${i}</title><link>${base}/p/${i}</link><guid>bench-${i}</guid><pubDate>${new Date(Date.UTC(2025, 0, 1) + i * 3600_000).toUTCString()}</pubDate><category>bench</category></item>`;
        });
        return response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed</title>${entries.join('')}</channel></rss>`);
      }
      served.first ||= performance.now();
      setTimeout(() => {
        served.last = performance.now();
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html><head><title>Harbour note ${n}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour note ${n}</h1>${'<p>The harbour council met on a grey morning to weigh the ferry timetable, the market stalls and the bridge vote; nobody expected the debate to run past noon.</p>'.repeat(6)}</article></body></html>`);
      }, delayMs);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ server, base: `http://127.0.0.1:${server.address().port}` });
  }
  try {
    const feed = `${servers[0].base}/feed.xml`;
    const importMs = [];
    const fetchingMs = [];
    const oneByOneMs = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const out = mkdtempSync(join(tmpdir(), 'broadsheet-bench-import-'));
      importMs.push(await wallTime(process.execPath, [bin, 'import', feed, '--out', out], { BROADSHEET_CACHE_DIR: join(out, '.cache') }).catch((error) => {
        console.error(`bench: ${error.message.split('\n')[0].slice(0, 200)}`);
        return NaN;
      }));
      rmSync(out, { recursive: true, force: true });
      fetchingMs.push(served.last - served.first);
      const start = performance.now();
      for (let n = 0; n < items; n++) await (await fetch(`${servers[n % hosts].base}/p/${n}`)).arrayBuffer();
      oneByOneMs.push(performance.now() - start);
      served.first = 0;
    }
    const imported = median(importMs.filter(Number.isFinite));
    const sequential = median(oneByOneMs);
    row(`import a feed of ${items} items (${hosts} hosts, ${delayMs} ms a page)`, imported, 'ms', `${(sequential / imported).toFixed(2)}× faster than one by one`, 'fetch, extract, write');
    const fetching = median(fetchingMs);
    row(`  of which fetching (first to last page answered)`, fetching, 'ms', `${(sequential / fetching).toFixed(2)}× faster than one by one`, 'at most 4 at once, 2 per host');
    row(`the same ${items} fetches one by one (fetch only)`, sequential, 'ms', '');
  } finally {
    for (const { server } of servers) server.close();
  }
}

/**
 * 7. Live reload on the 10k library (warm cache): the first frame with watching on against
 * --no-watch (interleaved, so both see the same load; the watcher starts after the first frame),
 * the reader's CPU once idle with watching on and off, and an edit's way to the screen.
 */
async function watchRuns() {
  const count = quick ? 2000 : 10_000;
  const name = quick ? '2k' : '10k';
  // A library of its own: the edit below writes into it (and puts the file back).
  const big = ensureLibrary(`lib${name}-watch`, count);
  const cache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
  const extraEnv = { BROADSHEET_CACHE_DIR: cache };
  const needle = 'report number';
  await firstFrame(process.execPath, [bin, big], needle, { extraEnv });
  const watching = [];
  const still = [];
  for (let i = 0; i < runs; i++) {
    still.push(await firstFrame(process.execPath, [bin, big, '--no-watch'], needle, { extraEnv }));
    watching.push(await firstFrame(process.execPath, [bin, big], needle, { extraEnv }));
  }
  const on = median(watching.map((r) => r.ms));
  const off = median(still.map((r) => r.ms));
  row(`first frame, ${name} library, warm, watching`, on, 'ms', `--no-watch ${off.toFixed(1)} ms`, `${runs} runs each, interleaved; within noise`);
  for (const watch of [true, false]) {
    const idle = await idleCpu(big, watch, extraEnv);
    row(`idle CPU, ${name} library, ${watch ? 'watching' : '--no-watch'}`, idle.percent, '%', '', `of one core over ${idle.seconds} s, after ${idle.settled.toFixed(0)} s of start-up work${watch ? '' : ' (for comparison)'}`);
  }
  const edit = await editToScreen(big, extraEnv).catch((error) => (console.error(`bench: edit to screen: ${error.message}`), NaN));
  row(`an edit from outside to the screen, ${name} library`, edit, 'ms', '', 'write → new title in the list (150 ms debounce + reload)');
  rmSync(cache, { recursive: true, force: true });
}

/** CPU ticks (user + system) a process has used. */
function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

let clockTicks;
const ticksPerSecond = () => (clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100);

/** The reader's CPU once its start-up work (search index, "mentioned in") is done: % of one core. */
async function idleCpu(library, watch, extraEnv) {
  const session = ptySession(process.execPath, [bin, library, ...(watch ? [] : ['--no-watch'])], extraEnv);
  try {
    await session.shows('report number');
    // Start-up work first (the search index reads every body): wait for three quiet seconds.
    const { seconds: settled } = await session.settle(120_000);
    const seconds = quick ? 10 : 30;
    const before = session.cpuTicks();
    const from = performance.now();
    await sleep(seconds * 1000);
    const used = (session.cpuTicks() - before) / ticksPerSecond();
    return { percent: (100 * used) / ((performance.now() - from) / 1000), seconds, settled };
  } finally {
    await session.quit('\x03');
  }
}

/** ms from writing a new title into an article to the list showing it (median of a few edits). */
async function editToScreen(library, extraEnv) {
  const listed = JSON.parse(spawnSync(process.execPath, [bin, 'list', library, '--json'], { env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
  let file = null;
  let original = '';
  const times = [];
  const pty = spawnPty(process.execPath, [bin, library], { cols: 100, rows: 30, cwd: root, env: { ...env, ...extraEnv }, name: 'xterm-256color' });
  let seen = '';
  let waiting = null;
  pty.onData((data) => {
    seen += data;
    if (waiting && stripAnsi(seen).includes(waiting.needle)) {
      const done = waiting;
      waiting = null;
      done.resolve();
    }
  });
  const shows = (needle) => new Promise((resolve) => {
    if (stripAnsi(seen).includes(needle)) resolve();
    else waiting = { needle, resolve };
  });
  try {
    await shows('report number');
    // An article on the list's first screen, in Markdown (its title is a front-matter line).
    const onScreen = new Set(stripAnsi(seen).match(/The \w+ \w+ report number \d+/g) ?? []);
    const article = listed.find((a) => onScreen.has(a.title) && a.path.endsWith('.md'));
    if (!article) throw new Error('no Markdown article on the first screen');
    file = join(library, article.path);
    original = readFileSync(file, 'utf8');
    // Let the watcher and start-up work settle, as a person reading would.
    await new Promise((r) => setTimeout(r, 5000));
    for (let i = 0; i < 5; i++) {
      seen = '';
      const title = `Edited from outside ${i}`;
      const start = performance.now();
      writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
      await Promise.race([shows(title), new Promise((_, reject) => setTimeout(() => reject(new Error('an edit never reached the screen')), 20_000))]);
      times.push(performance.now() - start);
    }
  } finally {
    if (file) writeFileSync(file, original);
    pty.kill('SIGKILL');
  }
  return median(times);
}

const thousands = (count) => (count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count));
const msText = (ms) => (Number.isFinite(ms) ? `${ms >= 1000 ? Math.round(ms).toLocaleString('en') : ms.toFixed(1)} ms` : '—');

/** Growth, one row a size; then issue 17's "Done when" figures, each beside its target; then the rest. */
function printTables(measured) {
  const out = [`broadsheet bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${runs} runs each unless said`];
  const { sizes: tried = [], search = [] } = measured;
  const bySize = tried.filter((r) => !r.error);
  const searchAt = (count) => search.find((r) => r.count === count);
  if (tried.length || search.length) {
    out.push('', '### By library size', '');
    out.push('| articles | cold: first screen | cold: list | warm: first frame | warm ÷ 1k | peak memory, cold / warm | search per key p50 / p95 (max) | search index built |');
    out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
    const oneK = bySize.find((r) => r.count === 1000)?.warmList;
    for (const count of sizes) {
      const r = tried.find((x) => x.count === count);
      const q = searchAt(count);
      const cells = r?.error
        ? [r.error, '', '', '', '']
        : r
        ? [
            `${msText(r.coldScreen)}${r.cold.every((c) => c.showedList) ? ' (list)' : ' (progress line)'}`,
            msText(r.coldList),
            msText(r.warmList),
            oneK ? `${(r.warmList / oneK).toFixed(2)}×` : '',
            `${r.peakColdMb.toFixed(0)} / ${r.peakWarmMb.toFixed(0)} MB${r.unsettled ? ' (start-up work not done)' : ''}`,
          ]
        : ['', '', '', '', ''];
      const searchCells = q ? (q.error ? [q.error, ''] : [`${msText(q.p50)} / ${msText(q.p95)} (${msText(q.max)})`, msText(q.indexed)]) : ['', ''];
      out.push(`| ${thousands(count)} | ${[...cells, ...searchCells].join(' | ')} |`);
    }
    const runsNote = [...new Set(bySize.map((r) => `${r.coldRuns} cold / ${r.warmRuns} warm runs at ${thousands(r.count)}`))].join(', ');
    out.push('', `Medians${runsNote ? `; ${runsNote}` : ''}. Cold: a fresh cache each run; first screen = the list or the progress line (\`reading …\`), whichever comes first. Peak memory: VmHWM once the start-up work is done (three quiet seconds of CPU). Search: scripts/bench-search.mjs, 3 runs, the first not counted.`);
  }

  // Issue 17's "Done when", each figure beside its target.
  const checks = [];
  const largest = bySize.at(-1);
  const at = (r) => (r.count === 100_000 ? '100k' : `${thousands(r.count)} (100k ${sizes.includes(100_000) ? 'failed' : 'not run'})`);
  if (measured.guide) checks.push(['first frame, bundled guide, warm', `${msText(measured.guide.ms)} = ${measured.guide.ratio.toFixed(2)}× node (${msText(measured.guide.nodeMs)})`, atMost(measured.guide.ratio, 1.5, '×', '≤ 1.5× bare node')]);
  if (largest) {
    const oneK = bySize.find((r) => r.count === 1000);
    checks.push([`warm first frame at ${at(largest)}`, msText(largest.warmList), atMost(largest.warmList, 1000, 'ms', '≤ 1,000 ms')]);
    if (oneK && oneK !== largest) checks.push([`warm first frame at ${at(largest)} against 1k`, `${(largest.warmList / oneK.warmList).toFixed(2)}× (1k: ${msText(oneK.warmList)})`, atMost(largest.warmList / oneK.warmList, 2, '×', '≤ 2× the 1k figure')]);
    const worst = bySize.reduce((a, b) => (b.coldScreen > a.coldScreen ? b : a));
    checks.push(['cold first screen (progress line or list), slowest size', `${msText(worst.coldScreen)} at ${thousands(worst.count)}`, atMost(worst.coldScreen, 1000, 'ms', '≤ 1,000 ms at any size')]);
    checks.push([`peak memory at ${at(largest)}`, `${largest.peakMb.toFixed(0)} MB`, atMost(largest.peakMb, 600, 'MB', '≤ 600 MB')]);
  }
  const largestSearch = search.filter((r) => Number.isFinite(r.p95)).at(-1);
  if (largestSearch) checks.push([`library search p95 per keystroke at ${at(largestSearch)}`, msText(largestSearch.p95), atMost(largestSearch.p95, 50, 'ms', '≤ 50 ms')]);
  if (measured.show) checks.push(['`show` of the 250 KB article, cold', `node + ${measured.show.overNode.toFixed(0)} ms (${msText(measured.show.ms)})`, atMost(measured.show.overNode, 100, 'ms', '≤ node + 100 ms')]);
  if (checks.length) {
    out.push('', '### Issue 17 targets', '', '| measure | figure | target | met |', '|---|---:|---|---|');
    for (const [what, figure, target] of checks) out.push(`| ${what} | ${figure} | ${target.text} | ${verdict(target)} |`);
  }

  out.push('', '### Every measure', '', '| measure | median | vs peer | target | met | note |', '|---|---:|---|---|---|---|');
  for (const { what, value, unit, peer, note, target } of rows) {
    out.push(`| ${what} | ${Number.isNaN(value) ? '—' : `${value.toFixed(unit === 'MB' ? 0 : 1)} ${unit}`} | ${peer} | ${target?.text ?? ''} | ${verdict(target)} | ${note} |`);
  }
  const text = out.join('\n');
  console.log(`\n${text}`);
  // Kept for pasting into the README.
  const saved = join(work, `bench-${new Date().toISOString().slice(0, 16).replace(':', '')}.md`);
  writeFileSync(saved, `${text}\n`);
  progress(`tables saved in ${saved}`);
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
