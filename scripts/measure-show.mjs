// Where `show FILE` spends its time, phase by phase (issue 17: "measure the split"), for a
// Markdown file, each run in a fresh process as the bench runs `show` (nothing warm):
//
//   node --import tsx scripts/measure-show.mjs FILE [--runs N] [--width W]
//
// Phases, in the order show meets them: the file read and its front matter parsed; the body
// lexed (marked, src/library/bodyLinks.ts lexBody); its links, words and tags found in the
// tokens (articleMeta); the library around it (scan, ids, links resolved, records: the loader
// given this parse, as the file reader hands it over); the body store's read (the link targets
// resolved again against the library, the token lines for `e`); the layout (renderArticle); the
// output (lines joined and written to /dev/null). Figures are CPU milliseconds of the main
// thread (Linux schedstat; elsewhere the process's CPU), medians over the runs, beside the
// process's whole CPU (GC and compiler threads too) and wall time. The modules are loaded
// (and, under tsx, compiled) before the first phase: their cost is not in any phase.
// The folder of FILE is read as the library, as `show FILE` reads it; nothing is written there.
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeSync, closeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = args.find((a, i) => !a.startsWith('--') && !['--runs', '--width', '--child'].includes(args[i - 1]));
if (!file || !existsSync(file)) {
  console.error('usage: node --import tsx scripts/measure-show.mjs FILE [--runs N] [--width W]');
  process.exit(2);
}
const width = Number(option('--width', '80'));
const here = fileURLToPath(import.meta.url);
const repo = path.join(path.dirname(here), '..');

/** CPU ms of this thread (schedstat, ns), else of the process. */
function threadCpuMs() {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

if (args.includes('--child')) {
  const src = (p) => import(path.join(repo, 'src', p));
  // As cli.ts does for show, before the modules are loaded.
  (await src('commands/shortRunTiering.ts')).tierForShortRun();
  const { decodeBytes } = await src('library/decodeText.ts');
  const { parseMarkdownArticle } = await src('library/parseMarkdownArticle.ts');
  const { cleanHeader } = await src('library/headerText.ts');
  const { fileTitle } = await src('library/fileOutcome.ts');
  const { lexBody } = await src('library/bodyLinks.ts');
  const { articleMeta } = await src('library/articleMeta.ts');
  const { loadLibrarySync } = await src('library/loadLibrary.ts');
  const { createFileReader } = await src('library/readArticleFile.ts');
  const { createBodyStore } = await src('library/bodyStore.ts');
  const { renderArticle } = await src('render/renderArticle.ts');
  const abs = path.resolve(file);
  const phases = {};
  let mark = threadCpuMs();
  const lap = (name) => {
    const now = threadCpuMs();
    phases[name] = now - mark;
    mark = now;
  };
  // readArticleFile.ts's Markdown path, step by step.
  const decoded = decodeBytes(readFileSync(abs));
  const text = decoded.ok ? decoded.text : '';
  const title = fileTitle(path.basename(abs));
  const parsed = cleanHeader(parseMarkdownArticle(text, title), title);
  lap('read + front matter');
  const lexed = lexBody(parsed.body);
  lap('lex');
  const firstLine = text.endsWith(parsed.body) ? text.slice(0, text.length - parsed.body.length).split('\n').length : undefined;
  const meta = articleMeta(parsed, lexed, firstLine, true);
  lap('links, words, tags');
  const real = createFileReader(null);
  const outcome = { ok: true, parsed, tokens: lexed.tokens, meta, ...(firstLine !== undefined ? { firstLine } : {}) };
  const reader = { parse: real.parse, read: (f, ...rest) => (f.absPath === abs ? outcome : real.read(f, ...rest)) };
  const library = loadLibrarySync([path.dirname(abs)], reader);
  lap('library');
  const article = library.articles.find((a) => a.absPath === abs);
  const entry = createBodyStore(library, reader).read(article.id);
  lap('body read');
  const rendered = renderArticle(entry, { width, color: false });
  lap('layout');
  const out = openSync('/dev/null', 'w');
  writeSync(out, `${rendered.lines.join('\n')}\n`);
  closeSync(out);
  lap('output');
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ phases, processCpu: (cpu.user + cpu.system) / 1000, wall: performance.now() })}\n`);
} else {
  const runs = Number(option('--runs', '9'));
  const results = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', here, file, '--width', String(width), '--child'], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.error(child.stderr.trim());
      process.exit(1);
    }
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = Object.keys(results[0].phases);
  const total = median(results.map((r) => names.reduce((s, n) => s + r.phases[n], 0)));
  console.log(`show ${path.basename(file)} at width ${width}: main-thread CPU ms, median of ${runs} fresh processes`);
  for (const name of names) {
    const ms = median(results.map((r) => r.phases[name]));
    console.log(`  ${name.padEnd(20)} ${ms.toFixed(1).padStart(7)}  ${((100 * ms) / total).toFixed(0).padStart(3)} %`);
  }
  console.log(`  ${'all phases'.padEnd(20)} ${total.toFixed(1).padStart(7)}`);
  console.log(`process CPU (all threads, modules and tsx included) ${median(results.map((r) => r.processCpu)).toFixed(0)} ms, wall ${median(results.map((r) => r.wall)).toFixed(0)} ms`);
}
