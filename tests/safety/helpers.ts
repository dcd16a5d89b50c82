// Shared by the safety tests: a temporary copy of the hostile fixture library with the files
// that cannot be committed (symlinks out of the root, names holding ESC or a newline, a 50 MB
// file), the built binary run outside and inside a terminal, and the escape checks.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTerminal, type SpawnOptions, type TerminalSession } from '../e2e/terminal.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'hostile');
/**
 * The built binary. BROADSHEET_TEST_BIN lets a run in a checkout shared with others point at a
 * private build (another person's `npm run build` empties dist/ for a moment).
 */
export const BIN = process.env.BROADSHEET_TEST_BIN || join(REPO_ROOT, 'bin', 'broadsheet.js');

export const SECRET_MARKER = 'SECRET-MARKER-7f3a91';
/** A name holding an OSC 0 window-title sequence, and one holding a newline. */
export const ESC_NAME = 'esc-\u001b]0;NAME-TITLE\u0007.md';
export const NEWLINE_NAME = 'line\nbreak.md';
export const HUGE_BYTES = 50 * 1024 * 1024;

export interface HostileLibrary {
  /** The library root (a temporary copy of tests/fixtures/hostile plus the extras). */
  root: string;
  /** A folder beside the root holding a file that must never be read. */
  outside: string;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `broadsheet-safety-${prefix}-`));
}

/**
 * The fixture copied to a temp folder, with: symlinks to /etc/passwd, to a secret file and a
 * folder outside the root; a file named with ESC and one with a newline; optionally a 50 MB file
 * (sparse where the file system allows: its size is what counts).
 */
export function hostileLibrary(options: { huge?: boolean } = {}): HostileLibrary {
  const base = tempDir('lib');
  const root = join(base, 'library');
  const outside = join(base, 'outside');
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), `# ${SECRET_MARKER}\n\n${SECRET_MARKER} body\n`);
  writeFileSync(join(base, 'outside-secret.md'), `# ${SECRET_MARKER}\n`);
  symlinkSync('/etc/passwd', join(root, 'passwd.md'));
  symlinkSync(join(outside, 'secret.md'), join(root, 'secret.md'));
  symlinkSync(outside, join(root, 'linked-outside'));
  symlinkSync('../../outside/secret.md', join(root, 'names', 'relative-secret.md'));
  writeFileSync(join(root, ESC_NAME), '# Named with an escape\n\nThe file name holds OSC 0.\n');
  writeFileSync(join(root, NEWLINE_NAME), '# Named with a newline\n\nThe file name holds a line break.\n');
  if (options.huge) {
    const fd = openSync(join(root, 'huge.md'), 'w');
    try {
      writeSync(fd, '# Huge\n\n');
      ftruncateSync(fd, HUGE_BYTES);
    } finally {
      closeSync(fd);
    }
  }
  return { root, outside };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The binary with stdout and stderr as pipes; never inherits CI / colour variables; own state, cache, config. */
export function runBin(args: string[], env: Record<string, string | undefined> = {}, stdin: 'ignore' | 'pipe' = 'pipe'): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const merged: Record<string, string | undefined> = { ...process.env, ...hermeticEnv(), NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, ...env };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: merged as NodeJS.ProcessEnv, stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
    child.stdin?.end();
  });
}

/** Single-quote for /bin/sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The binary in a pseudo-terminal, through `sh -c 'exec node BIN …'` so the override above
 * applies and signals reach node itself. `after` runs once it has ended (e.g. `stty -a`): then
 * the command is not exec'd and prints `exit=N` first.
 */
export function startBin(args: string[], options: SpawnOptions & { after?: string; redirect?: string } = {}): TerminalSession {
  const command = `"${process.execPath}" ${shQuote(BIN)} ${args.map(shQuote).join(' ')}${options.redirect ? ` ${options.redirect}` : ''}`;
  const shell = options.after ? `${command}; echo "exit=$?"; ${options.after}` : `exec ${command}`;
  return startTerminal([], { ...options, shell });
}

// ---- escape checks -------------------------------------------------------------------------

/** Controls judged on code points (SPEC §4): C0 but \n, DEL, C1, bidi embeddings/overrides/isolates. */
const FOREIGN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Broadsheet's own styling: SGR only. */
const SGR = /\u001b\[[0-9;]*m/g;

/** The first control sequence or control character in `text` that broadsheet did not produce, or null. */
export function foreignControl(text: string, color: boolean): string | null {
  const rest = color ? text.replace(SGR, '') : text;
  const match = FOREIGN.exec(rest);
  if (!match) return null;
  const at = match.index;
  return JSON.stringify(rest.slice(Math.max(0, at - 20), at + 20));
}

/**
 * In a terminal session's raw output: sequences that change something outside the screen or that
 * only a file could have produced. Broadsheet itself never writes OSC, DCS, APC, PM, SOS,
 * bracketed-paste markers, 8-bit C1 or bidi controls.
 */
export function hostileInRaw(raw: string): string | null {
  const checks: [string, RegExp][] = [
    ['OSC (window title, clipboard, hyperlink)', /\u001b\]/],
    ['DCS / SOS / PM / APC', /\u001b[PX^_]/],
    ['bracketed paste', /\u001b\[20[01]~/],
    ['8-bit C1', /[\u0080-\u009f]/],
    ['bidi control', /[\u202a-\u202e\u2066-\u2069]/],
    ['BEL', /\u0007/],
  ];
  for (const [what, pattern] of checks) {
    const match = pattern.exec(raw);
    if (match) return `${what} at ${match.index}: ${JSON.stringify(raw.slice(Math.max(0, match.index - 30), match.index + 30))}`;
  }
  return null;
}
