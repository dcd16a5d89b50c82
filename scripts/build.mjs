// Bundles the CLI into dist/ with esbuild: one small ESM entry plus lazily loaded chunks,
// so `list`/`show` never pay for Ink and the reader never pays for what it doesn't show.
// Everything is bundled: the published package needs no dependencies at run time.
// Writes THIRD-PARTY-NOTICES.md with the licence of every package that ends up in dist/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(join(root, 'dist'), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS packages inside an ESM bundle still call require() and read __filename
  // (write-file-atomic names its temp files after it): give each chunk both.
  banner: {
    js: "import{createRequire as __bsCreateRequire}from'node:module';import{fileURLToPath as __bsFileURLToPath}from'node:url';const require=__bsCreateRequire(import.meta.url);const __filename=__bsFileURLToPath(import.meta.url);const __dirname=__bsFileURLToPath(new URL('.',import.meta.url));",
  },
});

writeFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), notices(Object.keys(result.metafile.inputs)));

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

