// What a source of articles (a feed, a read-later export, a bookmarks file, a list of URLs) says
// about its items, before anything is fetched. Plain data: the parsers here are pure, so every
// format is testable from its text alone; fetching and writing are the import command's.

/** The formats `import` recognises by their content. */
export type SourceKind =
  | 'rss'
  | 'atom'
  | 'rdf'
  | 'json-feed'
  | 'opml'
  | 'pocket-csv'
  | 'instapaper-csv'
  | 'omnivore'
  | 'bookmarks'
  | 'url-list'
  /** Not a list at all: one page or article file, imported as itself. */
  | 'page';

export interface SourceItem {
  /** The linked page; absent when the item only carries its own content. */
  url?: string;
  /** The feed's own identifier for the item (GUID, Atom id, JSON Feed id), when it gives one. */
  guid?: string;
  title?: string;
  /** ISO date as normalizeDate writes it. */
  date?: string;
  author?: string;
  tags: string[];
  /** The list this item is filed under, when it is not the list's own title (a bookmarks folder). */
  section?: string[];
  /** HTML the source carries for the item (a feed's content or summary), the fallback when the page cannot be had. */
  content?: string;
  /** The export says it was read or archived. */
  read?: boolean;
}

export interface SourceList {
  kind: Exclude<SourceKind, 'page' | 'opml'>;
  /** The feed's or list's title: the section of its articles. */
  title?: string;
  /** The feed's own address (its home page), when it gives one. */
  home?: string;
  items: SourceItem[];
}

/** An OPML file: a list of feeds, each imported in turn. */
export interface FeedDirectory {
  kind: 'opml';
  title?: string;
  feeds: Array<{ url: string; title?: string }>;
}

/** A source whose text could not be read as the format it looks like: one line, for the summary. */
export class SourceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceFormatError';
  }
}
