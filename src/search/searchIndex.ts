// The library search's index: an inverted index in a few typed arrays, so 100,000 articles
// cost tens of megabytes, not hundreds (a map entry per word per article did), a query walks
// flat posting lists, and the whole index is written to disk and read back as it is.
// Documents have slots (0..n-1); per field, a word's posting list holds the slots having it,
// ascending, and how often. Words are kept sorted, so a prefix is a range and a fuzzy look-up
// walks the words as a trie would. Scoring is BM25+ as MiniSearch (the previous index) scored,
// with its prefix and fuzzy weights, so results rank as they did. Pure: no files, no terminal.

/** Fields, in this order: title, section, body. */
const FIELD_COUNT = 3;
/** A set of fields as bits: title 1, section 2, body 4. */
export const TITLE = 1;
export const SECTION = 2;
export const BODY = 4;
export const ALL_FIELDS = TITLE | SECTION | BODY;
/** Field boosts: a title word counts eight times a body word. */
const BOOST = [8, 3, 1];
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.3;
/** Term frequencies are kept in 16 bits. */
const MAX_FREQ = 0xffff;

/** Lower case, accents dropped, compatibility forms unified: the same for index and query. */
export function foldTerm(term: string): string {
  // Most words are ASCII: skip the Unicode work for them (indexing folds every word).
  if (/^[\x20-\x7e]*$/.test(term)) return term.toLowerCase();
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}


/** The word split: whitespace and punctuation (MiniSearch's, which the index used before). */
export const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** One document's text by field, and the stamp it is kept with (opaque here: the file's size and time). */
export interface IndexedDocument {
  key: string;
  title: string;
  section: string;
  body: string;
  stamp: readonly [number, number, number];
}

