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

/** The first `# ` heading outside code fences, as a title. */
export function firstHeading(body: string): string | null {
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    const m = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (m) {
      const text = headingText(m[1]);
      if (text) return text;
    }
  }
  return null;
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
    title: decodeOrNull(data.title) ?? firstHeading(body) ?? fileTitle,
    section: (data.section ?? []).map(decodeEntities),
    date: data.date ?? null,
    author: decodeOrNull(data.author),
    summary: decodeOrNull(data.summary),
    source: data.source ?? null,
    body,
    related: data.related.map(decodedLabel),
    previous: data.previous ? decodedLabel(data.previous) : null,
    next: data.next ? decodedLabel(data.next) : null,
    titleHrefs: new Set(),
    problems: errors.map((message) => ({ kind: 'front-matter' as const, message })),
  };
}
