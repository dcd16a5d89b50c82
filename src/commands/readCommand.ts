// The interactive reader: load the library, find the keyboard, hand over to the Ink app.
import { openSync } from 'node:fs';
import tty from 'node:tty';
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
  const { runReader } = await import('../ui/runReader.js');
  return runReader({ library, openId, stdin, stdout: process.stdout, color: options.color });
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
