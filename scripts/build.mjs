// Bundles the CLI into dist/ with esbuild: one small ESM entry plus lazily loaded chunks,
// so `list`/`show` never pay for Ink and the reader never pays for what it doesn't show.
// Everything is bundled: the published package needs no dependencies at run time.
// Writes THIRD-PARTY-NOTICES.md with the licence of every package that ends up in dist/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(join(root, 'dist'), { recursive: true, force: true });

const options = {
  absWorkingDir: root,
  // Each worker thread is an entry of its own (src/library/workerScript.ts finds dist/NAME.js):
  // the file worker (fileWorkers.ts) and the index worker (indexFreshness.ts); they share
  // chunks with the CLI's lazy imports.
  entryPoints: { main: 'src/cli.ts', 'file-worker': 'src/library/fileWorker.ts', 'index-worker': 'src/library/indexWorker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.BUILD_NO_MINIFY, // BUILD_NO_MINIFY=1: readable names in --cpu-prof profiles
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
};

// esbuild puts each set of modules reached from the same entries (the CLI and every dynamic
// import) into a chunk of its own: the first frame used to load 16 files, each costing a
// resolve, a read and a compile. A first pass finds the lazily loaded modules; the real build
// has each of them import everything the CLI imports statically, so all of that is reached from
// every entry alike and lands in one chunk. At run time those imports find modules already
// evaluated by the CLI, so a lazy chunk costs nothing more.
const survey = await build({ ...options, metafile: true, minify: false });
const entryImports = survey.metafile.inputs['src/cli.ts'].imports.filter((i) => i.kind === 'import-statement' && !i.external && !i.path.endsWith('.json')).map((i) => i.path);
const lazyModules = new Set(Object.values(survey.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => join(root, i.path))));
const HUB = 'entry-modules';
const oneStartupChunk = {
  name: 'one-startup-chunk',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${HUB}$`) }, () => ({ path: HUB, namespace: HUB }));
    b.onLoad({ filter: /.*/, namespace: HUB }, () => ({ contents: entryImports.map((path) => `import ${JSON.stringify(join(root, path))};`).join('\n'), resolveDir: root, loader: 'js' }));
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (!lazyModules.has(args.path)) return undefined;
      const loader = /\.tsx$/.test(args.path) ? 'tsx' : /\.ts$/.test(args.path) ? 'ts' : 'js';
      return { contents: `import ${JSON.stringify(HUB)};\n${readFileSync(args.path, 'utf8')}`, loader, resolveDir: dirname(args.path) };
    });
  },
};
const result = await build({ ...options, plugins: [oneStartupChunk] });

// The entry, dist/cli.js, on its own: only what paints the frame kept from the last run
// (src/entry.ts), so a start that finds it current loads one small file before its first frame.
const entry = await build({ ...options, entryPoints: { cli: 'src/entry.ts' }, splitting: false });

for (const file of [...result.outputFiles, ...entry.outputFiles]) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, commonJsGlobals(file.text) + file.text);
}
// Which sources ended up in which file: tests/e2e/firstFrameLoad.test.ts reads it to check what the first frame loads.
mkdirSync(join(root, '.build'), { recursive: true });
const metafile = { inputs: { ...result.metafile.inputs, ...entry.metafile.inputs }, outputs: { ...result.metafile.outputs, ...entry.metafile.outputs } };
writeFileSync(join(root, '.build', 'meta.json'), JSON.stringify(metafile));

writeFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), notices(Object.keys(result.metafile.inputs)));

/**
 * CommonJS packages inside an ESM bundle still call require() and read __filename
 * (write-file-atomic names its temp files after it). Only the chunks that use them get them:
 * each declaration costs a URL parse and two imports on every file Node loads at start-up.
 * Minified names are a few letters long, so a whole-word match is one of these globals.
 */
function commonJsGlobals(code) {
  const uses = (name) => new RegExp(`\\b${name}\\b`).test(code);
  const lines = [];
  if (uses('require')) lines.push("import{createRequire as __bsCreateRequire}from'node:module';const require=__bsCreateRequire(import.meta.url);");
  if (uses('__filename') || uses('__dirname')) {
    lines.push("import{fileURLToPath as __bsFileURLToPath}from'node:url';");
    if (uses('__filename')) lines.push('const __filename=__bsFileURLToPath(import.meta.url);');
    if (uses('__dirname')) lines.push("const __dirname=__bsFileURLToPath(new URL('.',import.meta.url));");
  }
  return lines.join('');
}

/** The licence text of every npm package with code in the bundle. */
function notices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    const dir = input.slice(0, match.index + match[0].length);
    packages.set(match[1], join(root, dir));
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `Licence: ${pkg.license ?? 'see package'}`;
    return `## ${name} ${pkg.version}\n\n${pkg.license ? `License: ${typeof pkg.license === 'string' ? pkg.license : pkg.license.type}\n\n` : ''}\`\`\`\n${text}\n\`\`\`\n`;
  });
  return `# Third-party notices\n\nbroadsheet's bundle in dist/ contains code from these packages.\n\n${sections.join('\n')}`;
}

