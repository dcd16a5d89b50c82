// What the built reader loads before its first frame on a warm start. Speed itself is measured
// by `npm run bench`, never here; this guards the two things that made the first frame slower
// without anyone noticing: bundle files on the path (each costs a resolve, a read and a compile:
// 16 of them once cost ~8 ms) and Node built-ins nothing on the first screen needs (node:crypto,
// pulled in by `import`'s temporary names, cost ~5 ms), and code no first screen needs (the
// parsers, the saved-page stack, Ink: a warm start reads its list from the cache).
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, startTerminal } from './terminal.js';

interface FirstFrameLoad {
  /** Files of dist/ loaded before the first frame, in load order. */
  bundleFiles: string[];
  /** Node's own modules loaded by then (process.moduleLoadList). */
  builtins: string[];
}

/** A probe for NODE_OPTIONS: logs each dist/ file as Node loads it, and snapshots the log and the built-ins at the first write that enters the alternate screen. */
async function writeProbe(dir: string): Promise<{ probe: string; snapshot: string }> {
  const log = path.join(dir, 'loaded.log');
  const snapshot = path.join(dir, 'first-frame.json');
  const hooks = path.join(dir, 'hooks.mjs');
  const probe = path.join(dir, 'probe.mjs');
  const dist = pathToFileURL(path.join(REPO_ROOT, 'dist')).href + '/';
  await writeFile(
    hooks,
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function load(url, context, next) {\n` +
      `  if (url.startsWith(${JSON.stringify(dist)})) appendFileSync(${JSON.stringify(log)}, url.slice(${dist.length}) + '\\n');\n` +
      `  return next(url, context);\n}\n`,
  );
  await writeFile(
    probe,
    `import { register } from 'node:module';\n` +
      `import { existsSync, readFileSync, writeFileSync } from 'node:fs';\n` +
      `register(${JSON.stringify(pathToFileURL(hooks).href)});\n` +
      `const write = process.stdout.write.bind(process.stdout);\n` +
      `let taken = false;\n` +
      `process.stdout.write = (chunk, ...rest) => {\n` +
      `  if (!taken && String(chunk).includes('\\x1b[?1049h')) {\n` +
      `    taken = true;\n` +
      `    const bundleFiles = existsSync(${JSON.stringify(log)}) ? readFileSync(${JSON.stringify(log)}, 'utf8').split('\\n').filter(Boolean) : [];\n` +
      `    writeFileSync(${JSON.stringify(snapshot)}, JSON.stringify({ bundleFiles, builtins: process.moduleLoadList }));\n` +
      `  }\n` +
      `  return write(chunk, ...rest);\n};\n`,
  );
  return { probe, snapshot };
}

async function firstFrameLoad(env: Record<string, string>, dir: string): Promise<FirstFrameLoad> {
  const { probe, snapshot } = await writeProbe(dir);
  const session = startTerminal([path.join(REPO_ROOT, 'articles')], { env: { ...env, NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` } });
  await session.waitForText('Welcome to broadsheet');
  session.write('Q');
  assert.equal(await session.exited, 0);
  return JSON.parse(await readFile(snapshot, 'utf8')) as FirstFrameLoad;
}

/** Packages whose code is in the given dist/ files, from the build's metafile (scripts/build.mjs). */
async function packagesIn(files: string[]): Promise<Set<string>> {
  const meta = JSON.parse(await readFile(path.join(REPO_ROOT, '.build', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const packages = new Set<string>();
  for (const file of files) {
    for (const input of Object.keys(meta.outputs[`dist/${file}`]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input);
      if (match) packages.add(match[1]);
    }
  }
  return packages;
}

/** Needed only once an article is read, a page extracted or Ink drawn: never before the first frame of a warm start. */
const NOT_FOR_THE_FIRST_FRAME = ['marked', 'yaml', 'linkedom', 'turndown', '@mozilla/readability', 'htmlparser2', 'ink', 'react', 'react-reconciler', 'yoga-layout', 'highlight.js', 'lowlight'];

test('a warm start of the reader loads four bundle files, no node:crypto and no parser or Ink code before its first frame; with a kept frame, one', async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'broadsheet-first-frame-'));
  const env = { BROADSHEET_CACHE_DIR: path.join(work, 'cache'), BROADSHEET_STATE_DIR: path.join(work, 'state'), BROADSHEET_CONFIG: path.join(work, 'config.yaml') };
  await firstFrameLoad(env, await mkdtemp(path.join(work, 'cold-')));
  // The usual warm start: the frame the last run kept put aside.
  await rm(path.join(work, 'cache', 'first-frame'), { recursive: true, force: true });
  const warm = await firstFrameLoad(env, await mkdtemp(path.join(work, 'warm-')));
  assert.ok(warm.bundleFiles.includes('cli.js'), `the probe saw the bundle load: ${warm.bundleFiles.join(', ')}`);
  // The entry, the main bundle and its two start-up chunks.
  assert.ok(warm.bundleFiles.length <= 4, `bundle files before the first frame: ${warm.bundleFiles.join(', ')}`);
  assert.ok(!warm.builtins.includes('NativeModule crypto'), 'node:crypto is not loaded before the first frame');
  const packages = await packagesIn(warm.bundleFiles);
  assert.ok(packages.has('github-slugger'), `the metafile names the packages of the first frame's files: ${[...packages].join(', ')}`);
  assert.deepEqual(NOT_FOR_THE_FIRST_FRAME.filter((name) => packages.has(name)), [], 'packages in the files loaded before the first frame');
  // The warm start kept its frame for the next: that start paints it from the entry alone.
  const kept = await firstFrameLoad(env, await mkdtemp(path.join(work, 'kept-')));
  assert.deepEqual(kept.bundleFiles, ['cli.js']);
});
