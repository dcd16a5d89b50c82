// Which files make up the library (SPEC §1): folders read recursively, files given
// directly; dotfiles, dot-folders and node_modules skipped; a symlink followed only
// when its real target stays inside the root's real path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleFormat, Problem } from './types.js';

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'] as const;

/** Thrown when a path given on the command line does not exist (the CLI makes it a usage error). */
export class LibraryPathError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryPathError';
  }
}

export interface ScannedFile {
  /** Absolute path as reached through the root (not the symlink's target). */
  absPath: string;
  /** Absolute path of its root. */
  root: string;
  /** Relative to the root, `/` separators, with extension. */
  relPath: string;
  /** Lower-case extension with the dot, e.g. `.md`. */
  ext: string;
  format: ArticleFormat;
}

export interface ScanResult {
  roots: string[];
  files: ScannedFile[];
  problems: Problem[];
}

export function formatForExtension(ext: string): ArticleFormat {
  const e = ext.toLowerCase();
  if (e === '.txt') return 'text';
  if (e === '.html' || e === '.htm') return 'html';
  return 'markdown';
}

export function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function scanned(root: string, absPath: string): ScannedFile {
  const ext = path.extname(absPath).toLowerCase();
  return { absPath, root, relPath: toSlash(path.relative(root, absPath)), ext, format: formatForExtension(ext) };
}

async function walk(
  root: string,
  rootReal: string,
  dir: string,
  visited: Set<string>,
  out: ScannedFile[],
  problems: Problem[],
): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    const rel = toSlash(path.relative(root, dir)) || '.';
    problems.push({ id: rel, kind: 'unreadable', message: `${rel}: folder cannot be read (${errCode(err)})`, target: rel });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Followed only when the real target stays inside the root.
      let real: string;
      try {
        real = await fs.realpath(abs);
      } catch {
        continue; // dangling link: nothing to read
      }
      if (!isInside(rootReal, real)) continue;
      try {
        const st = await fs.stat(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue;
      }
      if (isDir) {
        if (visited.has(real)) continue; // a link cycle
        visited.add(real);
      }
    }
    if (isDir) {
      if (!entry.isSymbolicLink()) {
        const real = await fs.realpath(abs).catch(() => abs);
        if (visited.has(real)) continue;
        visited.add(real);
      }
      await walk(root, rootReal, abs, visited, out, problems);
    } else if (isFile && isArticleFile(entry.name)) {
      out.push(scanned(root, abs));
    }
  }
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** Walk the paths given; a missing path throws LibraryPathError, anything else becomes a problem. */
export async function scanLibrary(paths: string[]): Promise<ScanResult> {
  const roots: string[] = [];
  const files: ScannedFile[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (f: ScannedFile) => {
    if (seen.has(f.absPath)) return;
    seen.add(f.absPath);
    files.push(f);
  };
  for (const given of paths) {
    const abs = path.resolve(given);
    let st;
    try {
      st = await fs.stat(abs);
    } catch (err) {
      throw new LibraryPathError(given, `${given}: no such file or folder (${errCode(err)})`);
    }
    if (st.isDirectory()) {
      if (!roots.includes(abs)) roots.push(abs);
      const rootReal = await fs.realpath(abs).catch(() => abs);
      const found: ScannedFile[] = [];
      await walk(abs, rootReal, abs, new Set([rootReal]), found, problems);
      found.forEach(add);
    } else {
      // A file given directly is an article of its own folder, whatever its extension.
      const root = path.dirname(abs);
      if (!roots.includes(root)) roots.push(root);
      add(scanned(root, abs));
    }
  }
  return { roots, files, problems };
}
