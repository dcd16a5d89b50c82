// Finding a heading in a rendered article, by its slug (as GitHub writes it) or its text.
import type { RenderedArticle } from '../render/types.js';

/** Slug of a heading as GitHub writes it: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function headingLine(rendered: RenderedArticle, heading: string): number | null {
  const slug = headingSlug(heading);
  const wanted = heading.trim().toLocaleLowerCase('en');
  const found =
    rendered.headings.find((h) => h.slug === heading || h.slug === slug) ??
    rendered.headings.find((h) => h.text.trim().toLocaleLowerCase('en') === wanted);
  return found ? found.line : null;
}
