// Obsidian's block markers: a block that ends with `^id` (after a space, or alone on its last
// line) can be linked as `[[note#^id]]`. The marker names the block and is never the note's
// text: not shown (render/blockAnchors.ts), not searched, not counted as a word.

/** A marker at the end of a block's source, after a space or alone; group 1 is the id. */
export const TRAILING_BLOCK_MARKER = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
/** A block that is only a marker (a marker naming the list, table or quote before it). */
export const ALONE_BLOCK_MARKER = /^\^([A-Za-z0-9-]+)$/;

// Per line, for text not split into blocks: a marker ends a line (a block's last line).
const MARKER_AT_LINE_END = /(^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/gm;

/** The text without the markers that end its lines. */
export function withoutBlockMarkers(text: string): string {
  return text.indexOf('^') < 0 ? text : text.replace(MARKER_AT_LINE_END, '$1');
}
