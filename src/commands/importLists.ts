// Importing the items of feeds and exports (issue 16): which items are new (the output folder's
// record, --since, --limit), fetching their pages through the bounded pool (each one failing
// alone; a page that cannot be had falls back to the feed's own content), naming them, chaining a
// feed's items by date, and afterwards recording them and carrying read marks over.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { escapeHtml, itemKeys, type SourceItem, type SourceList } from '../sources/index.js';
import type { FetchPool } from './fetchPool.js';
import { pageText, savePage, type ImportOutcome, type ImportSource } from './importArticles.js';
import { uniqueFileName, urlStem } from './importNames.js';
import type { ImportProgress } from './importProgress.js';
import type { ImportRecord, RecordedItem } from './importRecord.js';
import { ACCEPT_PAGE } from './fetchPage.js';

/** One list read from a source: a feed, an export, a bookmarks file, a URL list. */
export interface ListSource {
  /** As the user gave it (or the OPML's feed URL). */
  given: string;
  /** What its items are recorded under: the feed's URL, the export's absolute path. */
  id: string;
  list: SourceList;
  /** Its articles' section when an item has none of its own: the feed's or list's title. */
  section: string[];
}

export interface PlannedItem {
  list: ListSource;
  item: SourceItem;
  keys: string[];
  /** Set when the item is imported again (--force) into the file it became last time. */
  recorded?: RecordedItem;
}

export interface PlanOptions {
  force: boolean;
  /** ISO date: items dated before it are left out. */
  since?: string;
  /** At most this many new items from each list, the newest first. */
  limit?: number;
}

export interface Plan {
  items: PlannedItem[];
  /** Items left out because the folder has them already. */
  known: number;
}

const FEEDS = new Set(['rss', 'atom', 'rdf', 'json-feed']);

/** The items to import, in list order; each page once, whichever list names it first. */
export function planItems(lists: ListSource[], record: ImportRecord, options: PlanOptions): Plan {
  const seen = new Set<string>();
  const items: PlannedItem[] = [];
  let known = 0;
  for (const list of lists) {
    let fresh: PlannedItem[] = [];
    for (const item of list.list.items) {
      const keys = itemKeys(item);
      if (keys.length === 0 || keys.some((key) => seen.has(key))) continue;
      keys.forEach((key) => seen.add(key));
      const recorded = keys.map((key) => record.items[key]).find((entry) => entry !== undefined);
      if (recorded && !options.force) {
        known += 1;
        continue;
      }
      if (options.since && item.date && item.date.slice(0, 10) < options.since) continue;
      fresh.push({ list, item, keys, ...(recorded ? { recorded } : {}) });
    }
    if (options.limit !== undefined && fresh.length > options.limit) {
      const newest = [...fresh].sort((a, b) => (b.item.date ?? '').localeCompare(a.item.date ?? '')).slice(0, options.limit);
      const kept = new Set(newest);
      fresh = fresh.filter((planned) => kept.has(planned));
    }
    items.push(...fresh);
  }
  return { items, known };
}

