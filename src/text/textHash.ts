// Quick hashes of text: a running 32-bit FNV-1a (the search index's title stamps, the mentions'
// titles), and names for files kept in the cache folder (a library's metadata cache, its search
// index, a first frame kept for the next start) made of two of them. Not node:crypto, whose
// loading costs a warm start ~4 ms; a collision only makes two keys take turns with one file,
// whose contents say what they were written for.

/** 32-bit FNV-1a of a text, continuing from `hash` (to hash several texts as one). */
export function hashText(text: string, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** 16 hex digits naming `text`: two FNV-1a hashes, the second seeded by the first. */
export function textHash(text: string): string {
  const first = hashText(text);
  const second = hashText(text, first ^ 0x9e3779b9);
  return first.toString(16).padStart(8, '0') + second.toString(16).padStart(8, '0');
}
