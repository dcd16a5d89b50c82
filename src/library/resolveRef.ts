// REF resolution (SPEC §1a): path, id, source URL, file name, title, in that order.
// The first step matching exactly one article wins; a step matching several makes the REF
// ambiguous; nothing is missing; a path leaving the root is outside-root whatever exists.
import path from 'node:path';
import type { LinkTarget } from './types.js';
import type { RefMode } from './refSpec.js';
import { normalizeTitle } from './normalizeTitle.js';
import { ARTICLE_EXTENSIONS } from './scanLibrary.js';
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
  /** File name with and without extension → candidates. */
  byFileName: Map<string, RefCandidate[]>;
  bySource: Map<string, RefCandidate[]>;
  byTitle: Map<string, RefCandidate[]>;
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

function push<K>(map: Map<K, RefCandidate[]>, key: K, c: RefCandidate) {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.includes(c)) list.push(c);
}

export function buildRefIndex(candidates: Iterable<RefCandidate>): RefIndex {
  const index: RefIndex = {
    byId: new Map(),
    byAbsPath: new Map(),
    byAbsNoExt: new Map(),
    byFileName: new Map(),
    bySource: new Map(),
    byTitle: new Map(),
  };
  for (const c of candidates) {
    index.byId.set(c.id, c);
    index.byAbsPath.set(c.absPath, c);
    push(index.byAbsNoExt, stripExt(c.absPath), c);
    const base = path.basename(c.absPath);
    push(index.byFileName, base, c);
    push(index.byFileName, stripExt(base), c);
    if (c.source) push(index.bySource, normalizeUrl(c.source), c);
    const key = normalizeTitle(c.title);
    if (key) push(index.byTitle, key, c);
  }
  for (const list of index.byAbsNoExt.values()) list.sort((a, b) => extRank(a.absPath) - extRank(b.absPath));
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

type StepResult = { found: RefCandidate } | { several: RefCandidate[] } | { outside: true } | null;

function decide(list: RefCandidate[] | undefined): StepResult {
  if (!list || list.length === 0) return null;
  return list.length === 1 ? { found: list[0] } : { several: list };
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
    }
  }
  return null;
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
  if (by === 'any' && /^https?:\/\//i.test(ref)) {
    const r = decide(index.bySource.get(normalizeUrl(ref)));
    if (r) return r;
  }
  if (by === 'any' && !ref.includes('/')) {
    const r = decide(onePerFile(index.byFileName.get(ref) ?? []));
    if (r) return r;
  }
  if (by === 'any' || by === 'title') {
    const key = normalizeTitle(ref);
    if (key) {
      const r = decide(index.byTitle.get(key));
      if (r) return r;
    }
  }
  return null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolve one REF written in `from`. `REF#Heading` keeps the heading on the target. */
export function resolveRef(ref: string, from: RefContext, index: RefIndex, options: ResolveOptions = {}): LinkTarget {
  const by = options.by ?? 'any';
  const written = ref.trim();
  const unresolved = (reason: 'missing' | 'ambiguous' | 'outside-root', title: string, candidates?: string[]): LinkTarget => ({
    kind: 'unresolved',
    ref: written,
    title: options.label?.trim() || title || written,
    reason,
    ...(candidates ? { candidates } : {}),
  });

  if (by === 'any') {
    // A fragment alone: this article, at that heading.
    if (written.startsWith('#')) {
      const heading = safeDecode(written.slice(1));
      return heading ? { kind: 'article', id: from.id, heading } : { kind: 'article', id: from.id };
    }
    if (/^https?:\/\//i.test(written)) {
      const r = decide(index.bySource.get(normalizeUrl(written)));
      if (r && 'found' in r) return { kind: 'article', id: r.found.id };
      if (r && 'several' in r) return unresolved('ambiguous', written, r.several.map((c) => c.id).sort());
      return { kind: 'external', url: written };
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
    if (!r) return unresolved('missing', base || written);
    if ('outside' in r) return unresolved('outside-root', base || written);
    if ('several' in r) return unresolved('ambiguous', base || written, r.several.map((c) => c.id).sort());
    return h ? { kind: 'article', id: r.found.id, heading: h } : { kind: 'article', id: r.found.id };
  }
}
