// The progress line of a long import, on a terminal's stderr only: counts, the item being
// fetched and an estimate of the time left, redrawn in place and cleared at the end. Not on a
// terminal it writes nothing (the summary line says what happened).
import { sanitizeLine } from '../text/sanitize.js';
import { truncate } from '../text/width.js';

export interface ImportProgress {
  /** More items are known to be coming. */
  add(count: number): void;
  /** One item is being fetched. */
  started(label: string): void;
  /** One item is done, well or not. */
  finished(failed: boolean): void;
  /** Clear the line. */
  end(): void;
}

const QUIET: ImportProgress = { add() {}, started() {}, finished() {}, end() {} };

export function createImportProgress(err: NodeJS.WritableStream, now: () => number = Date.now): ImportProgress {
  const stream = err as NodeJS.WriteStream;
  if (stream.isTTY !== true) return QUIET;
  const start = now();
  let total = 0;
  let done = 0;
  let failed = 0;
  let current = '';
  let drawnAt = 0;
  const draw = (force = false) => {
    const at = now();
    if (!force && at - drawnAt < 100) return;
    drawnAt = at;
    const left = done > 0 && total > done ? Math.ceil((((at - start) / done) * (total - done)) / 1000) : undefined;
    const text = `importing ${done}/${total}${failed ? `, ${failed} failed` : ''}${left !== undefined ? `, about ${left} s left` : ''}${current ? ` · ${current}` : ''}`;
    stream.write(`\r\x1b[K${truncate(text, Math.max(20, (stream.columns ?? 80) - 1))}`);
  };
  return {
    add(count) {
      total += count;
      draw();
    },
    started(label) {
      current = sanitizeLine(label);
      draw();
    },
    finished(didFail) {
      done += 1;
      if (didFail) failed += 1;
      draw(done === total);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}
