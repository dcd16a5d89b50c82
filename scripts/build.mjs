// Bundles the CLI into dist/ with esbuild: one minified ESM entry plus lazily loaded
// chunks, so `list`/`show` never pay for Ink and the reader never pays for what it doesn't show.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

await build({
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
  legalComments: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS packages inside an ESM bundle still call require().
  banner: { js: "import{createRequire as __bsCreateRequire}from'node:module';const require=__bsCreateRequire(import.meta.url);" },
});
