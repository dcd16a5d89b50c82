// The library's model: what every later layer (render, navigation, ui, commands) reads.
// Pure data; no terminal code anywhere in src/library.

export type ArticleFormat = 'markdown' | 'text' | 'html';

/** Why a REF did not resolve to exactly one article. */
export type UnresolvedReason = 'missing' | 'ambiguous' | 'outside-root';

/** Where a link leads, once resolved against the library. */
export type LinkTarget =
  | { kind: 'article'; id: string; heading?: string }
  | { kind: 'external'; url: string }
  | {
      kind: 'unresolved';
      /** The REF as written (path, id, URL, file name or title). */
      ref: string;
      /** Best human title for it: the link label or the REF itself. */
      title: string;
      reason: UnresolvedReason;
      /** For 'ambiguous': the candidate ids. */
      candidates?: string[];
    };

/** One link with the words the reader sees for it. */
export interface ArticleLink {
  title: string;
  target: LinkTarget;
}

/** A related-reading entry; its number is its index + 1. */
export interface RelatedLink extends ArticleLink {
  /** True when it stands in the body (a `Read:`-style paragraph), false when only in front matter. */
  inBody: boolean;
}

export type ProblemKind =
  | 'unresolved'
  | 'ambiguous'
  | 'outside-root'
  | 'duplicate-id'
  | 'front-matter'
  | 'encoding'
  | 'unreadable'
  | 'binary'
  | 'too-large'
  /** Nested deeper than the reader follows (lists, quotes, emphasis, HTML elements): flattened past that. */
  | 'too-deep';

export interface Problem {
  /** Article id, or the file's relative path when no article came of it. */
  id: string;
  kind: ProblemKind;
  message: string;
  /** The REF or file the problem is about, when there is one. */
  target?: string;
}

/** What an article says about itself: the same fields from every format's parser to the reader. */
export interface ArticleHeader {
  title: string;
  section: string[];
  /** ISO 8601: `YYYY-MM-DD` unless the source gives a time. */
  date: string | null;
  author: string | null;
  summary: string | null;
  source: string | null;
}

export interface Article extends ArticleHeader {
  /** Path relative to its root, no extension, `/` separators (SPEC §1). */
  id: string;
  /** Path relative to its library root, `/` separators, with extension. */
  path: string;
  /** Absolute path on disk. */
  absPath: string;
  /** Absolute path of the library root it belongs to. */
  root: string;
  format: ArticleFormat;
  /**
   * The body as Markdown, front matter removed. Raw text pages are converted to
   * Markdown with every Markdown-special character escaped, so they show as typed.
   * Entities are left as written: the renderer decodes, then sanitises.
   */
  body: string;
  /** Related reading, numbered in this order (SPEC §1a "Related reading, numbered"). */
  related: RelatedLink[];
  previous: ArticleLink | null;
  next: ArticleLink | null;
  /**
   * Every link href found in the body (Markdown link destinations and wikilink REFs,
   * exactly as the renderer's lexer sees them), resolved. The renderer looks links up here.
   */
  linkTargets: Map<string, LinkTarget>;
  /** Ids of articles that link here (body links, related, previous/next), sorted. */
  backlinks: string[];
  /** Whitespace-separated words of the body text. */
  words: number;
  /** Problems found in this article (messages, as `list --json` shows them). */
  problems: Problem[];
}

export interface Library {
  /** Absolute paths of the roots, in the order given. */
  roots: string[];
  /** Sorted by id. */
  articles: Article[];
  byId: Map<string, Article>;
  /** Every problem: per-article ones and files that gave no article. */
  problems: Problem[];
}