/** A built index: plain data, never changed (an update builds another). */
export interface SearchIndex {
  /** The document of each slot (article paths). */
  readonly keys: readonly string[];
  /** Per slot, three numbers the caller gave with the document (file size, mtime, a hash of its title). */
  readonly stamps: Float64Array;
  /** Per slot and field (slot * 3 + field): distinct words as split, before folding (BM25's field length). */
  readonly lengths: Uint32Array;
  /** Sorted, distinct. */
  readonly terms: readonly string[];
  /** Posting list of term t in field f: docs/freqs from offsets[t*3+f] to offsets[t*3+f+1]. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly freqs: Uint16Array;
}

/** Average field lengths over the documents. */
function averages(index: SearchIndex): Float64Array {
  const sums = new Float64Array(FIELD_COUNT);
  const n = index.keys.length;
  for (let slot = 0; slot < n; slot++) for (let f = 0; f < FIELD_COUNT; f++) sums[f] += index.lengths[slot * FIELD_COUNT + f];
  for (let f = 0; f < FIELD_COUNT; f++) sums[f] = n === 0 ? 0 : sums[f] / n;
  return sums;
}

const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/**
 * A growable typed array in blocks of 65,536 items (the builder's entries are 4.5 million at
 * 100,000 articles): growing never copies, and never holds an old array beside one twice its
 * size, which was up to 130 MB at once.
 */
class Blocks<T extends Uint32Array | Uint16Array | Uint8Array | Float64Array> {
  length = 0;
  private readonly blocks: T[] = [];
  constructor(private readonly make: (size: number) => T) {}
  push(value: number): void {
    const at = this.length & BLOCK_MASK;
    if (at === 0) this.blocks.push(this.make(BLOCK_MASK + 1));
    this.blocks[this.blocks.length - 1][at] = value;
    this.length++;
  }
  at(i: number): number {
    return this.blocks[i >>> BLOCK_BITS][i & BLOCK_MASK];
  }
  /** The items in one array of their own. */
  joined(): T {
    const out = this.make(this.length);
    this.blocks.forEach((block, b) => out.set(block.subarray(0, Math.min(block.length, this.length - (b << BLOCK_BITS))), b << BLOCK_BITS));
    return out;
  }
}

/** A document's words per field: how many distinct words as split (BM25's length), and each folded word's count. */
function fieldTerms(doc: IndexedDocument): Array<{ length: number; terms: Map<string, number> }> {
  return [doc.title, doc.section, doc.body].map((text) => {
    // Count the words as split, then fold each distinct one once.
    const counts = new Map<string, number>();
    for (const token of text.split(SPLIT)) counts.set(token, (counts.get(token) ?? 0) + 1);
    const terms = new Map<string, number>();
    for (const [token, count] of counts) {
      const term = foldTerm(token);
      if (term !== '') terms.set(term, (terms.get(term) ?? 0) + count);
    }
    return { length: counts.size, terms };
  });
}

/**
 * The index with a few documents left out (`drop`) and a few added after the rest: the
 * arrays copied list by list, the kept slots renumbered in order, the new words merged into
 * the sorted ones. What an edit costs at 100,000 articles: tens of milliseconds, where
 * building the index again from its postings takes over a second.
 */
export function patchIndex(index: SearchIndex, drop: (slot: number) => boolean, docs: readonly IndexedDocument[]): SearchIndex {
  const n = index.keys.length;
  const moved = new Int32Array(n);
  let kept = 0;
  for (let slot = 0; slot < n; slot++) moved[slot] = drop(slot) ? -1 : kept++;
  const total = kept + docs.length;
  const keys = new Array<string>(total);
  const stamps = new Float64Array(total * 3);
  const lengths = new Uint32Array(total * FIELD_COUNT);
  for (let slot = 0; slot < n; slot++) {
    const to = moved[slot];
    if (to < 0) continue;
    keys[to] = index.keys[slot];
    stamps.set(index.stamps.subarray(slot * 3, slot * 3 + 3), to * 3);
    lengths.set(index.lengths.subarray(slot * FIELD_COUNT, slot * FIELD_COUNT + FIELD_COUNT), to * FIELD_COUNT);
  }
  // The new documents' postings, by word: [slot, field, count] triples, slots ascending.
  const added = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    const slot = kept + i;
    keys[slot] = doc.key;
    stamps.set(doc.stamp, slot * 3);
    fieldTerms(doc).forEach(({ length, terms }, field) => {
      lengths[slot * FIELD_COUNT + field] = length;
      for (const [term, count] of terms) {
        let list = added.get(term);
        if (!list) added.set(term, (list = []));
        list.push(slot, field, count);
      }
    });
  });
  // The words: the old ones and the new ones, merged in order (the old array itself when none is new).
  const fresh = [...added.keys()].filter((term) => termIndex(index, term) < 0).sort((a, b) => (a < b ? -1 : 1));
  let terms: readonly string[] = index.terms;
  let oldOf: Int32Array | null = null;
  if (fresh.length > 0) {
    const merged: string[] = [];
    oldOf = new Int32Array(index.terms.length + fresh.length);
    for (let i = 0, j = 0; i < index.terms.length || j < fresh.length; ) {
      if (j >= fresh.length || (i < index.terms.length && index.terms[i] < fresh[j])) {
        oldOf[merged.length] = i;
        merged.push(index.terms[i++]);
      } else {
        oldOf[merged.length] = -1;
        merged.push(fresh[j++]);
      }
    }
    terms = merged;
  }
  // The new postings by word position (a few words: looked up, not a map of every word).
  const extra = new Map<number, number[]>();
  for (const [term, list] of added) extra.set(lowerBound(terms, term), list);
  // One pass: each list's kept postings (renumbered), then its new ones.
  const offsets = new Uint32Array(terms.length * FIELD_COUNT + 1);
  let newPostings = 0;
  for (const list of added.values()) newPostings += list.length / 3;
  const docsOut = new Uint32Array(index.docs.length + newPostings);
  const freqs = new Uint16Array(docsOut.length);
  let at = 0;
  for (let t = 0; t < terms.length; t++) {
    const old = oldOf ? oldOf[t] : t;
    const list = extra.get(t);
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (old >= 0) {
        const end = index.offsets[old * FIELD_COUNT + f + 1];
        for (let i = index.offsets[old * FIELD_COUNT + f]; i < end; i++) {
          const to = moved[index.docs[i]];
          if (to < 0) continue;
          docsOut[at] = to;
          freqs[at++] = index.freqs[i];
        }
      }
      if (list) {
        for (let k = 0; k < list.length; k += 3) {
          if (list[k + 1] !== f) continue;
          docsOut[at] = list[k];
          freqs[at++] = Math.min(list[k + 2], MAX_FREQ);
        }
      }
      offsets[t * FIELD_COUNT + f + 1] = at;
    }
  }
  // Words no document has any more stay, with empty lists (the next full build drops them).
  const fits = at === docsOut.length;
  return { keys, stamps, lengths, terms, offsets, docs: fits ? docsOut : docsOut.slice(0, at), freqs: fits ? freqs : freqs.slice(0, at) };
}

