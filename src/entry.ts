// The program's entry (dist/cli.js, bundled on its own: a few kilobytes): the first frame kept
// from the last run is painted when everything it was made from is as it was
// (ui/frameSnapshot.ts), before the rest of the program is loaded; then the command line is
// read and run (cli.ts, dist/main.js) as on any start.
import { paintKeptFrame } from './ui/frameSnapshot.js';

paintKeptFrame(process.argv.slice(2));
// Not bundled into this file: the main bundle is loaded as it is, with its chunks.
const main = new URL('./main.js', import.meta.url).href;
await import(main);
