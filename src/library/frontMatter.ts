// YAML front matter (SPEC §1a): the block is found here and read with the `yaml` package (its
// YAML is the only YAML in the bundle; nothing of a file is ever evaluated as code).
// Never throws for a file: broken YAML or a field of the wrong type becomes a one-line message,
// and whatever could be read is kept.
import { createRequire } from 'node:module';
import { frontMatterTags } from './tags.js';
import type { RefSpec } from './refSpec.js';
import { dateProblem, normalizeDate } from '../text/dates.js';

export interface FrontMatter {
  title?: string;
  section?: string[];
  date?: string;
  author?: string;
  summary?: string;
  source?: string;
  aliases: string[];
  /** `tags`: a list, or names split by commas or spaces (tags.ts). */
  tags: string[];
  related: RefSpec[];
  previous?: RefSpec;
  next?: RefSpec;
}

export interface FrontMatterResult {
  data: FrontMatter;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
  /** One-line messages, without the file name. */
  errors: string[];
}

// A front-matter block: `---` alone, the YAML, then `---` or `...`.
const BLOCK = /^---[^\n]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function oneLine(s: string): string {
  return s.split('\n')[0].trim().replace(/:$/, '').slice(0, 200);
}

// The yaml package is evaluated at the first front matter the fast path below cannot read (~5 ms
// that `show` of a file with plain front matter never pays). A literal `require`, which esbuild
// bundles; under tsx, a require made for this module (as text/width.ts does).
let yaml: typeof import('yaml') | undefined;
const yamlParser = (): typeof import('yaml') =>
  (yaml ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof import('yaml'));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `[World, Transport]`, "World / Transport", "World > Transport", "World › Transport". */
export function parseSection(value: unknown): string[] | null {
  if (typeof value === 'number') return [String(value)]; // man pages: `section: 7`
  if (typeof value === 'string') {
    return value
      .split(/\s*(?:\/|>|›|»)\s*/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map((v) => String(v).trim()).filter(Boolean);
  }
  return null;
}

/** A REF string, or `{title}`, `{id}`, `{path}`; null when it is none of those. */
export function parseRefSpec(value: unknown): RefSpec | null {
  if (typeof value === 'string' && value.trim() !== '') return { ref: value.trim(), by: 'any' };
  if (typeof value === 'number') return { ref: String(value), by: 'any' };
  if (isPlainObject(value)) {
    const label = typeof value.label === 'string' ? value.label : undefined;
    for (const by of ['id', 'path', 'title'] as const) {
      const v = value[by];
      if (typeof v === 'string' && v.trim() !== '') {
        const title = typeof value.title === 'string' ? value.title.trim() : undefined;
        return { ref: v.trim(), by, label: label ?? title };
      }
    }
  }
  return null;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'empty';
  if (isPlainObject(v)) return 'a mapping';
  return JSON.stringify(v) ?? String(v);
}

// ---------------------------------------------------------------------------------------
// A fast path for the front matter most files have: `key: value` lines with plain or quoted
// one-line scalars, one-line `[a, b]` lists of plain words, and `- item` lists. It accepts
// only text whose YAML meaning is certain (no numbers, booleans, nulls spelled out, comments
// after values, continuation lines, anchors, tags, nested mappings...) and gives exactly
// what `yaml` gives for it; anything else returns undefined and goes the full way
// (the yaml package). tests/library/frontMatter.test.ts compares both on many inputs.

const FAST_KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?:[ ]+(.*))?$/;
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
// Characters that never reach the fast path: controls, tabs, BOM, Unicode line breaks.
const ODD_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// A plain scalar that is text in YAML 1.2's core schema: starts with an ASCII letter (so it is
// no number, indicator or `.inf`), and holds nothing that could end it or start a comment.
const FAST_PLAIN = /^[A-Za-z][^#:[\]{}"]*$/;
const FAST_WORD = /^[A-Za-z][^#:[\]{},"']*$/; // inside [a, b]
const FAST_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FAST_DOUBLE = /^"([^"\\]*)"$/;
const FAST_SINGLE = /^'((?:[^']|'')*)'$/;

function fastScalar(v: string): string | undefined {
  if (ODD_CHAR.test(v)) return undefined;
  const c = v.charCodeAt(0);
  if (c === 0x22) return FAST_DOUBLE.exec(v)?.[1];
  if (c === 0x27) return FAST_SINGLE.exec(v)?.[1].replace(/''/g, "'");
  if (FAST_DATE.test(v)) return v;
  if (FAST_PLAIN.test(v) && !RESERVED.has(v)) return v;
  return undefined;
}

function fastFlowList(v: string): string[] | undefined {
  if (ODD_CHAR.test(v)) return undefined;
  const inner = v.slice(1, -1).trim();
  if (inner === '') return [];
  const out: string[] = [];
  for (const part of inner.split(',')) {
    const item = part.replace(/^ +| +$/g, '');
    if (!FAST_WORD.test(item) || RESERVED.has(item)) return undefined;
    out.push(item);
  }
  return out;
}

const trimEnd = (s: string) => s.replace(/[ \t]+$/, '');

