// The words of a Markdown body a reader sees, for search and "mentioned in": link
// destinations, raw HTML tags and `^id` block markers left out. Its own module so "mentioned
// in" (reached from the navigation code on the way to the first frame) does not load the
// search index library.
import { withoutBlockMarkers } from '../text/blockMarkers.js';

export function searchableBody(body: string): string {
  return withoutBlockMarkers(body)
    .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
}
