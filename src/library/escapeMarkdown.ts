// Raw text → Markdown that shows exactly as typed (SPEC §1b rule 5: `*`, `#`, `1.`, `<b>`).

/** Escape characters that are Markdown syntax anywhere in a line, then line-start markers. */
export function escapeMarkdownLine(line: string): string {
  let s = line.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
  // Block markers that only count at the start of a line: lists, quotes, setext, rules.
  s = s.replace(/^(\s*)([-+=>])/, '$1\\$2');
  s = s.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Four leading spaces would make a code block; the text's indentation is not meaningful here.
  return s.replace(/^[ \t]+/, '');
}

/** A link destination in `<…>` form, which allows spaces. */
export function markdownDestination(href: string): string {
  return `<${href.replace(/[\\<>]/g, '\\$&').replace(/\n/g, ' ')}>`;
}
