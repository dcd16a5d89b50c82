// The interactive reader: load the library, find the keyboard, paint the first frame at once,
// then hand over to the Ink app (which takes a few hundred milliseconds to load).
import { openSync } from 'node:fs';
import tty from 'node:tty';
import { stateDirectory } from '../state/statePaths.js';
import { CommandError } from './commandError.js';
import { findArticle } from './findArticle.js';
import { openLibrary } from './openLibrary.js';

export interface ReadOptions {
  paths: string[];
  open?: string;
  color: boolean;
}

export async function readCommand(options: ReadOptions): Promise<number> {
  const library = await openLibrary(options.paths);
  const openId = options.open === undefined ? undefined : findArticle(library, options.open).id;
  const stdin = keyboard();
  const stdout = process.stdout;
  // Ink is loaded only once the first frame is on screen: loading it takes the thread.
  const [{ paintFirstFrame }, { renderArticle }] = await Promise.all([import('../ui/firstPaint.js'), import('../render/renderArticle.js')]);
  const firstFrame = paintFirstFrame({ library, render: renderArticle, color: options.color, openId, stateDir: stateDirectory(), stdin, stdout });
  const { runReader } = await import('../ui/runReader.js');
  return runReader({ library, openId, stdin, stdout, color: options.color, firstFrame });
}

/** Keys come from stdin, or from the controlling terminal when stdin is a pipe (as less does). */
function keyboard(): NodeJS.ReadStream {
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new tty.ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    throw new CommandError('the reader needs a terminal for its keys; use `broadsheet list` or `broadsheet show REF` in pipes', 2);
  }
}
