// How wide and whether coloured: decided once from flags, NO_COLOR and the terminal (SPEC §2).
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

export const MAX_READING_WIDTH = 100;
export const PIPE_WIDTH = 80;

/** The flag's width, else the terminal's up to `readingWidth` (the config file's `width:`), else 80 (or that width) in a pipe. */
export function chooseWidth(flagWidth: number | undefined, stdout: OutputStream, readingWidth?: number): number {
  if (flagWidth !== undefined) return flagWidth;
  if (stdout.isTTY && stdout.columns) return Math.min(stdout.columns, readingWidth ?? MAX_READING_WIDTH);
  return readingWidth ?? PIPE_WIDTH;
}

export function chooseColor(flagColor: boolean | undefined, stdout: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (flagColor !== undefined) return flagColor;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (isDumbTerminal(env)) return false;
  return stdout.isTTY === true;
}

/**
 * TERM=dumb: a terminal that cannot move its cursor or switch screens (Emacs shell buffers, some
 * IDE consoles). It gets plain lines only: no colour, no alternate screen, no reader.
 */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'dumb';
}
