// Terminal hyperlinks (OSC 8: `ESC ] 8 ; ; URL ST label ESC ] 8 ; ; ST`), the one place they are
// made. Only http, https and mailto URLs become links, normalised by the URL parser (spaces and
// non-ASCII percent-encoded) and then refused if anything but printable ASCII is left: no
// control character, no ESC or BEL, so no URL from a file can end the sequence early or start
// another one.
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL as a hyperlink may carry it, or null when it may not be one. */
export function hyperlinkUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!SCHEMES.has(parsed.protocol)) return null;
  const href = parsed.href;
  return /^[\x21-\x7e]+$/.test(href) && href.length <= 2000 ? href : null;
}

const ST = '\u001b\\';

export function hyperlinkOpen(href: string): string {
  return `\u001b]8;;${href}${ST}`;
}

export const HYPERLINK_CLOSE = `\u001b]8;;${ST}`;
