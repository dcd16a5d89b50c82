// A test harness, not a test: the real reader (runReader, as the CLI starts it) on a real
// library in a real terminal, with a list filter that throws, so typing `/` then a letter
// raises an exception inside the running app. No hook in the product: the filter is one of
// runReader's documented options. Usage: node --import tsx crashReader.ts LIBRARY [--mouse]
import { loadLibrary } from '../../src/library/index.js';
import { loadBodies } from '../../src/startup.js';
import { runReader } from '../../src/ui/runReader.js';

const library = await loadLibrary([process.argv[2]]);
const filter = () => {
  throw new Error('injected failure \u001b]0;CRASH-TITLE\u0007 inside the list filter');
};
process.exitCode = await runReader({ library, bodies: await loadBodies(library), color: true, filter, stateDir: process.env.BROADSHEET_STATE_DIR, mouse: process.argv.includes('--mouse') });
