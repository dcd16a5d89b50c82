// Drive the Reader through ink-testing-library: real key sequences in, frames out.
// ink-testing-library renders in Ink's debug mode, which writes every frame even when CI is
// set (is-in-ci only silences the non-debug path), so these tests hold with CI=true too.
import { render } from 'ink-testing-library';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import type { Library } from '../../src/library/types.js';
import type { ArticleFilter } from '../../src/navigation/index.js';
import { createReadingStore } from '../../src/state/readingStore.js';
import type { Opener } from '../../src/ui/opener.js';
import { Reader, type ReaderProps } from '../../src/ui/Reader.js';
import type { RenderById } from '../../src/ui/renderCache.js';
import type { TerminalSize } from '../../src/ui/terminalSize.js';
import { fakeBodyText, fakeRender, memoRender } from '../navigation/fakeLibrary.js';
import type { BodySource } from '../../src/search/librarySearch.js';

export const KEYS = {
  down: '\u001b[B',
  up: '\u001b[A',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  shiftTab: '\u001b[Z',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  pageDown: '\u001b[6~',
  ctrlC: '\u0003',
} as const;

export interface ReaderHarness {
  /** The last frame without styling. */
  frame(): string;
  /** The last frame as written, styling included. */
  rawFrame(): string;
  lines(): string[];
  /** Every frame drawn so far, without styling. */
  frames(): string[];
  press(...keys: string[]): Promise<void>;
  waitForFrame(predicate: (frame: string) => boolean, what?: string, timeoutMs?: number): Promise<string>;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  rerender(size: TerminalSize): void;
  unmount(): void;
  exited(): boolean;
}

export interface HarnessOptions {
  size?: TerminalSize;
  openId?: string;
  render?: RenderById;
  /** Bodies as text for search (default: the hand-built libraries' bodies). */
  bodyText?: BodySource;
  filter?: ArticleFilter;
  opener?: Opener;
  /** Load and save reading state here, as runReader does (saves after `debounceMs`, default 50). */
  stateDir?: string;
  debounceMs?: number;
  /** New libraries while it runs (runReader makes these from the library channel: readerUpdatesOf). */
  updates?: ReaderProps['updates'];
}

export function renderReader(library: Library, options: HarnessOptions = {}): ReaderHarness {
  const size = options.size ?? { columns: 60, rows: 12 };
  const renderById = options.render ?? memoRender(fakeRender(library));
  const extra: Partial<ReaderProps> = { filter: options.filter, opener: options.opener, updates: options.updates };
  if (options.stateDir !== undefined) {
    const store = createReadingStore(options.stateDir, { debounceMs: options.debounceMs ?? 50 });
    const loaded = store.load();
    Object.assign(extra, { store, reading: loaded.state, startMessage: loaded.warning });
  }
  const instance = render(<Reader library={library} render={renderById} bodyText={options.bodyText ?? fakeBodyText} size={size} openId={options.openId} {...extra} />);
  let exited = false;
  // ink-testing-library does not expose waitUntilExit; an exited app unmounts its tree.
  const frame = () => stripAnsi(instance.lastFrame() ?? '');
  const harness: ReaderHarness = {
    frame,
    rawFrame: () => instance.lastFrame() ?? '',
    lines: () => frame().split('\n'),
    frames: () => instance.frames.map((f) => stripAnsi(f)),
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        // Let Ink read the chunk before the next one, as a person's keys arrive.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async waitForFrame(predicate, what = 'the expected frame', timeoutMs = 3000) {
      const start = Date.now();
      for (;;) {
        const current = frame();
        if (predicate(current)) return current;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; last frame:\n${current}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    waitForText(text, timeoutMs) {
      return harness.waitForFrame((f) => f.includes(text), JSON.stringify(text), timeoutMs);
    },
    rerender(newSize) {
      instance.rerender(<Reader library={library} render={renderById} bodyText={options.bodyText ?? fakeBodyText} size={newSize} openId={options.openId} {...extra} />);
    },
    unmount() {
      exited = true;
      instance.unmount();
    },
    exited: () => exited,
  };
  return harness;
}
