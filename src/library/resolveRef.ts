// REF resolution (SPEC §1a): path, id, source URL, file name, title, in that order.
// The first step matching exactly one article wins; a step matching several makes the REF
// ambiguous, followed to the nearest candidate (as notes apps do); nothing is missing; a path
// leaving the root is outside-root whatever exists. A REF naming an existing file of the library
// that is not an article is an attachment.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LinkTarget } from './types.js';
import { attachmentKind } from './attachmentKind.js';
import type { RefMode } from './refSpec.js';
import { normalizeTitle } from './normalizeTitle.js';
import { ARTICLE_EXTENSIONS, type AttachmentFile } from './scanLibrary.js';
import { isInsideRoot } from './containment.js';

export interface RefCandidate {
  id: string;
  absPath: string;
  root: string;
  title: string;
  source: string | null;
}

export interface RefIndex {
  byId: Map<string, RefCandidate>;
  byAbsPath: Map<string, RefCandidate>;
  /** Absolute path without extension → candidates, best extension first. */
  byAbsNoExt: Map<string, RefCandidate[]>;
  /** File name with and without extension, lower case → candidates. */
  byFileName: Map<string, RefCandidate[]>;
  bySource: Map<string, RefCandidate[]>;
  byTitle: Map<string, RefCandidate[]>;
  /** Attachments by absolute path. */
  files: Map<string, AttachmentFile>;
  /** Attachments by file name (with extension), lower case. */
  filesByName: Map<string, AttachmentFile[]>;
}

/** Where a REF is written: the referring article. */
export interface RefContext {
  id: string;
  absPath: string;
  root: string;
}

export interface ResolveOptions {
  /** Which steps apply: all (a REF), or only title / id / path (front matter objects). */
  by?: RefMode;
  /** The link's label, used as the unresolved target's title. */
  label?: string;
}

/** A URL compared as SPEC §1a step 3 says: trailing slash, `#fragment` and `utm_*` ignored. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (key.toLowerCase().startsWith('utm_')) u.searchParams.delete(key);
    const pathname = u.pathname.replace(/\/+$/, '');
    const search = [...u.searchParams.keys()].length ? `?${u.searchParams.toString()}` : '';
    return `${u.protocol}//${u.host}${pathname}${search}`;
  } catch {
    return url.trim().replace(/#.*$/, '').replace(/\/+$/, '');
  }
}

function extRank(p: string): number {
  const i = (ARTICLE_EXTENSIONS as readonly string[]).indexOf(path.extname(p).toLowerCase());
  return i < 0 ? ARTICLE_EXTENSIONS.length : i;
}

function stripExt(p: string): string {
  const e = path.extname(p);
  return e ? p.slice(0, -e.length) : p;
}

function push<K, V>(map: Map<K, V[]>, key: K, c: V) {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.includes(c)) list.push(c);
}

export function buildRefIndex(candidates: Iterable<RefCandidate>, attachments: Iterable<AttachmentFile> = []): RefIndex {
  const index: RefIndex = {
    byId: new Map(),
    byAbsPath: new Map(),
    byAbsNoExt: new Map(),
    byFileName: new Map(),
    bySource: new Map(),
    byTitle: new Map(),
    files: new Map(),
    filesByName: new Map(),
  };
  for (const c of candidates) {
    index.byId.set(c.id, c);
    index.byAbsPath.set(c.absPath, c);
    push(index.byAbsNoExt, stripExt(c.absPath), c);
    // File names match whatever their case (SPEC §1a step 4), as in notes apps.
    const base = path.basename(c.absPath).toLowerCase();
    push(index.byFileName, base, c);
    push(index.byFileName, stripExt(base), c);
    if (c.source) push(index.bySource, normalizeUrl(c.source), c);
    const key = normalizeTitle(c.title);
    if (key) push(index.byTitle, key, c);
  }
  for (const list of index.byAbsNoExt.values()) list.sort((a, b) => extRank(a.absPath) - extRank(b.absPath));
  for (const f of attachments) {
    index.files.set(f.absPath, f);
    push(index.filesByName, path.basename(f.absPath).toLowerCase(), f);
  }
  return index;
}

/** Candidates that are the same file name beside each other (`a.md`, `a.txt`) count once: the best extension. */
function onePerFile(list: RefCandidate[]): RefCandidate[] {
  const best = new Map<string, RefCandidate>();
  for (const c of list) {
    const key = stripExt(c.absPath);
    const prev = best.get(key);
    if (!prev || extRank(c.absPath) < extRank(prev.absPath)) best.set(key, c);
  }
  return [...best.values()];
}


