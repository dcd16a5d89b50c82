// The words of a Markdown body a reader sees, for search and "mentioned in": link
// destinations and raw HTML tags left out. Its own module so "mentioned in" (reached from the
// navigation code on the way to the first frame) does not load the search index library.
export function searchableBody(body: string): string {
  return body
    .replace(/\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ');
}
