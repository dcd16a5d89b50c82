// The first frame kept for the next start. When the reader quits, it lays out the frame the
// next start with the same arguments would paint (the same function, from the index, the
// reading state and the config as they are on disk) and keeps it in the cache folder with what
// it was made from: the arguments, the folder, the terminal's size, the environment that
// decides colours and links, and the stamp (size, mtime) of every file it read, this build's
// own file among them. The next start (src/entry.ts) checks those with a few stats and, when
// all hold, writes the frame before it loads anything else: the first frame costs little more
// than Node's own start. What follows is the usual start, which lays the frame out again and
// writes it only if it differs; the freshness check after it corrects a changed file as ever.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory } from '../state/statePaths.js';
import { textHash } from '../text/textHash.js';
import { ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, HOME, holdTerminal } from './terminalModes.js';

/** Bump when what a kept frame holds changes. */
const SNAPSHOT_FORMAT = 1;

/** What decides a first frame besides the files: arguments, folder, size, environment. */
interface FrameInputs {
  argv: string[];
  cwd: string;
  columns: number;
  rows: number;
  env: Record<string, string>;
}

interface KeptFrame extends FrameInputs {
  format: number;
  /** Every file the frame was made from, with its stamp then ("missing" for one that was not there). */
  files: [string, string][];
  text: string;
}

/** Variables that decide colours, hyperlinks, widths or where broadsheet's files are: a change in any is a different frame. */
const DECIDING_ENV = /^(TERM|COLORTERM|COLUMNS|LINES|NO_COLOR|FORCE_COLOR|FORCE_HYPERLINK|CI|CI_\w+|BROADSHEET_\w+|VTE_VERSION|WT_SESSION|KONSOLE_VERSION|TMUX|DOMTERM|TEAMCITY_VERSION|TRAVIS|CIRCLECI|APPVEYOR|GITLAB_CI|GITHUB_ACTIONS|GITEA_ACTIONS|BUILDKITE|DRONE|TF_BUILD|AGENT_NAME|NETLIFY|LANG|LC_\w+)$/;

/** The file of the code that lays frames out (this module's, in the main bundle): a rebuilt broadsheet has another, or another stamp, so its frames are never taken for this one's. */
const OWN_FILE = fileURLToPath(import.meta.url);

// The entry (src/entry.ts) is bundled on its own, so this module has two copies: the frame the
// entry painted is handed to the main bundle's paintFirstFrame through one global slot.
const EARLY = Symbol.for('broadsheet.earlyFrame');
const slot = globalThis as { [EARLY]?: EarlyFrame | null };

function inputsNow(argv: readonly string[], stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): FrameInputs {
  const deciding: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) if (DECIDING_ENV.test(name) && env[name] !== undefined) deciding[name] = env[name]!;
  return { argv: [...argv], cwd: process.cwd(), columns: stdout.columns || 80, rows: stdout.rows || 24, env: deciding };
}

function keptFrameFile(cacheDir: string, inputs: Pick<FrameInputs, 'argv' | 'cwd'>): string {
  return join(cacheDir, 'first-frame', `${textHash(JSON.stringify([inputs.cwd, inputs.argv]))}.json`);
}

function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

const sameInputs = (a: FrameInputs, b: FrameInputs) =>
  a.cwd === b.cwd && a.columns === b.columns && a.rows === b.rows && JSON.stringify(a.argv) === JSON.stringify(b.argv) && JSON.stringify(a.env) === JSON.stringify(b.env);

/** A frame painted before anything else loaded, for paintFirstFrame to take over. */
export interface EarlyFrame {
  text: string;
  /** Remove its exit handlers (whoever takes over installs its own). */
  release(): void;
  /** Give the terminal back now (the start will not paint after all). */
  restore(): void;
}

/** The frame the entry painted, once (null when it painted none). */
export function takeEarlyFrame(): EarlyFrame | null {
  const taken = slot[EARLY] ?? null;
  slot[EARLY] = null;
  return taken;
}

/**
 * At the very start (src/entry.ts): the frame kept for these arguments, painted when everything
 * it was made from is as it was; raw mode taken at once, as the usual first paint does. Never
 * throws: anything amiss means the usual start paints.
 */
export function paintKeptFrame(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  try {
    const { stdout, stdin } = process;
    if (!stdout.isTTY || !stdin.isTTY || env.TERM === 'dumb') return;
    const inputs = inputsNow(argv, stdout, env);
    const kept = JSON.parse(readFileSync(keptFrameFile(cacheDirectory(env), inputs), 'utf8')) as KeptFrame;
    if (kept.format !== SNAPSHOT_FORMAT || typeof kept.text !== 'string' || !Array.isArray(kept.files) || !sameInputs(kept, inputs)) return;
    if (!kept.files.every(([file, stamp]) => stampOf(file) === stamp)) return;
    const held = holdTerminal(stdout, stdin);
    stdin.setRawMode(true);
    stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + kept.text + HOME);
    slot[EARLY] = { text: kept.text, release: held.release, restore: held.restore };
  } catch {
    // No frame kept, or one that cannot be read: the usual start paints.
  }
}

/**
 * When the reader quits: keep `text`, the frame the next start with these arguments would
 * paint, made from `files` (their stamps are taken now, after it was made). Never throws.
 */
export function keepFrame(argv: readonly string[], text: string, files: readonly string[], stdout: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const inputs = inputsNow(argv, stdout, env);
    const kept: KeptFrame = { format: SNAPSHOT_FORMAT, ...inputs, files: [...files, OWN_FILE].map((file) => [file, stampOf(file)]), text };
    const file = keptFrameFile(cacheDirectory(env), inputs);
    mkdirSync(join(file, '..'), { recursive: true });
    // Written beside and renamed over: a start never reads half a frame (a broken one is ignored anyway).
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, file);
  } catch {
    // A frame that cannot be kept only costs the next start its head start.
  }
}
