// The mouse, opt in: SGR mouse reporting (modes 1000 and 1006: presses, releases and the wheel,
// as `ESC [ < b ; x ; y M|m`). Ink reads stdin itself and would take these for keys, so the
// reader hands Ink a stream with the mouse reports taken out, and gives them to the app instead.
import { PassThrough } from 'node:stream';

export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

/** A press of the left button or a wheel step; x and y are 0-based cells from the top-left. */
export type MouseEvent = { kind: 'wheel'; down: boolean; x: number; y: number } | { kind: 'click'; x: number; y: number };

export interface MouseEvents {
  subscribe(listener: (event: MouseEvent) => void): () => void;
}

// eslint-disable-next-line no-control-regex
const REPORT = /\u001b\[<(\d+);(\d+);(\d+)([Mm])/g;

/** The mouse events in a chunk of input, and the input with their reports taken out. */
export function takeMouseReports(chunk: string): { rest: string; events: MouseEvent[] } {
  const events: MouseEvent[] = [];
  const rest = chunk.replace(REPORT, (_, b: string, x: string, y: string, end: string) => {
    const button = Number(b);
    const at = { x: Number(x) - 1, y: Number(y) - 1 };
    if (button & 64) events.push({ kind: 'wheel', down: (button & 1) === 1, ...at });
    else if (end === 'M' && (button & 3) === 0 && (button & 32) === 0) events.push({ kind: 'click', ...at });
    return '';
  });
  return { rest, events };
}

/**
 * A stdin for Ink without the mouse reports: the terminal's own stream does the TTY work (raw
 * mode, ref/unref), the keys pass through, the reports go to `events`' listeners.
 */
export function mouseFilteredInput(stdin: NodeJS.ReadStream): { input: NodeJS.ReadStream; events: MouseEvents; stop(): void } {
  const listeners = new Set<(event: MouseEvent) => void>();
  const input = new PassThrough({ encoding: 'utf8' }) as unknown as NodeJS.ReadStream & PassThrough;
  Object.assign(input, {
    isTTY: stdin.isTTY,
    setRawMode: (mode: boolean) => {
      if (stdin.isTTY) stdin.setRawMode(mode);
      return input;
    },
    ref: () => {
      stdin.ref();
      return input;
    },
    unref: () => {
      stdin.unref();
      return input;
    },
  });
  const onData = (data: Buffer | string) => {
    const { rest, events } = takeMouseReports(typeof data === 'string' ? data : data.toString('utf8'));
    for (const event of events) for (const listener of [...listeners]) listener(event);
    if (rest !== '') input.write(rest);
  };
  stdin.on('data', onData);
  return {
    input,
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    stop: () => {
      stdin.off('data', onData);
      input.end();
    },
  };
}
