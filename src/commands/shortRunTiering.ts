// V8 optimises a function once it has run for a while (its interrupt budget, counted in bytecode
// executed), on a second core. A command that prints and exits in well under a second pays for
// most of that optimising and never earns it back: `show` of the bench's 250 KB article spent
// ~150 ms of CPU on it, a third of the run. A larger budget leaves the code that runs briefly on
// the baseline tiers and still optimises what runs long (marked's lexer, the layout's loops).
// Set for the run before the parsers and the renderer are loaded, so every function they bring
// starts with it; the reader, which runs for minutes, keeps V8's default.
import { createRequire } from 'node:module';

/** Four times V8's default (67,584): in interleaved runs of `show`, 2× saved a quarter as much CPU, 8× and 16× no more. */
const SHORT_RUN_BUDGET = 4 * 67_584;

/** For a command that exits as soon as its output is written. */
export function tierForShortRun(): void {
  // node:v8 is loaded here, not with the entry: it costs ~2 ms that the reader's first frame never needs.
  const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(`--interrupt-budget=${SHORT_RUN_BUDGET}`);
}