/** A feed item's own content as a saved page, so that it is read like any other: its title, its address as canonical. */
function contentPage(item: SourceItem): string {
  const title = item.title ? escapeHtml(item.title) : '';
  const canonical = item.url ? `<link rel="canonical" href="${escapeHtml(item.url)}">` : '';
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title>${canonical}</head>\n<body><article>${title ? `<h1>${title}</h1>` : ''}\n${item.content ?? ''}\n</article></body></html>\n`;
}

export interface FetchedItem {
  planned: PlannedItem;
  /** The file to read, or why there is none. */
  source?: ImportSource;
  failure?: string;
  /** Why the page itself was not used (its feed's content was). */
  fellBack?: string;
}

/** Fetch every planned item's page, a few at a time (the pool's bounds), each saved to `folder`. */
export async function fetchItems(plan: PlannedItem[], pool: FetchPool, folder: string, progress: ImportProgress): Promise<FetchedItem[]> {
  progress.add(plan.length);
  return Promise.all(
    plan.map(async (planned, n): Promise<FetchedItem> => {
      const { item } = planned;
      const given = item.url ?? item.title ?? `item ${n + 1} of ${planned.list.given}`;
      const useContent = (why: string): FetchedItem => {
        if (!item.content?.trim()) return { planned, failure: why };
        const path = join(folder, `item-${n}-content.html`);
        writeFileSync(path, contentPage(item));
        return { planned, source: { given, path, ...(item.url ? { url: item.url } : {}) }, fellBack: why };
      };
      let outcome: FetchedItem;
      if (!item.url) outcome = useContent('no link to fetch');
      else {
        progress.started(item.title ?? item.url);
        try {
          const page = await pool.fetch(item.url, { accept: ACCEPT_PAGE });
          const path = join(folder, `item-${n}.html`);
          savePage(await pageText(page), path);
          outcome = { planned, source: { given, path, url: item.url } };
        } catch (error) {
          outcome = useContent(error instanceof Error ? error.message : String(error));
        }
      }
      progress.finished(outcome.source === undefined);
      return outcome;
    }),
  );
}

/** The order a feed's items are chained in: by date, oldest first; undated ones after, in the feed's order. */
function byDate<T extends { date?: string }>(entries: T[]): T[] {
  const dated = entries.filter((entry) => entry.date).sort((a, b) => a.date!.localeCompare(b.date!));
  return [...dated, ...entries.filter((entry) => !entry.date)];
}

/**
 * Names every fetched item (its recorded file when imported again, else a free name) and gives
 * it its front matter: the item's title, date, author and tags, its list's section, and for a
 * feed the previous and next items by date, among this run's and those imported before.
 */
export function nameItems(fetched: FetchedItem[], record: ImportRecord, taken: Set<string>): void {
  const ready = fetched.filter((entry) => entry.source);
  for (const entry of ready) {
    const { item, recorded } = entry.planned;
    const stem = urlStem(item.url ?? '', item.title ?? '') || (item.title ?? '');
    entry.source!.name = recorded ? recorded.name : uniqueFileName(stem, taken).slice(0, -'.md'.length);
    entry.source!.fields = {
      ...(item.title ? { title: item.title } : {}),
      ...(item.date ? { date: item.date } : {}),
      ...(item.author ? { author: item.author } : {}),
      section: item.section ?? entry.planned.list.section,
      ...(item.tags.length > 0 ? { tags: item.tags } : {}),
    };
  }
  const byList = new Map<ListSource, FetchedItem[]>();
  for (const entry of ready) byList.set(entry.planned.list, [...(byList.get(entry.planned.list) ?? []), entry]);
  for (const [list, entries] of byList) {
    if (!FEEDS.has(list.list.kind)) continue;
    const names = new Set(entries.map((entry) => entry.source!.name));
    const before = Object.values(record.items).filter((recorded, index, all) => recorded.list === list.id && !names.has(recorded.name) && all.findIndex((other) => other.name === recorded.name) === index);
    type Link = { name: string; date?: string; entry?: FetchedItem };
    const links: Link[] = [...before.map((recorded) => ({ name: recorded.name, date: recorded.date })), ...entries.map((entry) => ({ name: entry.source!.name!, date: entry.planned.item.date, entry }))];
    const chain = byDate(links);
    chain.forEach((link, index) => {
      if (!link.entry) return;
      const fields = link.entry.source!.fields!;
      if (index > 0) fields.previous = chain[index - 1].name;
      if (index < chain.length - 1) fields.next = chain[index + 1].name;
    });
  }
}

/** The record with every written item under each of its keys. */
export function recordWritten(record: ImportRecord, fetched: FetchedItem[], outcomes: Map<ImportSource, ImportOutcome>): ImportRecord {
  const items = { ...record.items };
  for (const entry of fetched) {
    if (!entry.source || !outcomes.get(entry.source)?.target) continue;
    const { planned } = entry;
    const value: RecordedItem = { name: entry.source.name!, list: planned.list.id, ...(planned.item.date ? { date: planned.item.date } : {}) };
    for (const key of planned.keys) items[key] = value;
  }
  return { version: 1, items };
}
