// Article ids (SPEC §1): path relative to the root without extension. Collisions inside a
// root: the first extension in ARTICLE_EXTENSIONS order keeps the bare id, the others keep
// their extension. Across roots: the first root keeps it, later ones get the root folder's
// name in front. Every such case is a `duplicate-id` problem.
import path from 'node:path';
import type { Problem } from './types.js';
import { ARTICLE_EXTENSIONS, type ScannedFile } from './scanLibrary.js';

export interface IdentifiedFile extends ScannedFile {
  id: string;
}

function extRank(ext: string): number {
  const i = (ARTICLE_EXTENSIONS as readonly string[]).indexOf(ext);
  return i < 0 ? ARTICLE_EXTENSIONS.length : i;
}

/** path.posix.extname's answer, stripped: the name up to its last dot (not a leading one). */
function stripExt(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  if (dot <= slash + 1) return relPath; // no dot in the name, or only a leading one
  const base = relPath.slice(slash + 1);
  if (base === '..') return relPath;
  return relPath.slice(0, dot);
}

const byRelPath = (a: { relPath: string }, b: { relPath: string }) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);

export function assignIds(files: ScannedFile[], roots: string[]): { files: IdentifiedFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out: IdentifiedFile[] = [];
  const rootIndex = new Map<string, number>();
  roots.forEach((r, i) => {
    if (!rootIndex.has(r)) rootIndex.set(r, i);
  });
  const rootOrder = (root: string) => rootIndex.get(root) ?? roots.length;

  // Within each root.
  const byRoot = new Map<string, ScannedFile[]>();
  for (const f of files) {
    const list = byRoot.get(f.root);
    if (list) list.push(f);
    else byRoot.set(f.root, [f]);
  }
  for (const [, list] of byRoot) {
    const groups = new Map<string, ScannedFile[]>();
    for (const f of list) {
      const key = stripExt(f.relPath);
      const g = groups.get(key);
      if (g) g.push(f);
      else groups.set(key, [f]);
    }
    let taken: Set<string> | null = null; // only needed when some group has several files
    for (const [bare, group] of groups) {
      if (group.length === 1) {
        out.push({ ...group[0], id: bare });
        continue;
      }
      taken ??= new Set<string>(groups.keys());
      group.sort((a, b) => extRank(a.ext) - extRank(b.ext) || (a.relPath < b.relPath ? -1 : 1));
      out.push({ ...group[0], id: bare });
      for (const other of group.slice(1)) {
        let id = other.relPath;
        for (let n = 2; taken.has(id); n++) id = `${other.relPath}~${n}`;
        taken.add(id);
        out.push({ ...other, id });
        problems.push({
          id,
          kind: 'duplicate-id',
          message: `${other.relPath}: id "${bare}" is taken by ${group[0].relPath}; this file is "${id}"`,
          target: group[0].relPath,
        });
      }
    }
  }

  // Across roots: the first root (in the order given) keeps the bare id.
  if (byRoot.size === 1) out.sort(byRelPath);
  else out.sort((a, b) => rootOrder(a.root) - rootOrder(b.root) || byRelPath(a, b));
  if (byRoot.size === 1) return { files: out, problems }; // one root: ids are unique already
  const owner = new Map<string, IdentifiedFile>();
  const used = new Set(out.map((f) => f.id));
  for (const f of out) {
    const first = owner.get(f.id);
    if (!first) {
      owner.set(f.id, f);
      continue;
    }
    if (first.root === f.root) continue; // cannot happen after the pass above
    const bare = f.id;
    const base = path.basename(f.root) || 'root';
    let id = `${base}/${bare}`;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}/${bare}`;
    used.add(id);
    f.id = id;
    owner.set(id, f);
    problems.push({
      id,
      kind: 'duplicate-id',
      message: `${f.relPath}: id "${bare}" is taken by ${first.relPath} in ${first.root}; this file is "${id}"`,
      target: first.absPath,
    });
  }
  return { files: out, problems };
}
