// Where a worker thread's script is: beside the bundle (dist/NAME.js: scripts/build.mjs makes
// each worker an entry of its own, sharing the bundle's chunks), or nowhere when running from
// the sources (tests through tsx), in which case the work is done on the calling thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** dist/NAME.js, or null when running from the sources. */
export function workerScript(name: 'file-worker' | 'index-worker'): string | null {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return null;
  const file = fileURLToPath(new URL(here.includes('/chunks/') ? `../${name}.js` : `./${name}.js`, here));
  return existsSync(file) ? file : null;
}
