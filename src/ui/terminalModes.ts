// The terminal's modes the reader takes and gives back (alternate screen, cursor), and the
// signals that end it: shared by the frames painted before Ink loads and the Ink app.
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H\u001b[2J';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
export const HIDE_CURSOR = '\u001b[?25l';
export const SHOW_CURSOR = '\u001b[?25h';
export const HOME = '\u001b[H';

/** The signals that end the reader, with their exit codes (128 + the signal's number); each leaves the terminal as it was found. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGQUIT: 131, SIGTERM: 143, SIGHUP: 129 } as const;
export type EndingSignal = keyof typeof SIGNAL_EXIT;
export const ENDING_SIGNALS = Object.keys(SIGNAL_EXIT) as EndingSignal[];

/**
 * Until whoever painted next takes over, any way out gives the terminal back: raw mode off
 * (when `stdin` is given), the cursor shown, the alternate screen left. `release` removes the
 * handlers (the next owner installs its own); `restore` gives the terminal back now.
 */
export function holdTerminal(stdout: NodeJS.WriteStream, stdin?: NodeJS.ReadStream): { release(): void; restore(): void } {
  const restore = () => {
    try {
      if (stdin?.isTTY) stdin.setRawMode(false);
      stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // The terminal may be gone.
    }
  };
  const onSignal = (signal: EndingSignal) => {
    restore();
    process.exit(SIGNAL_EXIT[signal]);
  };
  process.once('exit', restore);
  for (const signal of ENDING_SIGNALS) process.once(signal, onSignal);
  return {
    release() {
      process.off('exit', restore);
      for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
    },
    restore,
  };
}
