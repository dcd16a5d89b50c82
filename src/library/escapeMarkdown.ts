// Raw text → Markdown that shows exactly as typed (SPEC §1b rule 5: `*`, `#`, `1.`, `<b>`).

/** Escape characters that are Markdown syntax anywhere in a line, then line-start markers. */
export function escapeMarkdownLine(line: string): string {
  // `$` and doubled `%` / `=` too: notes-vault math, comments and highlights (vaultSyntax.ts).
  let s = line.replace(/[\\`*_[\]<>#|~&$]|%(?=%)|(?<=%)%|=(?==)|(?<==)=/g, '\\$&');
  // Block markers that only count at the start of a line: lists, quotes, setext, rules.
  s = s.replace(/^(\s*)([-+=>])/, '$1\\$2');
  s = s.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Four leading spaces would make a code block; the text's indentation is not meaningful here.
  return s.replace(/^[ \t]+/, '');
}

/**
 * Text shown as written inside a link's `[…]`: every character that could make Markdown there
 * is escaped. Brackets and parentheses too, or `[a](b)` inside a label closes it early (marked
 * then reads the rest as text and a live autolink); `&` too, or `&#27;` would be decoded.
 */
export function escapeLinkLabel(text: string): string {
  return text.replace(/[\\`*_[\]()<>#|~&!]/g, '\\$&').replace(/\n/g, ' ');
}

/**
 * A link destination in `<…>` form, which allows spaces, read back as exactly `href`: `\`, `<`,
 * `>` and `&` escaped (an entity there would be decoded), newlines made spaces.
 */
export function markdownDestination(href: string): string {
  return `<${href.replace(/[\\<>&]/g, '\\$&').replace(/\n/g, ' ')}>`;
}
