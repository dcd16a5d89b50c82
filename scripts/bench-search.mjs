#!/usr/bin/env node
// List search per keystroke on a large library: types a few queries into the list's `/`
// prompt, one key at a time, through the navigation reducer and the list's frame (what the
// reader does on a key), and reports p50 / p95 / max per keystroke. Also times the search
// index and the "mentioned in" index, and the heap once both are built.
//   node --import tsx scripts/bench-search.mjs [.bench/lib10k] [--runs 5]
// (`node scripts/generate-library.mjs 10000 .bench/lib10k` writes the library.)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLibrary } from '../src/library/index.js';
import { articlesInOrder, initialNavigationState, navigationReducer } from '../src/navigation/index.js';
import { librarySearchFor } from '../src/search/librarySearch.js';
import { mentionsIndexFor } from '../src/search/mentions.js';
import { searchFilter } from '../src/search/searchFilter.js';
import { createRenderCache } from '../src/ui/renderCache.js';
import { readerEnv } from '../src/ui/readerLayout.js';
import { listBody } from '../src/ui/views.js';
import { loadBodies } from '../src/startup.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.bench/lib10k');
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

const t0 = performance.now();
const library = await loadLibrary([dir]);
const loaded = performance.now() - t0;
const articles = articlesInOrder(library);

// Bodies as the reader reads them: through the body store.
const { store, renderArticle } = await loadBodies(library);
const bodyOf = (article) => store.read(article.id)?.body ?? null;
const search = librarySearchFor(articles, bodyOf);
const t1 = performance.now();
await search.buildAsync();
const indexed = performance.now() - t1;

const t2 = performance.now();
mentionsIndexFor(library, bodyOf);
const mentioned = performance.now() - t2;
globalThis.gc?.();
const memory = process.memoryUsage();

const filter = searchFilter(search);
const render = createRenderCache(store, renderArticle, false);
const size = { columns: 100, rows: 30 };
let env = readerEnv(library, render, size, filter);
const height = size.rows - 2;

const times = [];
const perQuery = new Map();
for (let run = 0; run < runs; run++) {
  for (const query of QUERIES) {
    let state = navigationReducer(initialNavigationState(env), { type: 'command', command: 'openFilter' }, env);
    for (const key of query) {
      const start = performance.now();
      state = navigationReducer(state, { type: 'command', command: 'promptType', text: key }, env);
      listBody(state, env, size.columns, height);
      const took = performance.now() - start;
      // The first run warms the JIT; it is not counted.
      if (run === 0) continue;
      times.push(took);
      (perQuery.get(query) ?? perQuery.set(query, []).get(query)).push(took);
    }
  }
  // A fresh filter each run: per-query caches would otherwise answer every run after the first.
  // Through readerEnv, as the reader makes it (it adds the caller's memory of the last query).
  env = readerEnv(library, render, size, searchFilter(search));
  // (Private fields: each run types from nothing, as a reader does.)
  search.cache.clear();
  search.words?.clear();
}

console.log(`library: ${library.articles.length} articles in ${dir} (loaded in ${ms(loaded)})`);
console.log(`search index built in ${ms(indexed)}; mentions index built after it in ${ms(mentioned)}`);
console.log(`heap after both: ${mb(memory.heapUsed)} used, rss ${mb(memory.rss)}${globalThis.gc ? '' : ' (run with --expose-gc for a settled heap)'}`);
console.log(`per keystroke (${times.length} keys, ${runs - 1} counted runs): p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(Math.max(...times))}`);
for (const [query, values] of perQuery) console.log(`  ${JSON.stringify(query).padEnd(20)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`);