/** Documents in, an index out. Slots are given in the order documents are added. */
export class IndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  // One entry per (document, field, word): which word, field, slot, how often.
  private readonly entryTerm = new Blocks((n) => new Uint32Array(n));
  private readonly entryField = new Blocks((n) => new Uint8Array(n));
  private readonly entryDoc = new Blocks((n) => new Uint32Array(n));
  private readonly entryFreq = new Blocks((n) => new Uint16Array(n));
  private readonly keys: string[] = [];
  private readonly stamps = new Blocks((n) => new Float64Array(n));
  private readonly lengths = new Blocks((n) => new Uint32Array(n));

  get size(): number {
    return this.keys.length;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  private entry(term: number, field: number, slot: number, freq: number): void {
    this.entryTerm.push(term);
    this.entryField.push(field);
    this.entryDoc.push(slot);
    this.entryFreq.push(Math.min(freq, MAX_FREQ));
  }

  /** Index a document; returns its slot. */
  add(doc: IndexedDocument): number {
    const slot = this.keys.length;
    this.keys.push(doc.key);
    for (const value of doc.stamp) this.stamps.push(value);
    fieldTerms(doc).forEach(({ length, terms }, field) => {
      this.lengths.push(length);
      for (const [term, count] of terms) this.entry(this.termId(term), field, slot, count);
    });
    return slot;
  }

  /** The index: words sorted, postings grouped by word and field (slots ascending within each). */
  finish(): SearchIndex {
    const order = this.termList.map((_, i) => i).sort((a, b) => (this.termList[a] < this.termList[b] ? -1 : 1));
    const rank = new Uint32Array(order.length);
    order.forEach((id, i) => (rank[id] = i));
    const terms = order.map((id) => this.termList[id]);
    const count = this.entryTerm.length;
    const { entryTerm, entryField, entryDoc, entryFreq } = this;
    // Counting sort by (word, field): stable, so slots stay ascending as they were added.
    const offsets = new Uint32Array(terms.length * FIELD_COUNT + 1);
    for (let i = 0; i < count; i++) offsets[rank[entryTerm.at(i)] * FIELD_COUNT + entryField.at(i) + 1]++;
    for (let i = 1; i < offsets.length; i++) offsets[i] += offsets[i - 1];
    const fill = offsets.slice(0, -1);
    const docs = new Uint32Array(count);
    const freqs = new Uint16Array(count);
    for (let i = 0; i < count; i++) {
      const at = fill[rank[entryTerm.at(i)] * FIELD_COUNT + entryField.at(i)]++;
      docs[at] = entryDoc.at(i);
      freqs[at] = entryFreq.at(i);
    }
    return { keys: [...this.keys], stamps: this.stamps.joined(), lengths: this.lengths.joined(), terms, offsets, docs, freqs };
  }
}

// ---- Looking words up ----

