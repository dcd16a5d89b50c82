// Markdown articles (SPEC §1a): front matter + body. Links are resolved later, by the loader.
import { parseFrontMatter } from './frontMatter.js';
import type { ParsedArticle } from './parsedArticle.js';
import { lexBody, plainTextOf } from './bodyLinks.js';
import { decodeEntities } from './htmlEntities.js';

/** A heading's words as the reader sees them: no badges, link targets or markup. */
function headingText(markdown: string): string {
  const text = plainTextOf(lexBody(markdown).tokens).replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/[\s\u00a0]+/gu, ' ').trim();
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

export function parseMarkdownArticle(text: string, fileTitle: string): ParsedArticle {
  const { data, body, errors } = parseFrontMatter(text);
  return {
    title: data.title ?? firstHeading(body) ?? fileTitle,
    section: data.section ?? [],
    date: data.date ?? null,
    author: data.author ?? null,
    summary: data.summary ?? null,
    source: data.source ?? null,
    body,
    related: data.related,
    previous: data.previous ?? null,
    next: data.next ?? null,
    titleHrefs: new Set(),
    problems: errors.map((message) => ({ kind: 'front-matter' as const, message })),
  };
}
