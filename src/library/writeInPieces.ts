// A cache file written from pieces, whole or not at all: the pieces go to a temporary file beside
// it, which then takes its name. write-file-atomic (used for every other file) takes the data in
// one string or buffer; at 100,000 articles the library's cache is 60 MB of JSON, and building it
// whole held it, and the arrays it was made from, all at once (the largest part of a cold start's
// peak memory). Pieces are made and written one after another, and let go.
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Text for the file's end, or for a place already written (`at`, a byte offset): a length known only once what follows it is written. */
export type Piece = string | { at: number; text: string };

/** Write `pieces`, in order, as the file's new text; throws (leaving the old file as it was) when it cannot. */
export function writeInPieces(file: string, pieces: Iterable<Piece>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.floor(Math.random() * 2 ** 32).toString(36)}.tmp`;
  const fd = openSync(temporary, 'w', 0o644);
  try {
    try {
      for (const piece of pieces) {
        if (typeof piece === 'string') writeSync(fd, piece);
        else writeSync(fd, piece.text, piece.at);
      }
    } finally {
      closeSync(fd);
    }
    // No fsync: a cache lost in a crash is only built again.
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw error;
  }
}

/**
 * A JSON array of `items` in pieces: each a run of `per` items encoded, so no piece is the whole
 * array. Pieces stay small (tens of KB): V8 puts a string over 128 KB in its large-object space,
 * which only a full collection frees, so 60 MB written in large pieces piled up as garbage.
 */
export function* jsonArrayPieces<T>(items: readonly T[], encode: (item: T) => unknown, per = 200): Generator<string> {
  yield '[';
  for (let from = 0; from < items.length; from += per) {
    const run = items.slice(from, from + per).map(encode);
    const text = JSON.stringify(run);
    yield from === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`;
  }
  yield ']';
}
