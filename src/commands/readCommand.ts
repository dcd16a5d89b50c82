// The interactive reader: load the library, find the keyboard, paint the first frame at once,
// then hand over to the Ink app (which takes a few hundred milliseconds to load).
import { openSync } from 'node:fs';
import tty from 'node:tty';
import { preloadParsers } from '../library/index.js';
import type { RenderedArticle, RenderOptions } from '../render/types.js';
import type { Article } from '../library/types.js';
import { stateDirectory } from '../state/statePaths.js';
import { paintFirstFrame } from '../ui/firstPaint.js';
import { CommandError } from './commandError.js';
import { findArticle } from './findArticle.js';
import { openLibrary } from './openLibrary.js';

export interface ReadOptions {
  paths: string[];
  open?: string;
  color: boolean;
}

export async function readCommand(options: ReadOptions): Promise<number> {
  // Nothing is parsed on a warm start, so the parsers load after the first frame (SPEC §5).
  const library = await openLibrary(options.paths, { deferParsers: true });
  const openId = options.open === undefined ? undefined : findArticle(library, options.open).id;
  const stdin = keyboard();
  const stdout = process.stdout;
  // The list, the usual first frame, lays out no article: the renderer (marked) and the parsers
  // bodies are read with are loaded after it, unless an article is opened at once.
  let renderer: ((article: Article, options: RenderOptions) => RenderedArticle) | null = null;
  const articlesReady = async () => {
    const [{ renderArticle }] = await Promise.all([import('../render/renderArticle.js'), preloadParsers(library)]);
    renderer = renderArticle;
  };
  if (openId !== undefined) await articlesReady();
  const render = (article: Article, renderOptions: RenderOptions): RenderedArticle => {
    if (!renderer) throw new Error('the renderer is not loaded yet');
    return renderer(article, renderOptions);
  };
  // Ink is loaded only once the first frame is on screen: loading it takes the thread. The first
  // paint is imported with this module, so its files are fetched with the library's.
  const firstFrame = paintFirstFrame({ library, render, color: options.color, openId, stateDir: stateDirectory(), stdin, stdout });
  const [{ runReader }] = await Promise.all([import('../ui/runReader.js'), renderer ? undefined : articlesReady()]);
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
