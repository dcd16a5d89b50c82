#!/usr/bin/env node
// `npm run bench`: broadsheet's speed beside its peers, in one run, as SPEC §5 defines it.
// Medians (and p95 for keys), ratios against a peer measured in the same run. Every child
// runs with NODE_EXTRA_CA_CERTS and CI unset (FIELD-NOTES): users have neither.
import { spawn as spawnPty } from 'node-pty';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'broadsheet.js');
const work = join(root, '.bench');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const quick = process.argv.includes('--quick');
/** `--only=keys,show` runs just those parts: frame, show, keys, html, pages, search, deep, imports, watch. */
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
const row = (what, value, unit, peer, note = '') => rows.push({ what, value, unit, peer, note });

/** Spawns in a 100×30 pty; resolves with ms until the screen shows `needle`, then ends the process. */
function firstFrame(command, args, needle, { quit = '\x03', extraEnv = {} } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawnPty(command, args, { cols: 100, rows: 30, cwd: root, env: { ...env, ...extraEnv }, name: 'xterm-256color' });
    let seen = '';
    let elapsed;
    let peak = 0;
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: no "${needle}" within 20 s; saw: ${stripAnsi(seen).slice(-300)}`));
    }, 20_000);
    pty.onData((data) => {
      seen += data;
      if (elapsed === undefined && stripAnsi(seen).includes(needle)) {
        elapsed = performance.now() - start;
        peak = peakMemory(pty.pid);
        pty.write(quit);
      }
    });
    pty.onExit(() => {
      clearTimeout(timer);
      if (elapsed === undefined) reject(new Error(`${command} exited before "${needle}"; saw: ${stripAnsi(seen).slice(-300)}`));
      else resolve({ ms: elapsed, peakKb: peak });
    });
  });
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

function ensureLibrary(name, count, flags = []) {
  const dir = join(work, name);
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    spawnSync(process.execPath, [join(root, 'scripts', 'generate-library.mjs'), String(count), dir, ...flags], { stdio: 'inherit' });
  }
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
  const measured = {};
  if (part('frame')) Object.assign(measured, await firstFrames());
  if (part('show')) await showRuns(median(bare));
  if (part('keys')) await keyRuns();
  if (part('html')) await htmlRuns();
  if (part('pages')) await savedPageRuns();
  if (part('search')) searchRuns();
  if (part('deep')) await deepRuns();
  if (part('imports')) await importRuns();
  if (part('watch')) await watchRuns();
  if (measured.bundled) row('peak memory, bundled articles/', Math.max(...measured.bundled.map((r) => r.peakKb)) / 1024, 'MB', '', 'target ≤ 120 MB');
  if (measured.big) row(`peak memory, ${measured.bigName} library`, Math.max(...measured.big.map((r) => r.peakKb)) / 1024, 'MB', '', 'target ≤ 300 MB');
  printTable();
  rmSync(stateDir, { recursive: true, force: true });
}

/** 1. First frame: the bundled guide, a big library cold and warm, and less on one file. */
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
  row(`first frame, bundled articles/ (warm cache; ${runs * 2} runs interleaved with bare node: ${nodeMs.toFixed(1)} ms)`, ms, 'ms', `${(ms / nodeMs).toFixed(2)}× node`, 'target ≤ 2.0× node');
  const lessFile = join(articles, 'welcome.md');
  if (has('less')) {
    const less = await repeat(runs, () => firstFrame('less', [lessFile], 'title: Welcome', { quit: 'q' }));
    row('less opening welcome.md', median(less.map((r) => r.ms)), 'ms', `broadsheet ${(ms / median(less.map((r) => r.ms))).toFixed(2)}×`);
  } else row('less', NaN, '', '', 'not installed: skipped');

  const count = quick ? 2000 : 10_000;
  const bigName = quick ? '2k' : '10k';
  const big = ensureLibrary(`lib${bigName}`, count);
  const needle = 'report number';
  const cold = await repeat(Math.min(runs, 5), () => {
    const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    return firstFrame(process.execPath, [bin, big], needle, { extraEnv: { BROADSHEET_CACHE_DIR: fresh } }).finally(() => rmSync(fresh, { recursive: true, force: true }));
  });
  const warmCache = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
  await firstFrame(process.execPath, [bin, big], needle, { extraEnv: { BROADSHEET_CACHE_DIR: warmCache } });
  const warm = await repeat(runs, () => firstFrame(process.execPath, [bin, big], needle, { extraEnv: { BROADSHEET_CACHE_DIR: warmCache } }));
  row(`first frame, ${bigName} library, cold`, median(cold.map((r) => r.ms)), 'ms', '', 'target ≤ 1500 ms');
  row(`first frame, ${bigName} library, warm`, median(warm.map((r) => r.ms)), 'ms', '', 'target ≤ 300 ms');
  rmSync(cache, { recursive: true, force: true });
  rmSync(warmCache, { recursive: true, force: true });
  return { bundled, big: [...cold, ...warm], bigName };
}

/** 2. show of a 250 KB article, cold, against pandoc and w3m on the same content. */
async function showRuns(bareMs) {
  const big = bigArticle();
  const show = await repeat(runs, () => {
    const fresh = mkdtempSync(join(tmpdir(), 'broadsheet-bench-cache-'));
    const env2 = { BROADSHEET_CACHE_DIR: fresh };
    return wallTime(process.execPath, [bin, 'show', big, '--width', '80'], env2).finally(() => rmSync(fresh, { recursive: true, force: true }));
  });
  row('show 250 KB article (cold)', median(show), 'ms', `node + ${(median(show) - bareMs).toFixed(0)} ms`, 'target ≤ node + 80 ms');
  if (has('pandoc')) {
    const pandoc = await repeat(runs, () => wallTime('pandoc', ['-t', 'plain', big]));
    row('pandoc -t plain, same file', median(pandoc), 'ms', `broadsheet ${(median(show) / median(pandoc)).toFixed(2)}×`);
    if (has('w3m')) {
      const html = join(work, 'big-article.html');
      if (!existsSync(html)) spawnSync('pandoc', ['-s', big, '-o', html, '--metadata', 'title=bench']);
      const w3m = await repeat(runs, () => wallTime('w3m', ['-dump', '-cols', '80', html]));
      row('w3m -dump, same content as HTML', median(w3m), 'ms', `broadsheet ${(median(show) / median(w3m)).toFixed(2)}×`);
    } else row('w3m', NaN, '', '', 'not installed: skipped');
  } else row('pandoc', NaN, '', '', 'not installed: skipped');
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
    row(`key ${name} → screen, 20,000 lines`, median(values), 'ms', `p95 ${percentile(values, 95).toFixed(1)} ms`, 'target p95 ≤ 33 ms');
  }
}

/** 5. Library search per keystroke on the big library (scripts/bench-search.mjs, in process). */
function searchRuns() {
  const dir = ensureLibrary(quick ? 'lib2k' : 'lib10k', quick ? 2000 : 10_000);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'scripts', 'bench-search.mjs'), dir, '--runs', '3'], { cwd: root, env, encoding: 'utf8' });
  const line = /per keystroke .*?p50 ([\d.]+) ms\s+p95 ([\d.]+) ms\s+max ([\d.]+) ms/.exec(result.stdout ?? '');
  if (!line) return row('library search per keystroke', NaN, '', '', `did not run: ${(result.stderr ?? '').split('\n')[0]}`);
  row(`library search per keystroke, ${quick ? '2k' : '10k'} library`, Number(line[1]), 'ms', `p95 ${line[2]} ms, max ${line[3]} ms`, 'target < 50 ms');
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
  row('saved pages: 130 of 100–300 KB, list on screen, cold', c, 'ms', Number.isNaN(w3m) ? 'w3m missing' : `${(c / w3m).toFixed(2)}× w3m`, 'target ≤ 2× w3m; the list and "reading pages 0/130" are the first screen');
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
    row(`show ${what} (${(size / 1024).toFixed(0)} KB, cold)`, d, 'ms', `${(d / f).toFixed(2)}× flat`, 'target ≤ 3× flat');
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

/** The reader's CPU once its start-up work (search index, "mentioned in") is done: % of one core. */
function idleCpu(library, watch, extraEnv) {
  const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return new Promise((resolve, reject) => {
    const pty = spawnPty(process.execPath, [bin, library, ...(watch ? [] : ['--no-watch'])], { cols: 100, rows: 30, cwd: root, env: { ...env, ...extraEnv }, name: 'xterm-256color' });
    let seen = '';
    let started = null;
    const finish = (value, error) => {
      pty.kill('SIGKILL');
      if (error) reject(error);
      else resolve(value);
    };
    pty.onData((data) => {
      seen += data;
      if (started === null && stripAnsi(seen).includes('report number')) {
        started = performance.now();
        void settleThenMeasure();
      }
    });
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    async function settleThenMeasure() {
      try {
        // Start-up work first (the search index reads every body): wait for three quiet seconds.
        let quiet = 0;
        let last = cpuTicks(pty.pid);
        while (quiet < 3 && performance.now() - started < 120_000) {
          await sleep(1000);
          const now = cpuTicks(pty.pid);
          quiet = (now - last) / ticksPerSecond < 0.02 ? quiet + 1 : 0;
          last = now;
        }
        const settled = (performance.now() - started) / 1000;
        const seconds = quick ? 10 : 30;
        const before = cpuTicks(pty.pid);
        const from = performance.now();
        await sleep(seconds * 1000);
        const used = (cpuTicks(pty.pid) - before) / ticksPerSecond;
        finish({ percent: (100 * used) / ((performance.now() - from) / 1000), seconds, settled });
      } catch (error) {
        finish(null, error);
      }
    }
  });
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

function printTable() {
  const lines = ['| measure | median | vs peer | note |', '|---|---:|---|---|'];
  for (const { what, value, unit, peer, note } of rows) {
    lines.push(`| ${what} | ${Number.isNaN(value) ? '—' : `${value.toFixed(unit === 'MB' ? 0 : 1)} ${unit}`} | ${peer} | ${note} |`);
  }
  console.log(`\nbroadsheet bench, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${runs} runs each\n`);
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