/** The first index in sorted `terms` not below `term`. */
function lowerBound(terms: readonly string[], term: string, lo = 0, hi = terms.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the word, or -1. */
export function termIndex(index: SearchIndex, term: string): number {
  const i = lowerBound(index.terms, term);
  return i < index.terms.length && index.terms[i] === term ? i : -1;
}

/** Indexes of the words starting with `prefix`: a range of the sorted words. */
export function prefixRange(index: SearchIndex, prefix: string): [number, number] {
  const lo = lowerBound(index.terms, prefix);
  return [lo, lowerBound(index.terms, `${prefix}\uffff`, lo)];
}

/**
 * Words within `maxDistance` edits (Levenshtein: insert, delete, substitute) of `term`, with
 * their distance. The sorted words are walked as a trie: a row of the edit table per letter
 * of the shared prefix is kept, and a prefix no word below can come back from is skipped.
 */
export function fuzzyTerms(index: SearchIndex, term: string, maxDistance: number): Array<[number, number]> {
  const terms = index.terms;
  const width = term.length + 1;
  // rows[d] is the table row after d letters of the current word.
  const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)];
  const found: Array<[number, number]> = [];
  let previous = '';
  let i = 0;
  while (i < terms.length) {
    const word = terms[i];
    let depth = 0;
    const shared = Math.min(previous.length, word.length, rows.length - 1);
    while (depth < shared && previous.charCodeAt(depth) === word.charCodeAt(depth)) depth++;
    let pruned = -1;
    for (; depth < word.length; depth++) {
      const above = rows[depth];
      const row = rows[depth + 1] ?? (rows[depth + 1] = new Int32Array(width));
      row[0] = depth + 1;
      let least = row[0];
      const code = word.charCodeAt(depth);
      for (let j = 1; j < width; j++) {
        const cost = term.charCodeAt(j - 1) === code ? 0 : 1;
        const value = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
        row[j] = value;
        if (value < least) least = value;
      }
      if (least > maxDistance) {
        pruned = depth + 1;
        break;
      }
    }
    if (pruned > 0) {
      // No word starting with these letters is near enough: skip them all.
      const prefix = word.slice(0, pruned);
      previous = prefix;
      i = lowerBound(terms, `${prefix}\uffff`, i + 1);
      // The rows kept are valid for `prefix` (they were just computed for it).
      continue;
    }
    const distance = rows[word.length][term.length];
    if (distance <= maxDistance) found.push([i, distance]);
    previous = word;
    i++;
  }
  return found;
}

// ---- Scoring ----

/** One part of a query: a word, how it may match (prefix, fuzzy) and in which fields. */
export interface TermQuery {
  term: string;
  prefix: boolean;
  /** Edits allowed as a fraction of the word's length (MiniSearch's `fuzzy: 0.2`), or false. */
  fuzzy: number | false;
  fields: number;
}

/** What a query word expanded to: each indexed word it matches and its weight. */
export interface Expansion {
  term: number;
  weight: number;
  fields: number;
}

const MAX_FUZZY = 2;

export function expand(index: SearchIndex, query: TermQuery): Expansion[] {
  const out: Expansion[] = [];
  const exact = termIndex(index, query.term);
  if (exact >= 0) out.push({ term: exact, weight: 1, fields: query.fields });
  const taken = new Set<number>([exact]);
  if (query.prefix) {
    const [lo, hi] = prefixRange(index, query.term);
    for (let t = lo; t < hi; t++) {
      if (t === exact) continue;
      const length = index.terms[t].length;
      const distance = length - query.term.length;
      out.push({ term: t, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance), fields: query.fields });
      taken.add(t);
    }
  }
  if (query.fuzzy !== false) {
    const maxDistance = Math.min(MAX_FUZZY, Math.round(query.term.length * query.fuzzy));
    if (maxDistance > 0) {
      for (const [t, distance] of fuzzyTerms(index, query.term, maxDistance)) {
        if (distance === 0 || taken.has(t)) continue;
        const length = index.terms[t].length;
        out.push({ term: t, weight: (FUZZY_WEIGHT * length) / (length + distance), fields: query.fields });
      }
    }
  }
  return out;
}

/** A query word's documents: slots ascending, each with its score and the fields it was found in. */
export interface WordHits {
  count: number;
  slots: Uint32Array;
  scores: Float64Array;
  fields: Uint8Array;
  expansions: Expansion[];
}

/**
 * Per-slot sums and a word's hits, reused from key to key: at 100,000 articles a word's hits
 * are over a megabyte, and a fresh one per key sets the collector going over the whole heap.
 */
export class Scratch {
  private sums = new Float64Array(0);
  private seen = new Uint8Array(0);
  private slots = new Uint32Array(0);
  private scores = new Float64Array(0);
  private fields = new Uint8Array(0);
  size(n: number): { sums: Float64Array; seen: Uint8Array; slots: Uint32Array; scores: Float64Array; fields: Uint8Array } {
    if (this.sums.length < n) {
      this.sums = new Float64Array(n);
      this.seen = new Uint8Array(n);
      this.slots = new Uint32Array(n);
      this.scores = new Float64Array(n);
      this.fields = new Uint8Array(n);
    }
    return { sums: this.sums, seen: this.seen, slots: this.slots, scores: this.scores, fields: this.fields };
  }
}

