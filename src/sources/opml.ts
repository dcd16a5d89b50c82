// OPML subscription lists (what every feed reader exports): the feeds in it, folders flattened.
import { parseOpml } from 'feedsmith';
import { SourceFormatError, type FeedDirectory } from './types.js';

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

export function parseOpmlText(text: string): FeedDirectory {
  let opml;
  try {
    opml = parseOpml(text) as { head?: { title?: string }; body?: { outlines?: Outline[] } };
  } catch (error) {
    throw new SourceFormatError(`not an OPML list that can be read (${(error instanceof Error ? error.message : String(error)).toLowerCase()})`);
  }
  const feeds: FeedDirectory['feeds'] = [];
  const seen = new Set<string>();
  const visit = (outline: Outline) => {
    const url = outline.xmlUrl?.trim();
    if (url && !seen.has(url)) {
      seen.add(url);
      const title = (outline.title ?? outline.text)?.trim();
      feeds.push(title ? { url, title } : { url });
    }
    outline.outlines?.forEach(visit);
  };
  opml.body?.outlines?.forEach(visit);
  const title = opml.head?.title?.trim();
  return { kind: 'opml', ...(title ? { title } : {}), feeds };
}
