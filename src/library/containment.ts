// Whether a path stays in a library root: the one rule the scanner (symlinks) and REF
// resolution (SPEC §1a: a REF that would leave the root is unresolved) both apply.
import path from 'node:path';

const DOT_SEGMENT = /(?:^|[\\/])\.\.?(?:[\\/]|$)/;

/**
 * True when the absolute path `p` is `root` or lies under it. Decided on path segments, never
 * on string prefixes: `/lib-evil/x` is not inside `/lib`, and a file named `..notes` is.
 */
export function isInsideRoot(root: string, p: string): boolean {
  // The common case without path.relative's cost (REF resolution asks for every link): a path
  // that is the root's own, plus a separator, plus segments none of which is `.` or `..`.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (p.startsWith(prefix) && !DOT_SEGMENT.test(p.slice(prefix.length))) return true;
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
