// One entry point from a detected kind to its items.
import { parseBookmarks } from './bookmarks.js';
import { parseFeedText } from './feeds.js';
import { parseInstapaperCsv, parsePocketCsv } from './readLaterCsv.js';
import { urlListOf } from './urlList.js';
import { SourceFormatError, type SourceKind, type SourceList } from './types.js';

/** The items of a list source's text (every kind but 'page', 'opml' and the 'omnivore' folder). */
export function parseSourceList(kind: SourceKind, text: string): SourceList {
  const body = text.replace(/^\ufeff/, '');
  switch (kind) {
    case 'rss':
    case 'atom':
    case 'rdf':
    case 'json-feed':
      return parseFeedText(body);
    case 'pocket-csv':
      return parsePocketCsv(body);
    case 'instapaper-csv':
      return parseInstapaperCsv(body);
    case 'bookmarks':
      return parseBookmarks(body);
    case 'url-list':
      return { kind: 'url-list', items: (urlListOf(body) ?? []).map((url) => ({ url, tags: [] })) };
    default:
      throw new SourceFormatError(`${kind} is not a list of items`);
  }
}