function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type StepResult = { found: RefCandidate; several?: RefCandidate[] } | { outside: true } | null;

const segments = (c: { absPath: string; root: string }) => path.relative(c.root, c.absPath).split(path.sep).length;

/**
 * The candidate a REF matching several is followed to (SPEC §1a): one in the referring file's
 * folder, then the one with the shortest path (fewest folders), then the first id.
 */
export function nearest<C extends { id: string; absPath: string; root: string }>(list: readonly C[], from: RefContext): C {
  const dir = path.dirname(from.absPath);
  const here = list.filter((c) => path.dirname(c.absPath) === dir);
  const pool = here.length > 0 ? here : list;
  return [...pool].sort((a, b) => segments(a) - segments(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

function decide(list: RefCandidate[] | undefined, from: RefContext): StepResult {
  if (!list || list.length === 0) return null;
  return list.length === 1 ? { found: list[0] } : { found: nearest(list, from), several: list };
}

/** `deeper/Beta` names `sub/deeper/Beta.md`: the REF is the last segments of the path (any case, with or without extension). */
function endsWithSegments(c: RefCandidate, tail: string): boolean {
  const rel = path.relative(c.root, c.absPath).split(path.sep).join('/').toLowerCase();
  const bare = stripExt(rel);
  return rel === tail || bare === tail || rel.endsWith(`/${tail}`) || bare.endsWith(`/${tail}`);
}

function byFileName(ref: string, index: RefIndex, from: RefContext): StepResult {
  const lower = ref.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const name = lower.slice(slash + 1);
  let list = index.byFileName.get(name) ?? [];
  // mdBook, MkDocs and Jekyll sources link `chapter.html` to what is `chapter.md` here.
  if (list.length === 0 && /\.html?$/.test(name)) list = index.byFileName.get(stripExt(name)) ?? [];
  if (slash >= 0) {
    const tail = lower.replace(/\.html?$/, '');
    list = list.filter((c) => endsWithSegments(c, lower) || endsWithSegments(c, tail));
  }
  return decide(onePerFile(list), from);
}

// A relative path with nothing for path.resolve to normalise: no `.`/`..` segment, no `//`, no
// leading or trailing `/`. Joined to an absolute folder it is already what path.resolve gives.
const NOT_PLAIN_RELATIVE = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\/$/;

/** path.resolve(base, v), and whether it stays inside `root` (the common case without path's cost). */
function resolveUnder(root: string, base: string, v: string): { abs: string; inside: boolean } {
  if (path.sep === '/') {
    // Leading `./` and `../` segments: step up from base by hand.
    let dir = base;
    let rest = v;
    for (;;) {
      if (rest.startsWith('./')) rest = rest.slice(2);
      else if (rest.startsWith('../') && dir.lastIndexOf('/') > 0) {
        dir = dir.slice(0, dir.lastIndexOf('/'));
        rest = rest.slice(3);
      } else break;
    }
    if (dir !== '/' && rest !== '' && !NOT_PLAIN_RELATIVE.test(rest)) {
      const abs = `${dir}/${rest}`;
      if (isInsideRoot(root, abs)) return { abs, inside: true };
    }
  }
  // A leading `/` means the library root, as on a site: never the disk's root.
  const abs = v.startsWith('/') ? path.join(root, v) : path.resolve(base, v);
  return { abs, inside: isInsideRoot(root, abs) };
}

function byPath(ref: string, from: RefContext, index: RefIndex, alsoFromRoot: boolean): StepResult {
  const decoded = ref.includes('%') ? safeDecode(ref) : ref;
  const variants = decoded === ref ? [ref] : [ref, decoded];
  const dir = path.dirname(from.absPath);
  const bases = alsoFromRoot ? [dir, from.root] : [dir];
  for (const base of bases) {
    for (const v of variants) {
      if (v === '') continue;
      const { abs, inside } = resolveUnder(from.root, base, v);
      if (!inside) return { outside: true };
      const exact = index.byAbsPath.get(abs);
      if (exact) return { found: exact };
      const noExt = index.byAbsNoExt.get(abs);
      if (noExt?.length) return { found: noExt[0] };
      // `x.html` written for the site a book is built into: its source `x.md`, `x/index.md`, `x/README.md`.
      if (/\.html?$/i.test(abs)) {
        const bare = stripExt(abs);
        const source =
          index.byAbsNoExt.get(bare)?.[0] ?? index.byAbsPath.get(path.join(bare, 'index.md')) ?? index.byAbsPath.get(path.join(bare, 'README.md'));
        if (source) return { found: source };
      }
    }
  }
  return null;
}

/**
 * The articles whose source is this URL. A library where no article has a source (notes) has
 * none to find: its URLs are not normalised (parsing one costs more than the rest of resolving it).
 */
function bySourceUrl(url: string, index: RefIndex): RefCandidate[] | undefined {
  return index.bySource.size === 0 ? undefined : index.bySource.get(normalizeUrl(url));
}

function steps(ref: string, from: RefContext, index: RefIndex, by: RefMode): StepResult {
  if (by === 'any' || by === 'path') {
    const r = byPath(ref, from, index, by === 'path');
    if (r) return r;
  }
  if (by === 'any' || by === 'id') {
    const c = index.byId.get(ref) ?? index.byId.get(ref.replace(/^\.\//, ''));
    if (c) return { found: c };
  }
  // `./x`, `../x`, `/x` name a place, not a title: the later steps would only guess.
  if (by === 'any' && /^\.{0,2}\//.test(ref)) return null;
  if (by === 'any' && /^https?:\/\//i.test(ref)) return decide(bySourceUrl(ref, index), from);
  if (by === 'any') {
    const r = byFileName(ref, index, from);
    if (r) return r;
  }
  if (by === 'any' || by === 'title') {
    const key = normalizeTitle(ref);
    if (key) {
      const r = decide(index.byTitle.get(key), from);
      if (r) return r;
    }
  }
  return null;
}

/** A name with a file extension that is not an article's (`.png`, `.pdf`, `.canvas`): a missing one is a missing file. */
export function namesAFile(ref: string): boolean {
  const ext = /\.([a-z0-9]{1,10})$/i.exec(ref.replace(/[#?].*$/, ''));
  return !!ext && !isArticleExtension(`.${ext[1]}`);
}

function isArticleExtension(ext: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(ext.toLowerCase());
}

/** A regular file whose real path (symlinks followed) stays in the root's, as the scanner's rule. */
function isFileInside(root: string, abs: string): boolean {
  try {
    return statSync(abs).isFile() && isInsideRoot(realpathSync(root), realpathSync(abs));
  } catch {
    return false;
  }
}

/**
 * An existing file of the library that is not an article, named by path (from the file, or from
 * the root) or, as notes apps write embeds, by file name anywhere in the library.
 */
function findAttachment(ref: string, from: RefContext, index: RefIndex): AttachmentFile | null {
  const decoded = ref.includes('%') ? safeDecode(ref) : ref;
  for (const v of decoded === ref ? [ref] : [ref, decoded]) {
    if (v === '') continue;
    for (const base of [path.dirname(from.absPath), from.root]) {
      const { abs, inside } = resolveUnder(from.root, base, v);
      if (!inside || index.byAbsPath.has(abs)) continue;
      const known = index.files.get(abs);
      if (known) return known;
      // A file the scan did not list (`show FILE` reads only what its links name): look.
      if (!isArticleExtension(path.extname(abs)) && isFileInside(from.root, abs)) return { absPath: abs, root: from.root, relPath: path.relative(from.root, abs).split(path.sep).join('/') };
    }
    if (/^\.{0,2}\//.test(v)) continue;
    const lower = v.toLowerCase();
    const slash = lower.lastIndexOf('/');
    const list = (index.filesByName.get(lower.slice(slash + 1)) ?? []).filter(
      (f) => f.root === from.root && (slash < 0 || f.relPath.toLowerCase() === lower || f.relPath.toLowerCase().endsWith(`/${lower}`)),
    );
    if (list.length > 0) return nearest(list.map((f) => ({ ...f, id: f.relPath })), from);
  }
  return null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolve one REF written in `from`. `REF#Heading` keeps the heading on the target. */
export function resolveRef(ref: string, from: RefContext, index: RefIndex, options: ResolveOptions = {}): LinkTarget {
  const by = options.by ?? 'any';
  const written = ref.trim();
  const unresolved = (reason: 'missing' | 'missing-file' | 'outside-root', title: string): LinkTarget => ({
    kind: 'unresolved',
    ref: written,
    title: options.label?.trim() || title || written,
    reason,
  });

  if (by === 'any') {
    // A fragment alone: this article, at that heading.
    if (written.startsWith('#')) {
      const heading = safeDecode(written.slice(1));
      return heading ? { kind: 'article', id: from.id, heading } : { kind: 'article', id: from.id };
    }
    if (/^https?:\/\//i.test(written)) {
      const r = decide(bySourceUrl(written, index), from);
      return r && 'found' in r ? articleTarget(r, '') : { kind: 'external', url: written };
    }
    // mailto:, ftp: and the like; a Windows drive letter (`C:`) is not a scheme.
    if (SCHEME.test(written) && !/^[a-z]:[\\/]/i.test(written)) return { kind: 'external', url: written };
    if (written.startsWith('//')) return { kind: 'external', url: `https:${written}` };
  }

  const hash = by === 'title' ? -1 : written.indexOf('#');
  const base = hash >= 0 ? written.slice(0, hash).trim() : written;
  const heading = hash >= 0 ? safeDecode(written.slice(hash + 1)).trim() : '';
  const result = base ? steps(base, from, index, by) : null;
  // A title with `#` in it (`C# in a week`) is still a title.
  if (!result && hash >= 0 && by === 'any') {
    const r = steps(written, from, index, 'title');
    if (r) return finish(r, '');
  }
  return finish(result, heading);

  function finish(r: StepResult, h: string): LinkTarget {
    if (r && 'outside' in r) return unresolved('outside-root', base || written);
    if (r) return articleTarget(r, h);
    if (by === 'any' && base) {
      const file = findAttachment(base, from, index);
      if (file) {
        const name = path.basename(file.absPath);
        return {
          kind: 'attachment',
          path: file.relPath,
          absPath: file.absPath,
          name,
          fileKind: attachmentKind(name),
          ...(hash >= 0 && written.slice(hash + 1).trim() ? { fragment: written.slice(hash + 1).trim() } : {}),
        };
      }
    }
    return unresolved(by === 'any' && namesAFile(base) ? 'missing-file' : 'missing', base || written);
  }
}

function articleTarget(r: { found: RefCandidate; several?: RefCandidate[] }, heading: string): LinkTarget {
  return {
    kind: 'article',
    id: r.found.id,
    ...(heading ? { heading } : {}),
    ...(r.several ? { candidates: r.several.map((c) => c.id).sort() } : {}),
  };
}
