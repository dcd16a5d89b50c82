// Markdown articles (SPEC §1a): front matter + body. Links are resolved later, by the loader.
import { parseFrontMatter } from './frontMatter.js';
import type { ParsedArticle } from './parsedArticle.js';
import { lexBody, plainTextOf } from './bodyLinks.js';
import { decodeEntities } from '../text/entities.js';
import type { RefSpec } from './refSpec.js';

/** A heading's words as the reader sees them: no badges, link targets or markup. */
function headingText(markdown: string): string {
  // plainTextOf has decoded the references already.
  return plainTextOf(lexBody(markdown).tokens).replace(/<[^>]*>/g, ' ').replace(/[\s\u00a0]+/gu, ' ').trim();
}

const ATX_H1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/** One line of `text` from `at`, and where the next one starts (-1 at the end). */
function lineAt(text: string, at: number): [string, number] {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? [text.slice(at), -1] : [text.slice(at, nl), nl + 1];
}

/**
 * The body's first block when it is a level-1 heading (`# Title`, or a line underlined with
 * `===`), as a title (SPEC §1a). A `# ` heading further down is a section of the note, not its
 * name: a vault's daily notes share their template's headings.
 */
export function leadingHeading(body: string): string | null {
  let at = 0;
  let line = '';
  do {
    [line, at] = lineAt(body, at);
  } while (line.trim() === '' && at >= 0);
  const atx = ATX_H1.exec(line);
  if (atx) return headingText(atx[1]) || null;
  if (at < 0 || line.trim() === '' || /^ {4}|^\t/.test(line)) return null;
  const [underline] = lineAt(body, at);
  return SETEXT_H1.test(underline) ? headingText(line.trim()) || null : null;
}

const decodeOrNull = (text: string | undefined): string | null => (text === undefined ? null : decodeEntities(text));

/** A REF's label is words the reader sees: decoded like the title. The REF itself stays as written. */
function decodedLabel(spec: RefSpec): RefSpec {
  return spec.label === undefined ? spec : { ...spec, label: decodeEntities(spec.label) };
}

export function parseMarkdownArticle(text: string, fileTitle: string): ParsedArticle {
  const { data, body, errors } = parseFrontMatter(text);
  // Front matter is text as written, entities and all (`title: Fish &amp; chips`): decoded
  // here, once, like the first heading; sanitised with every format's header (headerText.ts).
  return {
    title: decodeOrNull(data.title) ?? leadingHeading(body) ?? fileTitle,
    section: (data.section ?? []).map(decodeEntities),
    date: data.date ?? null,
    author: decodeOrNull(data.author),
    summary: decodeOrNull(data.summary),
    source: data.source ?? null,
    aliases: data.aliases.map(decodeEntities),
    tags: data.tags,
    body,
    related: data.related.map(decodedLabel),
    previous: data.previous ? decodedLabel(data.previous) : null,
    next: data.next ? decodedLabel(data.next) : null,
    titleHrefs: new Set(),
    problems: errors.map((message) => ({ kind: 'front-matter' as const, message })),
  };
}
