#!/usr/bin/env node
// List search per keystroke on a large library: types a few queries into the list's `/`
// prompt, one key at a time, through the navigation reducer and the list's frame (what the
// reader does on a key), and reports p50 / p95 / max per keystroke. Also times the search
// index built from the bodies (cold) and read back from its file (warm), the "mentioned in"
// index, the heap once both are built and the process's peak RSS. Any size:
//   node --expose-gc --import tsx scripts/bench-search.mjs .bench/lib10000 [--runs 5]
// (`node scripts/generate-library.mjs 10000 .bench/lib10000` writes the library; it is loaded
// through the metadata cache in BROADSHEET_CACHE_DIR, as the reader loads it.)
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLibrary } from '../src/library/index.js';
import { articlesInOrder, initialNavigationState, navigationReducer } from '../src/navigation/index.js';
import { LibrarySearch } from '../src/search/librarySearch.js';
import { mentionsKeeping, searchIndexFile, searchIndexKeeping } from '../src/search/searchIndexFile.js';
import { buildMentionsIndexAsync } from '../src/search/mentions.js';
import { searchFilter } from '../src/search/searchFilter.js';
import { cacheDirectory } from '../src/state/statePaths.js';
import { createRenderCache } from '../src/ui/renderCache.js';
import { readerEnv } from '../src/ui/readerLayout.js';
import { listBody } from '../src/ui/views.js';
import { loadBodies } from '../src/startup.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.bench/lib10000');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
if (!existsSync(dir)) {
  console.error(`no library at ${dir}: node scripts/generate-library.mjs 10000 ${dir}`);
  process.exit(1);
}

// Words of the generated library, a title word, a miss, and a two-word query.
const QUERIES = ['river', 'lighthouse', 'report number 42', 'orchard mill', 'xylophone', 'fer'];

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Wall and CPU time of an async step. */
async function timed(step) {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = await step();
  return { value, wall: performance.now() - wall, cpu: cpuMs() - cpu };
}
const times = ({ wall, cpu }) => `${ms(wall)} (cpu ${ms(cpu)})`;

const load = await timed(() => loadLibrary([dir], { cacheDir: cacheDirectory(), pages: 'metadata' }));
const library = load.value;
const articles = articlesInOrder(library);
const rssLoaded = process.memoryUsage().rss;

// Bodies as the reader reads them: through the body store; the index kept in a folder of its own.
const { store, renderArticle } = await loadBodies(library);
let bodiesRead = 0;
const bodyOf = (article) => (bodiesRead++, store.text(article.id));
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-search-'));
let saving = Promise.resolve();
const keeping = () => {
  const keep = searchIndexKeeping(cacheDir, library.roots);
  return { ...keep, save: (index) => (saving = keep.save(index)) };
};
const cold = await timed(() => new LibrarySearch(articles, bodyOf, { keeping: keeping() }).buildAsync());
await saving;
const indexBytes = statSync(searchIndexFile(cacheDir, library.roots)).size;
// A second start: the index read back, every file's stamp checked, no body read.
bodiesRead = 0;
const search = new LibrarySearch(articles, bodyOf, { keeping: keeping() });
const warm = await timed(() => search.buildAsync());
const checked = await timed(() => search.whenFresh());
const warmReads = bodiesRead;

// "Mentioned in" the same way: walked from the bodies, then read back (each over a library of its own: the index is kept per library).
bodiesRead = 0;
const mentionsCold = await timed(() => buildMentionsIndexAsync({ ...library }, bodyOf, { keeping: mentionsKeeping(cacheDir, library.roots) }));
const mentionsColdReads = bodiesRead;
bodiesRead = 0;
const mentioned = await timed(() => buildMentionsIndexAsync(library, bodyOf, { keeping: mentionsKeeping(cacheDir, library.roots) }));
const mentionsWarmReads = bodiesRead;
globalThis.gc?.();
const memory = process.memoryUsage();

const render = createRenderCache(store, renderArticle, false);
const size = { columns: 100, rows: 30 };
let env = readerEnv(library, render, size, searchFilter(search));
const height = size.rows - 2;

const keys = [];
const keyCpu = [];
const perQuery = new Map();
for (let run = 0; run < runs; run++) {
  for (const query of QUERIES) {
    let state = navigationReducer(initialNavigationState(env), { type: 'command', command: 'openFilter' }, env);
    for (const key of query) {
      const start = performance.now();
      const cpu = cpuMs();
      state = navigationReducer(state, { type: 'command', command: 'promptType', text: key }, env);
      listBody(state, env, size.columns, height);
      const took = performance.now() - start;
      // The first run warms the JIT; it is not counted.
      if (run === 0) continue;
      keys.push(took);
      keyCpu.push(cpuMs() - cpu);
      (perQuery.get(query) ?? perQuery.set(query, []).get(query)).push(took);
    }
  }
  // A fresh filter each run: per-query caches would otherwise answer every run after the first.
  // Through readerEnv, as the reader makes it (it adds the caller's memory of the last query).
  env = readerEnv(library, render, size, searchFilter(search));
  // (Private fields: each run types from nothing, as a reader does.)
  search.cache.clear();
  search.words.clear();
}
rmSync(cacheDir, { recursive: true, force: true });

console.log(`library: ${library.articles.length} articles in ${dir} (loaded in ${times(load)}, rss ${mb(rssLoaded)})`);
console.log(`search index built in ${times(cold)} (cold: every body read; file ${mb(indexBytes)}), read back in ${times(warm)} and its files checked in ${times(checked)} (warm: ${warmReads} bodies read)`);
console.log(`mentions walked in ${times(mentionsCold)} (cold: ${mentionsColdReads} bodies read), read back in ${times(mentioned)} (warm: ${mentionsWarmReads} bodies read)`);
console.log(`heap after both: ${mb(memory.heapUsed)} used, rss ${mb(memory.rss)}, peak rss ${mb(process.resourceUsage().maxRSS * 1024)}${globalThis.gc ? '' : ' (run with --expose-gc for a settled heap)'}`);
console.log(`per keystroke (${keys.length} keys, ${runs - 1} counted runs): p50 ${ms(percentile(keys, 50))}  p95 ${ms(percentile(keys, 95))}  max ${ms(Math.max(...keys))}`);
console.log(`cpu per key: p50 ${ms(percentile(keyCpu, 50))}  p95 ${ms(percentile(keyCpu, 95))}  max ${ms(Math.max(...keyCpu))}`);
for (const [query, values] of perQuery) console.log(`  ${JSON.stringify(query).padEnd(20)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`);