/** The YAML of a front matter block read the quick way, or undefined to go the full way. */
export function fastFrontMatterData(yamlText: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = trimEnd(lines[i]);
    if (line === '' || line.charCodeAt(0) === 0x23 /* # */) continue;
    const m = FAST_KEY.exec(line);
    if (!m || RESERVED.has(m[1]) || Object.prototype.hasOwnProperty.call(out, m[1])) return undefined;
    const key = m[1];
    const v = m[2];
    if (v === undefined || v === '') {
      // A block list below, at one indent, or nothing (null).
      const first = i + 1 < lines.length ? /^( *)- (.*)$/.exec(trimEnd(lines[i + 1])) : null;
      if (!first) {
        if (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]) && lines[i + 1].trim() !== '') return undefined;
        out[key] = null;
        continue;
      }
      const indent = first[1];
      const items: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = trimEnd(lines[j]);
        if (!l.startsWith(`${indent}- `)) break;
        const item = fastScalar(l.slice(indent.length + 2).replace(/^ +/, ''));
        if (item === undefined) return undefined;
        items.push(item);
      }
      // Whatever follows must be a new key at the left edge (or the end).
      if (j < lines.length && /^[ \t-]/.test(lines[j]) && lines[j].trim() !== '') return undefined;
      out[key] = items;
      i = j - 1;
      continue;
    }
    if (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]) && lines[i + 1].trim() !== '') return undefined; // continuation
    const value = v.charCodeAt(0) === 0x5b /* [ */ && v.endsWith(']') ? fastFlowList(v) : fastScalar(v);
    if (value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}

export function parseFrontMatter(text: string): FrontMatterResult {
  const errors: string[] = [];
  const data: FrontMatter = { related: [], aliases: [], tags: [] };
  // Front matter only when the block is closed: a file that merely starts with a `---`
  // rule keeps all of its text.
  const block = /^---(?!-)/.test(text) ? BLOCK.exec(text) : null;
  if (!block) return { data, body: text, errors };

  let raw: unknown;
  const body0 = text.slice(block[0].length);
  // The fast path reads the plain `key: value` front matter most files have without the YAML parser.
  const fast = fastFrontMatterData(block[1] ?? '');
  if (fast) raw = fast;
  else {
    try {
      raw = yamlParser().parse(block[1] ?? '', { logLevel: 'error', maxAliasCount: 100 });
    } catch (err) {
      errors.push(`front matter is not valid YAML: ${oneLine(err instanceof Error ? err.message : String(err))}`);
      return { data, body: body0.replace(/^\n/, ''), errors };
    }
  }
  let body = body0;
  body = body.replace(/^\n/, '');
  if (raw === null || raw === undefined) return { data, body, errors };
  if (!isPlainObject(raw)) {
    errors.push(`front matter is ${describe(raw)}, not a mapping of fields`);
    return { data, body, errors };
  }

  const str = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v.trim() || undefined;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    errors.push(`${key} should be text, not ${describe(v)}`);
    return undefined;
  };

  data.title = str('title');
  data.author = str('author');
  data.summary = str('summary');
  data.source = str('source');

  if (raw.section !== undefined && raw.section !== null) {
    const section = parseSection(raw.section);
    if (section) data.section = section;
    else errors.push(`section should be a list or "A / B", not ${describe(raw.section)}`);
  }
  if (raw.date !== undefined && raw.date !== null && raw.date !== '') {
    // YAML's core schema reads `2025-04-02` as text; a number (`date: 2025`) is text as written.
    const written = typeof raw.date === 'string' || typeof raw.date === 'number' ? String(raw.date) : null;
    const date = written === null ? null : normalizeDate(written);
    if (date) data.date = date;
    else errors.push(written === null ? `date should be a date, not ${describe(raw.date)}` : dateProblem(written));
  }
  if (raw.related !== undefined && raw.related !== null) {
    const list = Array.isArray(raw.related) ? raw.related : [raw.related];
    for (const item of list) {
      const spec = parseRefSpec(item);
      if (spec) data.related.push(spec);
      else errors.push(`related entry ${describe(item)} is not a REF or {title}, {id}, {path}`);
    }
  }
  // Obsidian's `aliases` (and the older `alias`): a list, or one name.
  for (const key of ['aliases', 'alias']) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') continue;
    const list = Array.isArray(v) ? v : [v];
    for (const item of list) {
      if (typeof item === 'string' || typeof item === 'number') {
        const name = String(item).trim();
        if (name !== '' && !data.aliases.includes(name)) data.aliases.push(name);
      } else errors.push(`${key} entry ${describe(item)} is not a name`);
    }
  }
  // Obsidian's `tags` (and the older `tag`): a list, or one string of names.
  for (const key of ['tags', 'tag']) data.tags.push(...frontMatterTags(raw[key]));
  for (const key of ['previous', 'next'] as const) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') continue;
    const spec = parseRefSpec(v);
    if (spec) data[key] = spec;
    else errors.push(`${key} should be a REF or {title}, {id}, {path}, not ${describe(v)}`);
  }
  return { data, body, errors };
}
