// Why a file gave no article (binary, too large, unreadable): its problem, found by path.
import { relative, sep } from 'node:path';
import type { Library, Problem } from './types.js';

/** The problem recorded for the file at `absPath`, if any. Problems name files by their path in a root. */
export function fileProblem(library: Library, absPath: string): Problem | undefined {
  const paths = library.roots.map((root) => relative(root, absPath).split(sep).join('/'));
  return library.problems.find((p) => paths.includes(p.id) || paths.some((path) => p.message.startsWith(`${path}:`)));
}
