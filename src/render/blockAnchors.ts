// Block references (Obsidian): a block that ends with `^id` can be linked as `[[note#^id]]`.
// The marker is not shown; the block's first line is recorded under the id, as headings are.
// A marker on a line of its own after a block (a list, a table, a quote) names that block.
import { isBreak, type Atom } from './wrapAtoms.js';
import type { BodyToken } from './renderContext.js';
import { ALONE_BLOCK_MARKER as ALONE, TRAILING_BLOCK_MARKER as TRAILING } from '../text/blockMarkers.js';

/** The id of a paragraph that is only a `^id` marker, else null. */
export function standaloneAnchor(t: BodyToken): string | null {
  // (A marker holds a `^`: most paragraphs are not looked at further.)
  if (t.type !== 'paragraph' || !t.raw.includes('^')) return null;
  return ALONE.exec(t.raw.trim())?.[1] ?? null;
}

/**
 * The id of the `^id` marker a paragraph (or a list item's text) ends with, taken out of its
 * laid-out atoms; null when it has none. The source decides (a `^x` inside a code span or a link
 * ends the raw text with a backtick or a bracket, so it is no marker).
 */
export function takeTrailingAnchor(source: string, atoms: Atom[]): string | null {
  const id = source.includes('^') ? TRAILING.exec(source.trimEnd())?.[1] : undefined;
  if (!id) return null;
  for (let i = atoms.length - 1; i >= 0; i--) {
    const a = atoms[i];
    if (isBreak(a)) continue;
    if (a.text.trim() === '') continue;
    const m = TRAILING.exec(a.text);
    if (!m || m[1] !== id || a.link !== -1) return null;
    const kept = a.text.slice(0, m.index);
    if (kept === '') atoms.splice(i, 1);
    else atoms[i] = { ...a, text: kept };
    return id;
  }
  return null;
}
