// Bodies, read when an article is shown: the file as it is now, its tokens and its links
// resolved against the library as it is now, returned together (ArticleBody). A link written
// into a file after the library was loaded resolves the next time the body is read; the
// record's related/previous/next/words/problems are brought up to date with the body too.
// The store keeps nothing itself: the file reader keeps its last few parses while a file's size
// and mtime stay the same.
import type { Token } from 'marked';
import type { Article, ArticleBody, Library } from './types.js';
import type { FileReader } from './readArticleFile.js';
import { unreadableBody } from './fileOutcome.js';
import { articleRecord, resolveFileLinks } from './articleRecord.js';
import { plainTokens } from './plainTokens.js';
import { buildRefIndex, type RefIndex } from './resolveRef.js';
import { withoutSiteParts } from './siteTitles.js';

export interface BodyStore {
  /** The article's body as its file holds it now; null for an id the library does not have. */
  read(id: string): ArticleBody | null;
  /** `read(id).body` alone, neither lexed nor its links resolved (the search reads every body: this is half the cost). */
  text(id: string): string | null;
  /** A store over another library (an update of this one) with the same file reader. */
  withLibrary(library: Library): BodyStore;
}

export function createBodyStore(library: Library, reader: FileReader): BodyStore {
  // What a body's REFs are resolved against: the library's articles, indexed when the first body
  // is read (0.6 s and 60 MB at 100,000 articles: a start that only lists them never needs it).
  let refIndex: RefIndex | null = null;
  return {
    read(id) {
      const article = library.byId.get(id);
      if (!article) return null;
      const file = { id: article.id, relPath: article.path, absPath: article.absPath, root: article.root, format: article.format };
      // The reader parses a file again only when its size or mtime changed.
      const outcome = reader.read(file, library.maxFileBytes);
      if (!outcome.ok) {
        // The file is gone or unreadable now: the record as loaded, with a note for a body.
        const note = unreadableBody(article, outcome);
        return { article, body: note, tokens: plainTokens(note), linkTargets: new Map() };
      }
      // The title as the loader gave it: less the site's name its pages share.
      const title = withoutSiteParts({ ...file, path: file.relPath, source: outcome.meta.source, title: outcome.meta.title }, library.siteTitles);
      const meta = title === outcome.meta.title ? outcome.meta : { ...outcome.meta, title };
      const links = resolveFileLinks(file, meta, (refIndex ??= buildRefIndex(library.articles, library.attachments)));
      const idProblems = article.problems.filter((p) => p.kind === 'duplicate-id');
      return {
        article: articleRecord(file, meta, links, article.backlinks, idProblems),
        body: outcome.parsed.body,
        tokens: outcome.tokens,
        linkTargets: links.linkTargets,
        ...(outcome.firstLine !== undefined ? { tokenLines: tokenLinesOf(outcome.parsed.body, outcome.tokens, outcome.firstLine) } : {}),
      };
    },
    text(id) {
      const article = library.byId.get(id);
      if (!article) return null;
      const text = reader.readText({ relPath: article.path, absPath: article.absPath, format: article.format }, library.maxFileBytes);
      return typeof text === 'string' ? text : unreadableBody(article, text);
    },
    withLibrary: (next) => createBodyStore(next, reader),
  };
}

/**
 * The file's line each top-level token starts on: its raw text found in the body from where the
 * one before ended (a token whose raw text the lexer rewrote keeps the line of the place reached).
 */
function tokenLinesOf(body: string, tokens: readonly Token[], firstLine: number): Map<Token, number> {
  const lines = new Map<Token, number>();
  let at = 0;
  let line = firstLine;
  let counted = 0;
  for (const token of tokens) {
    const found = token.raw ? body.indexOf(token.raw, at) : -1;
    const start = found >= 0 ? found : at;
    for (let i = body.indexOf('\n', counted); i >= 0 && i < start; i = body.indexOf('\n', i + 1)) line++;
    counted = start;
    lines.set(token, line);
    if (found >= 0) at = found + token.raw.length;
  }
  return lines;
}
