// `broadsheet show REF`: one rendered article on stdout (SPEC §2).
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findArticle } from './findArticle.js';
import { openLibrary } from './openLibrary.js';

export interface ShowOptions {
  ref: string;
  paths: string[];
  defaultPaths: string[];
  width: number;
  color: boolean;
  out: NodeJS.WritableStream;
}

export async function showCommand(options: ShowOptions): Promise<number> {
  const library = await openLibrary(options.paths.length > 0 ? options.paths : libraryForRef(options.ref, options.defaultPaths));
  const article = findArticle(library, options.ref);
  const { renderArticle } = await import('../render/renderArticle.js');
  const rendered = renderArticle(article, { width: options.width, color: options.color });
  options.out.write(`${rendered.lines.join('\n')}\n`);
  return 0;
}

/** With no PATH, a REF that is a file opens its own folder as the library. */
function libraryForRef(ref: string, defaultPaths: string[]): string[] {
  const path = resolve(ref);
  return existsSync(path) && statSync(path).isFile() ? [dirname(path)] : defaultPaths;
}
