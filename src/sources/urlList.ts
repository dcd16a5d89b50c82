// A plain text file of URLs, one a line; blank lines and lines starting with '#' are skipped.

/** The URLs of the text when every line that is not blank or a comment is an http(s) URL; null otherwise. */
export function urlListOf(text: string): string[] | null {
  const urls: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/\s/.test(line)) return null;
    try {
      const url = new URL(line);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    } catch {
      return null;
    }
    urls.push(line);
  }
  return urls.length > 0 ? urls : null;
}
