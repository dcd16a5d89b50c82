// The interactive reader: load the library, find the keyboard, paint the first frame at once,
// then hand over to the Ink app (which takes a few hundred milliseconds to load).
import { openSync } from 'node:fs';
import tty from 'node:tty';
import { loadBodies, loadReaderUi } from '../startup.js';
import { stateDirectory } from '../state/statePaths.js';
import { paintFirstFrame } from '../ui/firstPaint.js';
import { bodiesPending, createRenderCache } from '../ui/renderCache.js';
import { CommandError } from './commandError.js';
import { findArticle } from './findArticle.js';
import { openLibrary } from './openLibrary.js';

export interface ReadOptions {
  paths: string[];
  open?: string;
  color: boolean;
}

export async function readCommand(options: ReadOptions): Promise<number> {
  // A warm start parses no file, so no parser is loaded before the first frame (SPEC §5).
  const library = await openLibrary(options.paths);
  const openId = options.open === undefined ? undefined : findArticle(library, options.open).id;
  const stdin = keyboard();
  const stdout = process.stdout;
  // The list, the usual first frame, lays out no article: bodies (the parsers and the renderer)
  // are loaded after it, unless an article is opened at once.
  const opened = openId !== undefined ? await loadBodies(library) : null;
  const render = opened ? createRenderCache(opened.store, opened.renderArticle, options.color) : bodiesPending;
  // Ink is loaded only once the first frame is on screen: loading it takes the thread. The first
  // paint is imported with this module, so its files are fetched with the library's.
  const firstFrame = paintFirstFrame({ library, render, openId, stateDir: stateDirectory(), stdin, stdout });
  const [{ runReader }, bodies] = await Promise.all([loadReaderUi(), opened ?? loadBodies(library)]);
  return runReader({ library, bodies, openId, stdin, stdout, color: options.color, firstFrame });
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
