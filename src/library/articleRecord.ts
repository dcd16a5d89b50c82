// An article's record from what its file says (metadata) and its links resolved against the
// library: what the loader makes for every file, and the body store again for a body read later.
import type { Article, Problem } from './types.js';
import type { IdentifiedFile } from './articleIds.js';
import type { ArticleMeta } from './articleMeta.js';
import type { RefIndex } from './resolveRef.js';
import { resolveArticleLinks, type ResolvedLinks } from './linkGraph.js';

/** An article's own links resolved against the library; a bug in resolution is this file's problem only. */
export function resolveFileLinks(file: Pick<IdentifiedFile, 'id' | 'absPath' | 'root' | 'relPath' | 'format'>, meta: ArticleMeta, index: RefIndex): ResolvedLinks {
  try {
    return resolveArticleLinks({ context: { id: file.id, absPath: file.absPath, root: file.root }, path: file.relPath, meta, savedPage: file.format === 'html' }, index);
  } catch (err) {
    return {
      linkTargets: new Map(),
      related: [],
      previous: null,
      next: null,
      words: 0,
      problems: [{ id: file.id, kind: 'unreadable', message: `${file.relPath}: links could not be read (${String(err)})` }],
    };
  }
}

/** The folders of a path relative to its root, as a section (none for a file at the root). */
function folderSection(relPath: string): string[] {
  return relPath.split('/').slice(0, -1).filter((folder) => folder !== '');
}

/** What a record keeps of an article's resolved links (the body's own targets are the body store's). */
export type RecordLinks = Pick<ResolvedLinks, 'related' | 'previous' | 'next' | 'problems'>;

/** The plain record of one article: what its file says, its links resolved, who links to it. */
export function articleRecord(
  file: Pick<IdentifiedFile, 'id' | 'relPath' | 'absPath' | 'root' | 'format'>,
  meta: ArticleMeta,
  links: RecordLinks,
  backlinks: readonly string[],
  idProblems: readonly Problem[],
): Article {
  const problems: Problem[] = [...idProblems];
  for (const p of meta.problems) problems.push({ id: file.id, kind: p.kind, message: `${file.relPath}: ${p.message}`, ...(p.target ? { target: p.target } : {}) });
  problems.push(...links.problems);
  return {
    id: file.id,
    title: meta.title,
    path: file.relPath,
    absPath: file.absPath,
    root: file.root,
    format: file.format,
    // SPEC §1a: a note with no section of its own is listed under its folder.
    section: meta.section.length === 0 && file.format === 'markdown' ? folderSection(file.relPath) : meta.section,
    date: meta.date,
    author: meta.author,
    summary: meta.summary,
    source: meta.source,
    aliases: meta.aliases,
    tags: meta.tags,
    related: links.related,
    previous: links.previous,
    next: links.next,
    backlinks,
    words: meta.words,
    problems,
  };
}
