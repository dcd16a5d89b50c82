// Raw saved news pages (`*.txt`, SPEC §1b): text copied from a page, turned into Markdown
// that shows as typed, with the title, section, headings, related links and the
// previous/next chain read from its shape.
import { matchRelatedOpener } from './relatedOpeners.js';
import { stripEnclosingQuotes } from './normalizeTitle.js';
import { escapeLinkLabel, escapeMarkdownLine, markdownDestination } from './escapeMarkdown.js';

export interface RawRelated {
  /** The title as written (curly quotes kept): the link's label. */
  label: string;
  /** The title to resolve by: enclosing quotes stripped. Also the link's href. */
  title: string;
}

export interface RawPage {
  title: string;
  section: string[];
  /** Markdown: text escaped, headings as `## `, related paragraphs as `Read: [label](<title>)`. */
  body: string;
  headings: string[];
  /** In body order. */
  related: RawRelated[];
  previous: string | null;
  next: string | null;
}

const PREVIOUS = 'Previous article';
const NEXT = 'Next article';
// What a heading line does not end with: sentence punctuation or a closing quote.
const NOT_HEADING_END = /[.!?:;…"'”’»›」』)]$/u;
const SPACES = /[\s\u00a0]+/gu;

function collapse(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/** More than `n` code units of `s` are not whitespace (collapse keeps every one of them). */
function moreVisibleThan(s: string, n: number): boolean {
  if (s.length <= n) return false;
  let visible = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && /\s/.test(s[i]));
    if (!space && ++visible > n) return true;
  }
  return false;
}

/** `[...s].length <= n`, without spreading a long paragraph into an array. */
function codePointsAtMost(s: string, n: number): boolean {
  if (s.length <= n) return true;
  if (s.length > 2 * n) return false; // a code point is at most two code units
  return [...s].length <= n;
}

/** `collapse(line) === ''`, without building the collapsed line. */
function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

// The spaces a related opener may follow (relatedOpeners.ts), and the words it starts with.
const LEADING_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]*/u;
const OPENER_STARTS = ['→', 'Read', 'READ', 'See'];

/**
 * False when a paragraph whose first line is this cannot start with a related opener: its first
 * character that is not a space is in this line and starts none of the openers. (Lines are
 * joined with a space, so an opener's first word never runs on into the next line.)
 */
function mayOpenRelated(firstLine: string): boolean {
  const lead = LEADING_SPACE.exec(firstLine)?.[0].length ?? 0;
  if (lead === firstLine.length) return true; // only spaces here: decide on the whole paragraph
  return OPENER_STARTS.some((w) => firstLine.startsWith(w, lead));
}

export interface RawPageOptions {
  /**
   * The Markdown written for a related link in place (after its opener). Default:
   * `[label](<title>)`, which the library resolves by title. `import` passes its own, to
   * write a link to the resolved id or `[[title]]`.
   */
  relatedLink?: (related: RawRelated) => string;
}

/**
 * The default form of a raw page's related link: label as written, title as the destination.
 * Both escaped whole (a raw page is not Markdown, SPEC §1b): whatever brackets, pipes, hashes or
 * `[text](url)` the title holds, this is one link, shown as typed, resolved by that title.
 */
export function defaultRelatedLink(r: RawRelated): string {
  return `[${escapeLinkLabel(r.label)}](${markdownDestination(r.title)})`;
}

/** Parse a raw page's text (already decoded, LF line ends). `fallbackTitle` is used for an empty page. */
export function parseRawPage(text: string, fallbackTitle = '', options: RawPageOptions = {}): RawPage {
  const relatedLink = options.relatedLink ?? defaultRelatedLink;
  const lines = text.split('\n');
  let previous: string | null = null;
  let next: string | null = null;
  let end = lines.length;
  lines.forEach((line, i) => {
    if (!line.includes(PREVIOUS) && !line.includes(NEXT)) return;
    const t = line.replace(/^[\s\u00a0]+/u, '');
    const kind = t.startsWith(PREVIOUS) ? 'previous' : t.startsWith(NEXT) ? 'next' : null;
    if (!kind) return;
    end = Math.min(end, i);
    const rest = collapse(t.slice(kind === 'previous' ? PREVIOUS.length : NEXT.length));
    if (kind === 'previous' && previous === null && rest) previous = rest;
    if (kind === 'next' && next === null && rest) next = rest;
  });

  // The title is the first line with a letter or digit in it: rules of `====` are not titles.
  let i = 0;
  while (i < end && !/[\p{L}\p{N}]/u.test(lines[i])) i++;
  const first = i < end ? collapse(lines[i]) : '';
  let title = first || fallbackTitle;
  let section: string[] = [];
  i++;
  // Rule 1: when the title is repeated on its own line below, line 1 is breadcrumb + title.
  let j = i;
  while (j < end && isBlank(lines[j])) j++;
  if (first && j < end) {
    const repeated = collapse(lines[j]);
    if (repeated && first.endsWith(repeated) && (first === repeated || /\s$/.test(first.slice(0, first.length - repeated.length)))) {
      title = repeated;
      section = first.slice(0, first.length - repeated.length).split(' ').filter(Boolean);
      if (section[0]?.toLowerCase() === 'home') section.shift();
      i = j + 1;
    }
  }

  // Paragraphs: runs of non-blank lines.
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (let k = i; k < end; k++) {
    if (isBlank(lines[k])) {
      if (current.length) paragraphs.push(current);
      current = [];
    } else current.push(lines[k].replace(/[ \t]+$/, ''));
  }
  if (current.length) paragraphs.push(current);

  const out: string[] = [];
  const headings: string[] = [];
  const related: RawRelated[] = [];
  for (const para of paragraphs) {
    const opener = mayOpenRelated(para[0]) ? matchRelatedOpener(para.join(' ').replace(/^[\s]+/u, '')) : null;
    if (opener) {
      const label = collapse(para.join(' ').replace(/^\s+/u, '').slice(opener.length));
      if (label) {
        const entry = { label, title: stripEnclosingQuotes(label) };
        related.push(entry);
        // Keep the opener and its spacing as written; the title becomes the link.
        const sep = para.join(' ').replace(/^\s+/u, '').slice(opener.length).match(/^[\s\u00a0]*/u)?.[0] ?? ' ';
        out.push(`${escapeMarkdownLine(collapse(opener))}${sep || ' '}${relatedLink(entry)}`);
        continue;
      }
    }
    // A heading is one line of at most 60 characters once its spaces are collapsed; a line with
    // more than 120 characters that are not spaces is none, whatever its spaces.
    const joined = para.length === 1 && !moreVisibleThan(para[0], 120) ? collapse(para[0]) : '';
    if (para.length === 1 && joined !== '' && codePointsAtMost(joined, 60) && !NOT_HEADING_END.test(joined)) {
      headings.push(joined);
      out.push(`## ${escapeMarkdownLine(joined)}`);
      continue;
    }
    // Line breaks inside a paragraph were typed: keep them as hard breaks.
    out.push(para.map(escapeMarkdownLine).join('\\\n'));
  }
  return { title, section, body: out.join('\n\n') + (out.length ? '\n' : ''), headings, related, previous, next };
}
