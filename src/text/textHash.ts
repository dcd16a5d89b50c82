// A quick hash of a text, for names of files kept in the cache folder (a library's metadata
// cache, a first frame kept for the next start). Not node:crypto, whose loading costs a warm
// start ~4 ms; a collision only makes two keys take turns with one file, whose contents say
// what they were written for.

/** cyrb53: a quick 53-bit hash of a string's UTF-16 code units, with a seed. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 24 hex digits naming `text`. */
export function textHash(text: string): string {
  return [1, 2].map((seed) => hash53(text, seed).toString(16).padStart(14, '0')).join('').slice(0, 24);
}
