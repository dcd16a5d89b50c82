// RSS 2.0, Atom, RDF (RSS 1.0) and JSON Feed, read by feedsmith (one parser that knows all four
// and their namespaces: Dublin Core dates and creators, content:encoded), then mapped to items.
import { parseFeed } from 'feedsmith';
import { normalizeDate } from '../text/dates.js';
import { escapeHtml } from './escapeHtml.js';
import { SourceFormatError, type SourceItem, type SourceList } from './types.js';

// The few fields read here, as feedsmith gives them (its own types are generic over dates and
// strictness; these say what this module relies on).
interface Named {
  name?: string;
}
interface RssItem {
  title?: string;
  link?: string;
  description?: string;
  guid?: { value?: string };
  pubDate?: string;
  authors?: Array<Named | string>;
  categories?: Array<{ name?: string }>;
  content?: { encoded?: string };
  dc?: { creators?: string[]; dates?: string[]; subjects?: string[] };
  rdf?: { about?: string };
}
interface AtomText {
  value?: string;
  type?: string;
}
interface AtomEntry {
  id?: string;
  title?: AtomText;
  links?: Array<{ href?: string; rel?: string }>;
  published?: string;
  updated?: string;
  authors?: Named[];
  categories?: Array<{ term?: string; label?: string }>;
  content?: AtomText;
  summary?: AtomText;
  dc?: { creators?: string[]; dates?: string[] };
}
interface JsonItem {
  id?: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  authors?: Named[];
  author?: Named;
  tags?: string[];
}

const present = (text: string | undefined): string | undefined => {
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
};
const dateOf = (...written: Array<string | undefined>): string | undefined => {
  for (const text of written) {
    const date = normalizeDate(text);
    if (date) return date;
  }
  return undefined;
};
const uniqueTags = (tags: Array<string | undefined>): string[] => [...new Set(tags.map(present).filter((tag): tag is string => tag !== undefined))];

/** Atom text as HTML: `text` content is escaped, `html` and `xhtml` are markup already. */
const atomHtml = (text: AtomText | undefined): string | undefined => {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeHtml(text.value);
};
const plainText = (text: AtomText | undefined): string | undefined => present(text?.value);

function rssItem(item: RssItem): SourceItem {
  const author = item.authors?.map((a) => (typeof a === 'string' ? a : a.name)).find(present) ?? item.dc?.creators?.find(present);
  return {
    url: present(item.link) ?? present(item.rdf?.about),
    guid: present(item.guid?.value) ?? present(item.rdf?.about),
    title: present(item.title),
    date: dateOf(item.pubDate, ...(item.dc?.dates ?? [])),
    author: present(author),
    tags: uniqueTags([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
    content: item.content?.encoded ?? item.description,
  };
}

function atomEntry(entry: AtomEntry): SourceItem {
  const links = entry.links ?? [];
  const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return {
    url: present(link?.href),
    guid: present(entry.id),
    title: plainText(entry.title),
    date: dateOf(entry.published, entry.updated, ...(entry.dc?.dates ?? [])),
    author: present(entry.authors?.map((a) => a.name).find(present) ?? entry.dc?.creators?.find(present)),
    tags: uniqueTags((entry.categories ?? []).map((c) => c.label ?? c.term)),
    content: atomHtml(entry.content) ?? atomHtml(entry.summary),
  };
}

function jsonItem(item: JsonItem): SourceItem {
  const text = item.content_text ? `<p>${escapeHtml(item.content_text).replace(/\n{2,}/g, '</p><p>')}</p>` : undefined;
  return {
    url: present(item.url) ?? present(item.external_url),
    guid: present(item.id),
    title: present(item.title),
    date: dateOf(item.date_published, item.date_modified),
    author: present(item.authors?.map((a) => a.name).find(present) ?? item.author?.name),
    tags: uniqueTags(item.tags ?? []),
    content: item.content_html ?? text ?? (item.summary ? `<p>${escapeHtml(item.summary)}</p>` : undefined),
  };
}

/** A feed's items, in the feed's order. Throws SourceFormatError when the text is not a feed feedsmith can read. */
export function parseFeedText(text: string): SourceList {
  let parsed;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SourceFormatError(`not a feed that can be read (${why.replace(/\s+/g, ' ').trim().toLowerCase()})`);
  }
  switch (parsed.format) {
    case 'rss':
    case 'rdf': {
      const feed = parsed.feed as { title?: string; link?: string; items?: RssItem[] };
      return { kind: parsed.format, title: present(feed.title), home: present(feed.link), items: (feed.items ?? []).map(rssItem) };
    }
    case 'atom': {
      const feed = parsed.feed as { title?: AtomText; links?: Array<{ href?: string; rel?: string }>; entries?: AtomEntry[] };
      const home = feed.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
      return { kind: 'atom', title: plainText(feed.title), home: present(home), items: (feed.entries ?? []).map(atomEntry) };
    }
    case 'json': {
      const feed = parsed.feed as { title?: string; home_page_url?: string; items?: JsonItem[] };
      return { kind: 'json-feed', title: present(feed.title), home: present(feed.home_page_url), items: (feed.items ?? []).map(jsonItem) };
    }
  }
}
