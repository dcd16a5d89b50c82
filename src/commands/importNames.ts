// What `import` calls things it makes (SPEC §2): output file names, and the title of a
// fetched page that names itself nowhere.

/** The longest file name most file systems take, in bytes (ext4, APFS, NTFS in UTF-16 units: fewer). */
export const MAX_NAME_BYTES = 255;
const EXTENSION = '.md';

/** `text` cut to at most `max` UTF-8 bytes, never inside a character. */
export function capBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Letters, digits, `.`, `_` and `-` only; never a leading dot (the library skips dotfiles) or a trailing `.`/`-`. */
function safeStem(stem: string): string {
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+|[.-]+$/g, '');
}

/**
 * A file name `stem.md` (then `stem-2.md`, `stem-3.md` ...) not in `taken`, which it joins.
 * Capped in bytes after the suffix, so the 2nd of two long names is as valid as the 1st.
 * `taken` holds names lower-cased: on a case-insensitive disk `A.md` and `a.md` are one file.
 */
export function uniqueFileName(stem: string, taken: Set<string>): string {
  const base = safeStem(stem) || 'article';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const name = `${safeStem(capBytes(base, MAX_NAME_BYTES - EXTENSION.length - suffix.length)) || 'article'}${suffix}${EXTENSION}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The last segment of a URL's path, percent-decoded, without a web page's extension; '' when none. */
function lastSegment(url: string): string {
  try {
    const segment = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A malformed escape: the segment as written is still a name.
    }
    return decoded.replace(/\.(html?|php|aspx?)$/i, '');
  } catch {
    return '';
  }
}

/** A URL's output stem: the last segment of its path, else its title (lower case, hyphens, at most 60 characters). */
export function urlStem(url: string, title: string): string {
  const name = lastSegment(url) || title;
  const hyphenated = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  // 60 characters, not code units: a cut never splits a surrogate pair.
  return Array.from(hyphenated).slice(0, 60).join('').replace(/-+$/, '');
}

/** The title of a fetched page that gives none (no og:title, `<title>` or `<h1>`): its path's last segment, else its host. */
export function urlTitle(url: string): string {
  const segment = lastSegment(url).trim();
  if (segment) return segment;
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}
