// Which files make up the library (SPEC §1): folders read recursively, files given
// directly; dotfiles, dot-folders and node_modules skipped; a symlink followed only
// when its real target stays inside the root's real path.
import { readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isInsideRoot } from './containment.js';
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
  /** Size and modification time, when the scan already had to stat the file (a symlink's target, a file given directly). */
  stat?: FileStamp;
}

/** What the loader needs to know of a file before reading it (and what keys the cache). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export function stampOf(st: Stats): FileStamp {
  return { size: st.size, mtimeMs: st.mtimeMs };
}

export interface ScanOptions {
  /**
   * Which entries below a folder given are read, by path from its root (`/` separators): folders
   * entered, files kept. Default: every one (SPEC §1: folders are read recursively). `show FILE`
   * reads the file's own folder and the files its links name, never a whole home directory.
   */
  include?(relPath: string, kind: 'folder' | 'file'): boolean;
}

/** A file of the library that is not an article (an image, a PDF, a canvas…): links may name it. */
export interface AttachmentFile {
  absPath: string;
  root: string;
  /** Relative to the root, `/` separators. */
  relPath: string;
}

export interface ScanResult {
  roots: string[];
  files: ScannedFile[];
  /** Files below the folders given that are not articles; never read, only named. */
  attachments: AttachmentFile[];
  problems: Problem[];
}

/** A file's kind, for the one line that says why a path that is no regular file is not read. */
export function specialFileKind(st: Stats): string | null {
  if (st.isFile() || st.isDirectory()) return null;
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

export function formatForExtension(ext: string): ArticleFormat {
  const e = ext.toLowerCase();
  if (e === '.txt') return 'text';
  if (e === '.html' || e === '.htm') return 'html';
  return 'markdown';
}

/** Dotfiles, dot-folders (.git, .obsidian) and node_modules are never part of a library. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}


function scanned(root: string, absPath: string, stat?: FileStamp, relPath?: string): ScannedFile {
  const ext = path.extname(absPath).toLowerCase();
  const file: ScannedFile = { absPath, root, relPath: relPath ?? toSlash(path.relative(root, absPath)), ext, format: formatForExtension(ext) };
  if (stat) file.stat = stat;
  return file;
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

// Synchronous on purpose: one promise per directory entry costs more than the system calls.
// `relDir` is `dir` relative to the root with `/` separators ('' for the root itself): paths are
// built by joining names, which is what path.join / path.relative would give, without their cost.
function walk(
  root: string,
  rootReal: string,
  dir: string,
  relDir: string,
  visited: Set<string>,
  out: ScannedFile[],
  attachments: AttachmentFile[],
  problems: Problem[],
  include: ScanOptions['include'],
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const rel = toSlash(path.relative(root, dir)) || '.';
    problems.push({ id: rel, kind: 'unreadable', message: `${rel}: folder cannot be read (${errCode(err)})`, target: rel });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const abs = dir.endsWith(path.sep) ? dir + entry.name : dir + path.sep + entry.name;
    const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let stat: FileStamp | undefined;
    if (entry.isSymbolicLink()) {
      // Followed only when the real target stays inside the root.
      let real: string;
      try {
        real = realpathSync(abs);
      } catch (err) {
        // A dangling link named like an article, pointing inside the root: a file that cannot be read.
        if (isArticleFile(entry.name) && danglesInside(root, rootReal, abs)) {
          problems.push({ id: rel, kind: 'unreadable', message: `${rel}: cannot be read (${errCode(err)}: the link points to nothing)`, target: rel });
        }
        continue;
      }
      if (!isInsideRoot(rootReal, real)) {
        // Never followed (nothing outside the root is read), but named, so `check` says why.
        if (isArticleFile(entry.name) || isFolder(real)) {
          const linkRel = toSlash(path.relative(root, abs));
          problems.push({ id: linkRel, kind: 'outside-root', message: `${linkRel}: a symlink leading outside the library root; not followed`, target: linkRel });
        }
        continue;
      }
      try {
        const st = statSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
        stat = stampOf(st);
      } catch {
        continue;
      }
      if (isDir) {
        if (visited.has(real)) continue; // a link cycle
        visited.add(real);
      }
    }
    if (isDir) {
      if (include && !include(rel, 'folder')) continue;
      if (!entry.isSymbolicLink()) {
        const real = realpathOr(abs);
        if (visited.has(real)) continue;
        visited.add(real);
      }
      walk(root, rootReal, abs, rel, visited, out, attachments, problems, include);
    } else if (isFile && (!include || include(rel, 'file'))) {
      if (isArticleFile(entry.name)) out.push(scanned(root, abs, stat, rel));
      else attachments.push({ absPath: abs, root, relPath: rel });
    }
  }
}

/** A folder (following links); false for anything that cannot be looked at. */
export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? String(err);
}

/** Where a dangling symlink points, as written, is inside the root. */
function danglesInside(root: string, rootReal: string, link: string): boolean {
  try {
    const target = path.resolve(path.dirname(link), readlinkSync(link));
    return isInsideRoot(root, target) || isInsideRoot(rootReal, target);
  } catch {
    return false;
  }
}

/** Walk the paths given; a missing path throws LibraryPathError, anything else becomes a problem. */
export async function scanLibrary(paths: string[], options: ScanOptions = {}): Promise<ScanResult> {
  return scanLibrarySync(paths, options);
}

/** A path given on the command line: where it is, what it is, and the root it gives. Throws LibraryPathError for a missing path or a device. */
function givenPath(given: string): { abs: string; root: string; folder: boolean; stat: Stats } {
  const abs = path.resolve(given);
  let st;
  try {
    st = statSync(abs);
  } catch (err) {
    throw new LibraryPathError(given, `${given}: no such file or folder (${errCode(err)})`);
  }
  if (st.isDirectory()) return { abs, root: abs, folder: true, stat: st };
  // A device or a pipe stats as size 0 and may never end (/dev/zero): only files and folders are read.
  if (!st.isFile()) throw new LibraryPathError(given, `${given}: ${specialFileKind(st)}, not a file or folder; only files and folders are read`);
  // A file given directly is an article of its own folder, whatever its extension.
  return { abs, root: path.dirname(abs), folder: false, stat: st };
}

/** The roots the paths give, in order, as the scan finds them (a stat per path; no folder is read). */
export function rootsOf(paths: readonly string[]): string[] {
  const roots: string[] = [];
  for (const given of paths) {
    const { root } = givenPath(given);
    if (!roots.includes(root)) roots.push(root);
  }
  return roots;
}

export function scanLibrarySync(paths: string[], options: ScanOptions = {}): ScanResult {
  const roots: string[] = [];
  const files: ScannedFile[] = [];
  const attachments: AttachmentFile[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (f: ScannedFile) => {
    if (seen.has(f.absPath)) return;
    seen.add(f.absPath);
    files.push(f);
  };
  for (const given of paths) {
    const { abs, root, folder, stat } = givenPath(given);
    if (!roots.includes(root)) roots.push(root);
    if (folder) {
      const rootReal = realpathOr(abs);
      const found: ScannedFile[] = [];
      walk(abs, rootReal, abs, '', new Set([rootReal]), found, attachments, problems, options.include);
      found.forEach(add);
    } else {
      add(scanned(root, abs, stampOf(stat)));
    }
  }
  return { roots, files, attachments, problems };
}
