// Drives the built binary in a real pseudo-terminal (node-pty) and reads the screen as a
// terminal shows it (@xterm/headless). Tests wait for screen states, never fixed delays.
import { spawn, type IPty } from 'node-pty';
import xtermHeadless from '@xterm/headless';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { hermeticEnv } from '../helpers/hermeticEnv.js';

const { Terminal } = xtermHeadless;

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${REPO_ROOT}bin/broadsheet.js`;

export interface TerminalSession {
  /** The visible screen, one string per row, right-trimmed. */
  screen(): string[];
  text(): string;
  /** Everything the program wrote, raw, escapes included. */
  raw(): string;
  write(keys: string): void;
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the process has ended and its output is on screen. */
  exited: Promise<number>;
  isAlternateScreen(): boolean;
  resize(cols: number, rows: number): void;
  kill(signal?: string): void;
}

export interface SpawnOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Run through `sh -c` instead of node directly (e.g. to print `stty -a` afterwards). */
  shell?: string;
}

/**
 * A clean environment: no CI flags (Ink draws nothing in CI), no extra CA certs, and state, cache
 * and config folders of its own unless `extra` names them (see hermeticEnv.ts).
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key === 'NODE_EXTRA_CA_CERTS' || key === 'NO_COLOR' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  return { ...env, ...hermeticEnv(), TERM: 'xterm-256color', ...extra };
}

export function startTerminal(args: string[], options: SpawnOptions = {}): TerminalSession {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  const env = childEnv(options.env);
  // node-pty sets TERM to `name`, whatever `env` says: pass the TERM asked for (TERM=dumb tests).
  const name = env.TERM;
  const pty: IPty = options.shell
    ? spawn('/bin/sh', ['-c', options.shell], { cols, rows, cwd: REPO_ROOT, env, name })
    : spawn(process.execPath, [BIN, ...args], { cols, rows, cwd: REPO_ROOT, env, name });

  let raw = '';
  let pending = Promise.resolve();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  pty.onData((data) => {
    raw += data;
    // xterm parses asynchronously: notify once this chunk is on the screen.
    pending = new Promise<void>((resolve) => terminal.write(data, resolve)).then(notify);
  });

  const exited = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode }) => {
      void pending.then(() => resolve(exitCode));
    });
  });

  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row++) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines;
  };
  const text = () => screen().join('\n');

  const waitFor = (predicate: (screen: string) => boolean, what: string, timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const current = text();
        if (predicate(current)) {
          cleanup();
          resolve(current);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; screen was:\n${text()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  return {
    screen,
    text,
    raw: () => raw,
    write: (keys) => pty.write(keys),
    waitFor,
    waitForText: (needle, timeoutMs) => waitFor((current) => current.includes(needle), JSON.stringify(needle), timeoutMs),
    exited,
    isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
    resize: (newCols, newRows) => {
      terminal.resize(newCols, newRows);
      pty.resize(newCols, newRows);
    },
    kill: (signal) => pty.kill(signal),
  };
}

/**
 * Sessions put in the returned list are killed when the test file ends: a failed wait must not
 * leave a reader running in its pty, or the test run would never end.
 */
/**
 * Scroll down with `j` until the top line holds `words` (at most `most` lines): one line at a
 * time, each waited for by the top line moving. Not by the status line, which the reader's
 * background work (search index, "mentioned in") changes too: a `j` sent on such a change goes
 * before the last one was drawn, and two at once can scroll past the line looked for.
 */
export async function scrollUntilTop(terminal: TerminalSession, words: string, most = 40): Promise<void> {
  for (let i = 0; i < most && !terminal.screen()[0].includes(words); i++) {
    const top = terminal.screen()[0];
    terminal.write('j');
    await terminal.waitFor(() => terminal.screen()[0] !== top, 'a line down');
  }
}

export function sessionsKilledAfterTests(): TerminalSession[] {
  const sessions: TerminalSession[] = [];
  after(() => {
    for (const session of sessions) {
      try {
        session.kill('SIGKILL');
      } catch {
        // Already ended.
      }
    }
  });
  return sessions;
}
