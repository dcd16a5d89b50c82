// The words an article says about itself (title, section, author, summary, link labels) as
// every surface shows them: `list`, `list --json`, `show`, the reader's title block and status
// line read these fields and nothing else. Each format's parser has decoded its entities (the
// DOM has for saved pages); here they are sanitised, once, for all formats (SPEC §4: decoded
// first, then cleaned), and whitespace runs (NBSP included) become one space.
import { sanitizeLine } from '../text/sanitize.js';
import { collapseWhitespace } from '../text/whitespace.js';
import type { ParsedArticle } from './parsedArticle.js';
import type { RefSpec } from './refSpec.js';

const shown = (text: string): string => collapseWhitespace(sanitizeLine(text));
const shownOrNull = (text: string | null): string | null => (text === null ? null : shown(text) || null);

/** The label is shown; the REF is a key (an id, a path, a title to match) and stays exact. */
function shownLabel(spec: RefSpec): RefSpec {
  return spec.label === undefined ? spec : { ...spec, label: shown(spec.label) };
}

/** The parsed article with its header fields ready to show. */
export function cleanHeader(parsed: ParsedArticle, fallbackTitle: string): ParsedArticle {
  return {
    ...parsed,
    title: shown(parsed.title) || shown(fallbackTitle) || fallbackTitle,
    section: parsed.section.map(shown).filter((part) => part !== ''),
    author: shownOrNull(parsed.author),
    summary: shownOrNull(parsed.summary),
    source: shownOrNull(parsed.source),
    aliases: parsed.aliases.map(shown).filter((alias) => alias !== ''),
    tags: parsed.tags.map(shown).filter((tag) => tag !== ''),
    related: parsed.related.map(shownLabel),
    previous: parsed.previous ? shownLabel(parsed.previous) : null,
    next: parsed.next ? shownLabel(parsed.next) : null,
  };
}
