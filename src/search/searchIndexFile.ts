// The library search's index kept between runs, in `<cacheDir>/search/`: one binary file per
// library (its roots), the index's typed arrays as they are in memory, so a warm start reads
// one file instead of every body (100,000 bodies take about 15 s of CPU to read; the file, a
// fraction of a second). Each document is kept with its file's size and mtime: the search reads again
// only files whose stamp changed (librarySearch.ts). Beside it, "mentioned in" as JSON: what
// each article mentioned when its file had that stamp (mentions.ts). Anything wrong with a
// file: no index, built again.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../library/types.js';
import { BUILD_STAMP, libraryKey, PARSER_VERSION } from '../library/libraryCache.js';
import { atomicWriter } from '../startup.js';
import type { IndexKeeping } from './librarySearch.js';
import type { KeptMentioner, MentionsKeeping } from './mentions.js';
import type { SearchIndex } from './searchIndex.js';

/** Bump when the file's layout or what is indexed changes. */
export const SEARCH_FORMAT = 1;
const MAGIC = 0x58495342; // "BSIX", little-endian

/** What the bodies were read and indexed with: a rebuilt or reinstalled broadsheet never trusts an older index. */
const PARSER = `${SEARCH_FORMAT}:${PARSER_VERSION}:${BUILD_STAMP}`;

/** The index file of a library with these roots (named as its metadata cache is). */
export function searchIndexFile(cacheDir: string, roots: readonly string[]): string {
  return path.join(cacheDir, 'search', `${libraryKey([...roots])}.idx`);
}

interface Header {
  parser: string;
  roots: readonly string[];
  documents: number;
  terms: number;
  postings: number;
  keyBytes: number;
  termBytes: number;
}

const align = (n: number) => (n + 7) & ~7;

/** The index as bytes: a header (JSON), then the arrays, each 8-byte aligned, then keys and words. */
export function encodeIndex(index: SearchIndex, roots: readonly string[]): Buffer {
  const keys = Buffer.from(index.keys.join('\u0000'), 'utf8');
  const terms = Buffer.from(index.terms.join('\u0000'), 'utf8');
  const header: Header = { parser: PARSER, roots, documents: index.keys.length, terms: index.terms.length, postings: index.docs.length, keyBytes: keys.length, termBytes: terms.length };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const arrays = [index.stamps, index.lengths, index.offsets, index.docs, index.freqs];
  let size = align(8 + head.length);
  for (const array of arrays) size = align(size + array.byteLength);
  size += keys.length + terms.length;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  let at = align(8 + head.length);
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align(at + array.byteLength);
  }
  keys.copy(out, at);
  terms.copy(out, at + keys.length);
  return out;
}

/** The index in the bytes, or null when they are not an index of this format for these roots. */
export function decodeIndex(bytes: Buffer, roots: readonly string[]): SearchIndex | null {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== MAGIC) return null;
  const headLength = bytes.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headLength)) as Header;
  } catch {
    return null;
  }
  if (header.parser !== PARSER || JSON.stringify(header.roots) !== JSON.stringify(roots)) return null;
  const { documents: n, terms: t, postings: p } = header;
  if (![n, t, p, header.keyBytes, header.termBytes].every((v) => Number.isInteger(v) && v >= 0)) return null;
  // Typed arrays over the file's own memory (copied once if it is not 8-byte aligned).
  const base = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  let at = align(8 + headLength);
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, width: number): T | null => {
    if (at + length * width > base.length) return null;
    const array = make(base.buffer as ArrayBuffer, base.byteOffset + at, length);
    at = align(at + length * width);
    return array;
  };
  const stamps = take((b, o, l) => new Float64Array(b, o, l), n * 3, 8);
  const lengths = take((b, o, l) => new Uint32Array(b, o, l), n * 3, 4);
  const offsets = take((b, o, l) => new Uint32Array(b, o, l), t * 3 + 1, 4);
  const docs = take((b, o, l) => new Uint32Array(b, o, l), p, 4);
  const freqs = take((b, o, l) => new Uint16Array(b, o, l), p, 2);
  if (!stamps || !lengths || !offsets || !docs || !freqs || at + header.keyBytes + header.termBytes > base.length) return null;
  const keys = n === 0 ? [] : base.toString('utf8', at, at + header.keyBytes).split('\u0000');
  const terms = t === 0 ? [] : base.toString('utf8', at + header.keyBytes, at + header.keyBytes + header.termBytes).split('\u0000');
  if (keys.length !== n || terms.length !== t || offsets[t * 3] !== p) return null;
  for (let i = 0; i < p; i++) if (docs[i] >= n) return null;
  return { keys, stamps, lengths, terms, offsets, docs, freqs };
}