/** The BM25+ score of one posting: a word found `tf` times in a field of `length` words. */
function postingScore(factor: number, tf: number, length: number, average: number): number {
  return factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / (average || 1))));
}

/** What a posting list's every score is multiplied by: the part's weight, the field's boost, the word's rarity. */
function listFactor(index: SearchIndex, expansion: Expansion, field: number): number {
  const matching = index.offsets[expansion.term * FIELD_COUNT + field + 1] - index.offsets[expansion.term * FIELD_COUNT + field];
  const n = index.keys.length;
  return expansion.weight * BOOST[field] * Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
}

/**
 * Score every document one query word (the OR of its parts) matches, as BM25+ does per field.
 * The hits are the scratch's own (valid until its next use) unless `keep` asks for a copy.
 */
export function scoreWord(index: SearchIndex, parts: readonly TermQuery[], scratch: Scratch, keep: boolean): WordHits {
  const n = index.keys.length;
  const { sums, seen, slots, scores, fields } = scratch.size(n);
  const avg = averageOf(index);
  const expansions: Expansion[] = [];
  let touched = 0;
  for (const part of parts) {
    for (const expansion of expand(index, part)) {
      expansions.push(expansion);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const bit = 1 << f;
        if (!(expansion.fields & bit)) continue;
        const start = index.offsets[expansion.term * FIELD_COUNT + f];
        const end = index.offsets[expansion.term * FIELD_COUNT + f + 1];
        if (start === end) continue;
        const factor = listFactor(index, expansion, f);
        const average = avg[f];
        for (let i = start; i < end; i++) {
          const slot = index.docs[i];
          if (seen[slot] === 0) touched++;
          sums[slot] += postingScore(factor, index.freqs[i], index.lengths[slot * FIELD_COUNT + f], average);
          seen[slot] |= bit;
        }
      }
    }
  }
  let k = 0;
  for (let slot = 0; k < touched; slot++) {
    if (seen[slot] === 0) continue;
    slots[k] = slot;
    scores[k] = sums[slot];
    fields[k] = seen[slot];
    sums[slot] = 0;
    seen[slot] = 0;
    k++;
  }
  if (!keep) return { count: touched, slots, scores, fields, expansions };
  return { count: touched, slots: slots.slice(0, touched), scores: scores.slice(0, touched), fields: fields.slice(0, touched), expansions };
}

/** One document's score for a word, and the fields it was found in (0: not found). */
export function scoreOf(index: SearchIndex, expansions: readonly Expansion[], slot: number): { score: number; fields: number } {
  const avg = averageOf(index);
  let score = 0;
  let fields = 0;
  for (const expansion of expansions) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (!(expansion.fields & (1 << f))) continue;
      const at = postingAt(index, expansion.term, f, slot);
      if (at < 0) continue;
      score += postingScore(listFactor(index, expansion, f), index.freqs[at], index.lengths[slot * FIELD_COUNT + f], avg[f]);
      fields |= 1 << f;
    }
  }
  return { score, fields };
}

const averageCache = new WeakMap<SearchIndex, Float64Array>();
function averageOf(index: SearchIndex): Float64Array {
  let avg = averageCache.get(index);
  if (!avg) averageCache.set(index, (avg = averages(index)));
  return avg;
}

/** Where the slot is in a posting list (binary search: slots are ascending), or -1. */
function postingAt(index: SearchIndex, term: number, field: number, slot: number): number {
  let lo = index.offsets[term * FIELD_COUNT + field];
  let hi = index.offsets[term * FIELD_COUNT + field + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = index.docs[mid];
    if (at === slot) return mid;
    if (at < slot) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The indexed words of a word's expansions found in this document, in the expansions' order. */
export function termsIn(index: SearchIndex, expansions: readonly Expansion[], slot: number): string[] {
  const out: string[] = [];
  for (const expansion of expansions) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (expansion.fields & (1 << f) && postingAt(index, expansion.term, f, slot) >= 0) {
        const term = index.terms[expansion.term];
        if (!out.includes(term)) out.push(term);
        break;
      }
    }
  }
  return out;
}
