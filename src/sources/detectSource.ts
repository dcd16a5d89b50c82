// What a source is, from its content: the name of a file says little (feeds are served as
// `.xml`, `.php` or nothing; exports are renamed). Markup is told by its doctype and first
// element, read with htmlparser2's tokenizer; JSON by JSON.parse; CSV by its header, read by
// csv-parse; a URL list by every line being a URL. Anything else is one page, imported as itself.
import { Parser } from 'htmlparser2';
import { csvHeader, isInstapaperHeader, isPocketHeader } from './readLaterCsv.js';
import { isOmnivoreMetadata } from './omnivore.js';
import { urlListOf } from './urlList.js';
import type { SourceKind } from './types.js';

/** How much of a file is looked at to tell markup apart: the doctype and first element come first. */
const MARKUP_PREFIX = 64 * 1024;

const FIRST_ELEMENTS: Record<string, SourceKind> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf', opml: 'opml' };

function markupKind(text: string): SourceKind {
  let doctype = '';
  let first = '';
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype') doctype = data.toLowerCase();
      },
      onopentag(name) {
        if (!first) {
          first = name;
          parser.pause();
        }
      },
    },
    { lowerCaseTags: true, xmlMode: false },
  );
  parser.write(text.slice(0, MARKUP_PREFIX));
  if (doctype.includes('netscape-bookmark-file')) return 'bookmarks';
  return FIRST_ELEMENTS[first] ?? 'page';
}

function jsonKind(text: string): SourceKind {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'page';
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version)) return 'json-feed';
  }
  return isOmnivoreMetadata(text) ? 'omnivore' : 'page';
}

/** The kind of a source from its text (decoded; a byte-order mark is allowed). */
export function detectSource(text: string): SourceKind {
  const body = text.replace(/^\ufeff/, '').trimStart();
  if (body.startsWith('<')) return markupKind(body);
  if (body.startsWith('{') || body.startsWith('[')) return jsonKind(body);
  if (urlListOf(body)) return 'url-list';
  const header = body.includes(',') ? csvHeader(body) : null;
  if (header && isPocketHeader(header)) return 'pocket-csv';
  if (header && isInstapaperHeader(header)) return 'instapaper-csv';
  return 'page';
}