/**
 * Written whole or not at all, at once: an asynchronous atomic write keeps exit and signal
 * handlers installed while it runs (the reader's own signal handling would share the process
 * with them), and a cache lost in a crash is only built again (no fsync).
 */
function writeQuietly(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  atomicWriter().sync(file, data, { fsync: false });
}

/**
 * Keeping a library's search index in `cacheDir`: read back once, written after a build that
 * changed it (in the background: a write that fails only costs the next start its reading).
 */
export function searchIndexKeeping(cacheDir: string, roots: readonly string[]): IndexKeeping {
  const file = searchIndexFile(cacheDir, roots);
  return {
    load() {
      try {
        return decodeIndex(readFileSync(file), roots);
      } catch {
        return null;
      }
    },
    async save(index) {
      try {
        writeQuietly(file, encodeIndex(index, roots));
      } catch {
        // A cache that cannot be written is built again next time.
      }
    },
    stampOf: fileStamp,
  };
}

/** The stamp a file is kept with: its size and modification time now, or null when it cannot be looked at. */
function fileStamp(article: Article): readonly [number, number] | null {
  try {
    const st = statSync(article.absPath);
    return [st.size, st.mtimeMs];
  } catch {
    return null;
  }
}

/** The "mentioned in" file of a library with these roots: JSON, what each article mentioned and its file's stamp then. */
export function mentionsFile(cacheDir: string, roots: readonly string[]): string {
  return path.join(cacheDir, 'search', `${libraryKey([...roots])}.mentions.json`);
}

type KeptRow = [id: string, size: number, mtimeMs: number, mentions: string[]];

/** Keeping a library's "mentioned in" index in `cacheDir` (as searchIndexKeeping keeps its search index). */
export function mentionsKeeping(cacheDir: string, roots: readonly string[]): MentionsKeeping {
  const file = mentionsFile(cacheDir, roots);
  return {
    load() {
      try {
        const data = JSON.parse(readFileSync(file, 'utf8')) as { parser?: unknown; roots?: unknown; titles?: unknown; articles?: unknown };
        if (data.parser !== PARSER || JSON.stringify(data.roots) !== JSON.stringify(roots) || typeof data.titles !== 'number' || !Array.isArray(data.articles)) return null;
        const byMentioner = new Map<string, KeptMentioner>();
        for (const row of data.articles as unknown[]) {
          if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'number' || typeof row[2] !== 'number' || !Array.isArray(row[3])) return null;
          byMentioner.set(row[0], { stamp: [row[1], row[2]], mentions: (row[3] as unknown[]).filter((id): id is string => typeof id === 'string') });
        }
        return { titles: data.titles, byMentioner };
      } catch {
        return null;
      }
    },
    async save(kept) {
      const articles: KeptRow[] = [...kept.byMentioner].map(([id, { stamp, mentions }]) => [id, stamp[0], stamp[1], [...mentions]]);
      try {
        writeQuietly(file, JSON.stringify({ parser: PARSER, roots, titles: kept.titles, articles }));
      } catch {
        // Built again next time.
      }
    },
    stampOf: fileStamp,
  };
}
