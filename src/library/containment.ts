// Whether a path stays in a library root: the one rule the scanner (symlinks) and REF
// resolution (SPEC §1a: a REF that would leave the root is unresolved) both apply.
import path from 'node:path';

/**
 * True when the absolute path `p` is `root` or lies under it. Decided on path segments, never
 * on string prefixes: `/lib-evil/x` is not inside `/lib`, and a file named `..notes` is.
 */
export function isInsideRoot(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
