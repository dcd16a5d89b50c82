// The library's model: what every later layer (render, navigation, ui, commands) reads.
// Pure data; no terminal code anywhere in src/library.
import type { Token } from 'marked';
import type { AttachmentFile } from './scanLibrary.js';
import type { SiteTitleParts } from './siteTitles.js';

export type ArticleFormat = 'markdown' | 'text' | 'html';

/** Why a REF did not resolve: no article, no file (an attachment's name), or a path out of the root. */
export type UnresolvedReason = 'missing' | 'missing-file' | 'outside-root';

/** What an attachment is, for the words it is shown with (`[image: …]`, `[pdf: …]`). */
export type AttachmentKind = 'image' | 'pdf' | 'audio' | 'video' | 'file';

/** Where a link leads, once resolved against the library. */
export type LinkTarget =
  | {
      kind: 'article';
      id: string;
      /** `REF#Heading`: a heading's text or slug, or `^id` for the block ending with that marker. */
      heading?: string;
      /** When the REF matched several articles (SPEC §1a): all of them, sorted; `id` is the nearest. */
      candidates?: string[];
    }
  | { kind: 'external'; url: string }
  | {
      /** An existing file of the library that is not an article (image, PDF, canvas…): opened outside. */
      kind: 'attachment';
      /** Relative to its library root, `/` separators. */
      path: string;
      absPath: string;
      /** The file's name, as shown when the link gives no label. */
      name: string;
      fileKind: AttachmentKind;
      /** `#page=3`, `#icon`…: kept for the words shown, never a label. */
      fragment?: string;
    }
  | {
      kind: 'unresolved';
      /** The REF as written (path, id, URL, file name or title). */
      ref: string;
      /** Best human title for it: the link label or the REF itself. */
      title: string;
      reason: UnresolvedReason;
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
  /** A link or image naming a file (not an article) that is not there. */
  | 'missing-file'
  /** Nested deeper than the reader follows (lists, quotes, emphasis, HTML elements): flattened past that. */
  | 'too-deep';

export interface Problem {
  /** Article id, or the file's relative path when no article came of it. */
  id: string;
  kind: ProblemKind;
  message: string;
  /** The REF or file the problem is about, when there is one. */
  target?: string;
  /** 1-based line of the file's text the problem is on, when it is found in the text. */
  line?: number;
  /** True for what `check` reports without failing (an ambiguous REF, followed to the nearest). */
  warning?: boolean;
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
  /**
   * Other names of the article (front matter `aliases`): the list filter and "Mentioned in"
   * know it by them too; links never resolve by them (as in Obsidian).
   */
  aliases: readonly string[];
  /** Tags: front matter `tags`, and `#tags` in a Markdown note's text (tags.ts); first spelling kept. */
  tags: readonly string[];
}

/**
 * One article as the library knows it: a plain, immutable record made when the library is
 * loaded, links resolved against it. Reading a field never reads a file; the body comes from a
 * body store (bodyStore.ts), which reads the file as it is now.
 */
export interface Article extends ArticleHeader {
  /** Path relative to its root, no extension, `/` separators (SPEC §1). */
  readonly id: string;
  /** Path relative to its library root, `/` separators, with extension. */
  readonly path: string;
  /** Absolute path on disk. */
  readonly absPath: string;
  /**
   * The title it is listed by, when that differs from `title`: another article of its section
   * has the same title (as titles match, SPEC §1a), so its file name follows (listTitles.ts).
   */
  readonly listTitle?: string;
  /** Absolute path of the library root it belongs to. */
  readonly root: string;
  readonly format: ArticleFormat;
  /** Related reading, numbered in this order (SPEC §1a "Related reading, numbered"): number = index + 1. */
  readonly related: readonly RelatedLink[];
  readonly previous: ArticleLink | null;
  readonly next: ArticleLink | null;
  /** Ids of articles that link here (body links, related, previous/next), sorted. */
  readonly backlinks: readonly string[];
  /** Whitespace-separated words of the body text. */
  readonly words: number;
  /** Problems found in this article (messages, as `list --json` shows them). */
  readonly problems: readonly Problem[];
}

/**
 * An article with its body as the file holds it now (a body store's answer): the record
 * brought up to date with what this body says (related, previous/next, words, problems), the
 * Markdown, its tokens (lexed once, laid out by the renderer) and every body link resolved
 * against the library as it is now.
 */
export interface ArticleBody {
  readonly article: Article;
  /**
   * The body as Markdown, front matter removed. Raw text pages are converted to Markdown with
   * every Markdown-special character escaped, so they show as typed. Entities are left as
   * written: the renderer decodes, then sanitises.
   */
  readonly body: string;
  /** marked's tokens of `body` (with the wikilink extension); read them, never change them. */
  readonly tokens: readonly Token[];
  /** Every link href of the body (Markdown destinations and wikilink REFs, as the lexer gives them), resolved. */
  readonly linkTargets: ReadonlyMap<string, LinkTarget>;
  /**
   * The file's line (1-based) each top-level token starts on, when the body is the file's own
   * text (Markdown): what `e` opens the editor at. Absent for raw and saved pages.
   */
  readonly tokenLines?: ReadonlyMap<Token, number>;
}

export interface Library {
  /** Absolute paths of the roots, in the order given. */
  readonly roots: readonly string[];
  /** Sorted by id. */
  readonly articles: readonly Article[];
  /** The same articles in reading order (SPEC §3: by section, newest first, then title): the list's order, decided at load. */
  readonly readingOrder: readonly Article[];
  readonly byId: ReadonlyMap<string, Article>;
  /** The library's files that are not articles (images, PDFs, …): what attachment links may name. */
  readonly attachments: readonly AttachmentFile[];
  /** Every problem: per-article ones and files that gave no article. */
  readonly problems: readonly Problem[];
  /** The size limit files were read with (the body store reads with it too). */
  readonly maxFileBytes: number;
  /**
   * Saved pages read by their metadata pass only (ids, sorted): their title, section, date,
   * author, source and previous/next are final, their words, links, related and backlinks come
   * with their extraction (library/pageExtraction.ts). Absent or empty when there are none.
   */
  readonly pendingPages?: readonly string[];
  /**
   * Per site, the title parts its saved pages share (its name, cut off their titles:
   * siteTitles.ts), for the body store to cut a title it reads again the same way. Absent when none.
   */
  readonly siteTitles?: SiteTitleParts;
}
