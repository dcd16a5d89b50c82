// Links between articles: body links, related reading (numbered), previous/next,
// backlinks, and the problems unresolved links make (SPEC §1a).
import type { ArticleLink, LinkTarget, Problem, RelatedLink } from './types.js';
import type { RefSpec } from './refSpec.js';
import { resolveRef, normalizeUrl, type RefContext, type RefIndex } from './resolveRef.js';
import { normalizeTitle, stripEnclosingQuotes } from './normalizeTitle.js';
import type { ArticleMeta } from './articleMeta.js';

/** The identity of a link's target: one related number per key. */
export function targetKey(target: LinkTarget): string {
  switch (target.kind) {
    case 'article':
      return `article:${target.id}`;
    case 'external':
      return `url:${normalizeUrl(target.url)}`;
    case 'attachment':
      return `file:${target.absPath}`;
    case 'unresolved':
      return `title:${normalizeTitle(target.title) || target.ref}`;
  }
}

function listCandidates(ids: string[]): string {
  return ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
}

type Role = 'link' | 'image' | 'related link' | 'previous link' | 'next link';

function problemFor(path: string, id: string, role: Role, target: LinkTarget, ref: string | undefined): Problem | null {
  if (target.kind === 'article' && target.candidates) {
    return {
      id,
      kind: 'ambiguous',
      warning: true,
      message: `${path}: ${role} "${ref ?? target.id}" is ambiguous: it matches ${listCandidates(target.candidates)}; followed to ${target.id}`,
      target: ref ?? target.id,
    };
  }
  if (target.kind !== 'unresolved') return null;
  // The words the reader sees, and the REF as written when it says something else.
  const name = target.title && target.title !== target.ref ? `${target.title}" (${target.ref})` : `${target.ref}"`;
  switch (target.reason) {
    case 'missing':
      return { id, kind: 'unresolved', message: `${path}: ${role} "${name} not found in library`, target: target.ref };
    case 'missing-file':
      return { id, kind: 'missing-file', message: `${path}: ${role} "${target.ref}": no such file in the library`, target: target.ref };
    case 'outside-root':
      return { id, kind: 'outside-root', message: `${path}: ${role} "${target.ref}" leaves the library root`, target: target.ref };
  }
}

export interface LinkInput {
  context: RefContext;
  /** Path relative to the root, for messages. */
  path: string;
  /** The file's metadata: its links as written. */
  meta: ArticleMeta;
  /**
   * A saved web page: a body link of it that leads nowhere in the library (a dead file link on
   * a page with no address) is the page's words, and such a previous/next link is dropped;
   * neither is ever a problem (SPEC §1c).
   */
  savedPage?: boolean;
}

export interface ResolvedLinks {
  linkTargets: Map<string, LinkTarget>;
  related: RelatedLink[];
  previous: ArticleLink | null;
  next: ArticleLink | null;
  words: number;
  problems: Problem[];
}

/** Resolve every link of one article against the library. */
export function resolveArticleLinks(input: LinkInput, index: RefIndex): ResolvedLinks {
  const { context, path } = input;
  const parsed = input.meta;
  const titleHrefs = parsed.titleHrefs.length > 0 ? new Set(parsed.titleHrefs) : null;
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const report = (role: Role, target: LinkTarget, ref?: string, line?: number) => {
    const p = problemFor(path, context.id, role, target, ref);
    if (!p) return;
    const key = `${p.kind}\0${p.target}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(line === undefined ? p : { ...p, line });
  };
  const titleOf = (target: LinkTarget, label: string): string => {
    if (target.kind === 'article') return index.byId.get(target.id)?.title ?? label;
    if (target.kind === 'unresolved') return target.title;
    if (target.kind === 'attachment') return label || target.name;
    return label || target.url;
  };

  const linkTargets = new Map<string, LinkTarget>();
  const related: RelatedLink[] = [];
  const numbered = new Set<string>();
  const addRelated = (target: LinkTarget, label: string, inBody: boolean) => {
    const key = targetKey(target);
    if (numbered.has(key)) return;
    numbered.add(key);
    related.push({ title: titleOf(target, label), target, inBody });
  };

  for (const link of parsed.links) {
    // `[x]()` links nowhere and says so; a remote image is never fetched, so never checked.
    if (link.href.trim() === '' || (link.image && /^https?:/i.test(link.href))) continue;
    const label = stripEnclosingQuotes(link.label);
    let target = linkTargets.get(link.href);
    if (!target) {
      const byTitle = link.inRelated && titleHrefs !== null && titleHrefs.has(link.href);
      // A label that only repeats the REF says nothing more than the REF.
      const useLabel = label && label !== link.href ? label : undefined;
      target = resolveRef(link.href, context, index, { by: byTitle ? 'title' : 'any', label: useLabel });
      // An image names a file: a missing one is a missing file, whatever its name says.
      if (link.image && target.kind === 'unresolved' && target.reason === 'missing') target = { ...target, reason: 'missing-file' };
      linkTargets.set(link.href, target);
    }
    if (!(input.savedPage && target.kind === 'unresolved')) report(link.image ? 'image' : link.inRelated ? 'related link' : 'link', target, link.href, link.line);
    if (link.inRelated) addRelated(target, label, true);
  }

  const resolveSpec = (spec: RefSpec): LinkTarget => resolveRef(spec.ref, context, index, { by: spec.by, label: spec.label });
  for (const spec of parsed.related) {
    const target = resolveSpec(spec);
    report('related link', target, spec.ref);
    addRelated(target, spec.label ?? spec.ref, false);
  }
  const chain = (spec: RefSpec | null, role: Role): ArticleLink | null => {
    if (!spec) return null;
    const target = resolveSpec(spec);
    // A saved page's previous/next that leads nowhere (a site-relative file on a page with no
    // address) is the site's navigation, not the reader's: no chain link, no problem (SPEC §1c).
    if (input.savedPage && target.kind === 'unresolved') return null;
    report(role, target, spec.ref);
    return { title: titleOf(target, spec.label ?? spec.ref), target };
  };
  const previous = chain(parsed.previous, 'previous link');
  const next = chain(parsed.next, 'next link');
  return { linkTargets, related, previous, next, words: parsed.words, problems };
}

/**
 * The related numbers of a list of related links: target identity → number (index + 1). The
 * list is already one entry per target (resolveArticleLinks), so this only indexes it: the one
 * numbering rule is that order.
 */
export function relatedNumbers(related: readonly RelatedLink[]): Map<string, number> {
  const numbers = new Map<string, number>();
  related.forEach((link, i) => {
    const key = targetKey(link.target);
    if (!numbers.has(key)) numbers.set(key, i + 1);
  });
  return numbers;
}

/** What an article links to, for the backlink graph. */
export interface OutgoingLinks {
  id: string;
  links: Pick<ResolvedLinks, 'linkTargets' | 'related' | 'previous' | 'next'>;
}

/** Ids of the articles linking to each article (body, related, previous, next), sorted; no self links. */
export function computeBacklinks(articles: Iterable<OutgoingLinks>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const add = (from: string, target: LinkTarget | undefined) => {
    if (!target || target.kind !== 'article' || target.id === from) return;
    let s = sets.get(target.id);
    if (!s) sets.set(target.id, (s = new Set()));
    s.add(from);
  };
  for (const { id, links } of articles) {
    for (const t of links.linkTargets.values()) add(id, t);
    for (const r of links.related) add(id, r.target);
    add(id, links.previous?.target);
    add(id, links.next?.target);
  }
  const out = new Map<string, string[]>();
  for (const [id, s] of sets) out.set(id, [...s].sort());
  return out;
}
