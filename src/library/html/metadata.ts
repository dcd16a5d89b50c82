// What a page says about itself in <head>: meta tags, JSON-LD, canonical link. Read from the
// page's outline (pageOutline.ts), never from a DOM that extraction has touched.
import { collapse } from './pageWords.js';
import { normalizeDate } from '../../text/dates.js';
import { allOf, attr, firstInside, inside, rawText, type PageOutline } from './pageOutline.js';

export interface PageMeta {
  /** Values of `<meta property|name|itemprop=KEY content=…>` by lower-case key, in page order. */
  meta: Map<string, string[]>;
  /** Every JSON object found in `application/ld+json` scripts (arrays and @graph flattened, nested objects included). */
  jsonLd: Record<string, unknown>[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readPageMeta(outline: PageOutline): PageMeta {
  const meta = new Map<string, string[]>();
  for (const el of allOf(outline, (e) => e.tag === 'META' && e.attrs.content !== undefined)) {
    const content = collapse(attr(outline, el, 'content'));
    if (!content) continue;
    for (const name of ['property', 'name', 'itemprop']) {
      // RDFa lets one tag carry several properties: property="og:title twitter:title".
      const keys = (attr(outline, el, name) ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
      for (const key of name === 'property' ? keys : keys.slice(0, 1)) {
        const list = meta.get(key);
        if (list) list.push(content);
        else meta.set(key, [content]);
      }
    }
  }

  const jsonLd: Json[] = [];
  const collect = (v: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(v)) for (const item of v) collect(item, depth + 1);
    else if (isObject(v)) {
      jsonLd.push(v);
      for (const value of Object.values(v)) if (typeof value === 'object' && value !== null) collect(value, depth + 1);
    }
  };
  for (const script of allOf(outline, (e) => e.tag === 'SCRIPT' && e.attrs.type !== undefined)) {
    if (!/^\s*application\/ld\+json\s*$/i.test(attr(outline, script, 'type') ?? '')) continue;
    const text = rawText(outline, script).replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '');
    try {
      collect(JSON.parse(text), 0);
    } catch {
      // Broken JSON-LD is common and harmless: the page's other metadata still counts.
    }
  }
  return { meta, jsonLd };
}

export function firstMeta(meta: PageMeta, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.meta.get(key)?.[0];
    if (value) return value;
  }
  return null;
}

/** `@type` of a JSON-LD object, as a list (it may be a string or an array). */
export function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(value);
}

/** `<link rel=canonical>`, else `og:url`; an absolute http(s) URL is preferred to a relative one. */
export function pageSource(outline: PageOutline, meta: PageMeta): string | null {
  const canonical = outline.elements
    .find((el) => el.tag === 'LINK' && el.attrs.href !== undefined && /(^|\s)canonical(\s|$)/i.test(el.attrs.rel ?? ''))
    ?.attrs.href?.trim();
  const ogUrl = firstMeta(meta, 'og:url');
  const candidates = [canonical, ogUrl].filter((v): v is string => !!v);
  return candidates.find(isHttpUrl) ?? candidates[0] ?? null;
}

const DATE_METAS = ['date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'datepublished'];

/**
 * The publication date: `article:published_time`, a `<time datetime>` (in the article when it
 * has one), the `date`/`pubdate` family of metas, JSON-LD `datePublished`. The first that reads
 * as a date wins; when some were given and none reads, `unreadable` holds the first.
 */
export function pageDate(outline: PageOutline, meta: PageMeta, articleRoot: number): { date: string | null; unreadable: string | null } {
  const candidates: string[] = [];
  const add = (v: string | null | undefined) => {
    if (v && v.trim()) candidates.push(v.trim());
  };
  add(firstMeta(meta, 'article:published_time'));
  const isTime = (el: { tag: string; attrs: Readonly<Record<string, string>> }) => el.tag === 'TIME' && el.attrs.datetime !== undefined;
  const times = inside(outline, articleRoot, isTime);
  const time = times.find((i) => attr(outline, i, 'pubdate') !== null) ?? times[0] ?? firstInside(outline, 0, isTime);
  if (time !== undefined && time >= 0) add(attr(outline, time, 'datetime'));
  add(firstMeta(meta, ...DATE_METAS));
  for (const node of meta.jsonLd) {
    if (typeof node.datePublished === 'string') {
      add(node.datePublished);
      break;
    }
  }
  for (const candidate of candidates) {
    const date = normalizeDate(candidate);
    if (date) return { date, unreadable: null };
  }
  return { date: null, unreadable: candidates[0] ?? null };
}

function personName(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(personName);
  if (isObject(v) && typeof v.name === 'string') return [v.name];
  return [];
}

function cleanAuthor(name: string): string {
  return collapse(name).replace(/^by\s+/i, '');
}

/** Several names of one source joined with ", " (duplicates dropped); null for none. */
function joinNames(names: string[]): string | null {
  const unique = [...new Set(names.map(cleanAuthor).filter((n) => n && !isHttpUrl(n)))];
  return unique.length > 0 ? unique.join(', ') : null;
}

/** Dublin Core's creator, as pages write it (property `dc:creator`, name `DC.creator`). */
const DUBLIN_CORE_CREATORS = ['dc:creator', 'dcterm:creator', 'dc.creator', 'dcterms.creator'];

/**
 * A Dublin Core creator (a page that declares one means it, as Readability reads it), else the
 * `author` meta, else `article:author` (unless only profile URLs), else JSON-LD `author.name`,
 * else a Parse.ly author.
 */
export function pageAuthor(meta: PageMeta): string | null {
  for (const key of DUBLIN_CORE_CREATORS) {
    const names = joinNames(meta.meta.get(key) ?? []);
    if (names) return names;
  }
  const fromMeta = joinNames(meta.meta.get('author') ?? []) ?? joinNames(meta.meta.get('article:author') ?? []);
  if (fromMeta) return fromMeta;
  for (const node of meta.jsonLd) {
    if (node.author === undefined) continue;
    const names = joinNames(personName(node.author));
    if (names) return names;
  }
  return joinNames(meta.meta.get('parsely-author') ?? []);
}
