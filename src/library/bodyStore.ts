// Bodies, read when an article is shown: the file as it is now, its tokens and its links
// resolved against the library as it is now, returned together (ArticleBody). A link written
// into a file after the library was loaded resolves the next time the body is read; the
// record's related/previous/next/words/problems are brought up to date with the body too.
// Nothing here is kept beyond one parse per file version (same size and mtime): the store is
// an object its owner creates and drops, never module state.
import { statSync } from 'node:fs';
import type { Article, ArticleBody, Library } from './types.js';
import type { FileReader, ReadArticle } from './readArticleFile.js';
import { unreadableBody } from './fileOutcome.js';
import { articleRecord, resolveFileLinks } from './articleRecord.js';
import { plainTokens } from './plainTokens.js';

export interface BodyStore {
  /** The article's body as its file holds it now; null for an id the library does not have. */
  read(id: string): ArticleBody | null;
}

interface Parsed {
  size: number;
  mtimeMs: number;
  read: ReadArticle;
}

export function createBodyStore(library: Library, reader: FileReader): BodyStore {
  const maxBytes = library.maxFileBytes;
  const parsed = new Map<string, Parsed>();

  const parse = (article: Article): ReadArticle | { failure: string } => {
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(article.absPath));
    } catch (err) {
      parsed.delete(article.id);
      return { failure: unreadableBody(article, { ok: false, kind: 'unreadable', why: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }) };
    }
    const known = parsed.get(article.id);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.read;
    const outcome = reader.read({ absPath: article.absPath, relPath: article.path, format: article.format }, maxBytes, size);
    if (!outcome.ok) {
      parsed.delete(article.id);
      return { failure: unreadableBody(article, outcome) };
    }
    parsed.set(article.id, { size, mtimeMs, read: outcome });
    return outcome;
  };

  return {
    read(id) {
      const article = library.byId.get(id);
      if (!article) return null;
      const outcome = parse(article);
      if ('failure' in outcome) {
        // The file is gone or unreadable now: the record as loaded, with a note for a body.
        return { article, body: outcome.failure, tokens: plainTokens(outcome.failure), linkTargets: new Map() };
      }
      const file = { id: article.id, relPath: article.path, absPath: article.absPath, root: article.root, format: article.format };
      const links = resolveFileLinks(file, outcome.meta, library.refIndex);
      const idProblems = article.problems.filter((p) => p.kind === 'duplicate-id');
      return {
        article: articleRecord(file, outcome.meta, links, article.backlinks, idProblems),
        body: outcome.parsed.body,
        tokens: outcome.tokens,
        linkTargets: links.linkTargets,
      };
    },
  };
}
