// `broadsheet show REF`: one rendered article on stdout (SPEC §2).
import { statSync, type Stats } from 'node:fs';
import { dirname, extname, posix, resolve } from 'node:path';
import { formatForExtension, LibraryPathError, loadLibrary, loadLibrarySync, specialFileKind } from '../library/index.js';
import type { Article, Library } from '../library/types.js';
import { CommandError } from './commandError.js';
import { loadBodies, loadFileReader, loadHighlighter } from '../startup.js';
import { findArticle } from './findArticle.js';
import { openLibrary } from './openLibrary.js';
import { UsageError } from './parseCommandLine.js';
import type { Theme } from '../render/theme.js';

export interface ShowOptions {
  ref: string;
  paths: string[];
  defaultPaths: string[];
  width: number;
  color: boolean;
  /** The colours of each role (the config file's theme). */
  theme?: Theme;
  /** External links as terminal hyperlinks. */
  hyperlinks?: boolean;
  out: NodeJS.WritableStream;
}

export async function showCommand(options: ShowOptions): Promise<number> {
  const library = options.paths.length > 0 ? await openLibrary(options.paths) : await libraryForRef(options.ref, options.defaultPaths);
  const article = findArticle(library, options.ref);
  const { store, renderArticle } = await loadBodies(library, article);
  const entry = store.read(article.id)!;
  let rendered = renderArticle(entry, { width: options.width, color: options.color, theme: options.theme, hyperlinks: options.hyperlinks });
  // Code with a language, in colour: load the highlighter and lay it out again (an article without
  // such a block never loads it).
  if (rendered.plainCode) rendered = renderArticle(entry, { width: options.width, color: options.color, theme: options.theme, hyperlinks: options.hyperlinks, highlight: await loadHighlighter() });
  options.out.write(`${rendered.lines.join('\n')}\n`);
  return 0;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * With no PATH, a REF that is a file opens its own folder as the library: the files beside it
 * and, below it, only the files its links name, never the folder's whole tree (a note in a home
 * directory would otherwise have every file under it parsed, and any bad one break the command).
 * Read without the metadata cache: this partial library must not replace the folder's entry.
 */
async function libraryForRef(ref: string, defaultPaths: string[]): Promise<Library> {
  const path = resolve(ref);
  const st = statOrNull(path);
  const special = st && specialFileKind(st);
  if (special) throw new CommandError(`cannot show ${ref}: ${special}, not a file; only files and folders are read`, 2);
  if (!st?.isFile()) return openLibrary(defaultPaths);
  try {
    // The file alone names the files to read below its folder (its links that find nothing
    // there), so it is loaded on its own only when the scan meets a folder: a file in a folder
    // without subfolders is read once, in the folder's load (the reader keeps that parse).
    const reader = await loadFileReader(formatForExtension(extname(path)) === 'html');
    let named: string[] | undefined;
    const namedBelow = () => (named ??= namedPaths(loadLibrarySync([path], reader).articles[0]));
    // The other pages only for their titles and addresses (what the shown page's links resolve
    // against): their metadata pass, never their extraction.
    return await loadLibrary([dirname(path)], {
      pages: 'metadata',
      scan: {
        include: (relPath, kind) =>
          kind === 'folder' ? namedBelow().some((name) => name.startsWith(`${relPath.toLowerCase()}/`)) : !relPath.includes('/') || namedBelow().includes(withoutExtension(relPath.toLowerCase())),
      },
    });
  } catch (error) {
    if (error instanceof LibraryPathError) throw new UsageError(error.message);
    throw error;
  }
}

const withoutExtension = (relPath: string) => relPath.replace(/\.[^./]*$/, '');

/**
 * The paths below the file's folder that its unresolved links name (lower case, `/` separators,
 * each with and without its extension): REFs tried as paths or ids (SPEC §1a steps 1–2), and the
 * last-segments form of step 4. URLs, titles and paths leaving the folder name no file to read.
 */
function namedPaths(article: Article | undefined): string[] {
  const named: string[] = [];
  for (const problem of article?.problems ?? []) {
    if (problem.kind !== 'unresolved' || problem.target === undefined) continue;
    const ref = problem.target.replace(/#.*$/, '').replace(/\\/g, '/').trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/')) continue;
    const normal = posix.normalize(ref).toLowerCase();
    if (normal.startsWith('../') || !normal.includes('/')) continue;
    named.push(normal, withoutExtension(normal));
  }
  return named;
}
