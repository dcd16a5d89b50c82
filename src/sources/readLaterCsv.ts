// Read-later exports as CSV, read by csv-parse (quotes, commas and line breaks inside fields):
// Pocket's (title,url,time_added,tags,status; tags joined by '|', status 'unread' or 'archive')
// and Instapaper's (URL,Title,Selection,Folder,Timestamp,Tags; folder 'Unread', 'Archive',
// 'Starred' or the user's own, tags a JSON list). Times are Unix seconds.
import { parse } from 'csv-parse/sync';
import { escapeHtml } from './escapeHtml.js';
import { SourceFormatError, type SourceItem, type SourceList } from './types.js';

type Row = Record<string, string>;

/** The header row, lower-cased and trimmed; null when the text is not CSV csv-parse can read. */
export function csvHeader(text: string): string[] | null {
  try {
    const [header] = parse(text, { to_line: 1, bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return header ? header.map((name) => name.trim().toLowerCase()) : null;
  } catch {
    return null;
  }
}

function rows(text: string, what: string): Row[] {
  try {
    return parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as Row[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SourceFormatError(`not a ${what} CSV that can be read (${message.split('\n')[0]})`);
  }
}

/** Unix seconds as an ISO date and time (UTC); undefined for anything else. */
function unixTime(text: string | undefined): string | undefined {
  if (!text || !/^\d{9,11}$/.test(text.trim())) return undefined;
  return new Date(Number(text) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function isPocketHeader(header: string[]): boolean {
  return header.includes('url') && header.includes('time_added') && header.includes('status');
}

export function isInstapaperHeader(header: string[]): boolean {
  return header.includes('url') && header.includes('folder') && header.includes('timestamp');
}

export function parsePocketCsv(csv: string): SourceList {
  const items: SourceItem[] = rows(csv, 'Pocket').flatMap((row) => {
    const url = text(row.url);
    if (!url) return [];
    const tags = (row.tags ?? '').split('|').map((tag) => tag.trim()).filter(Boolean);
    return [{ url, title: text(row.title), date: unixTime(row.time_added), tags, read: row.status?.trim().toLowerCase() === 'archive' }];
  });
  return { kind: 'pocket-csv', title: 'Pocket', items };
}

/** Instapaper writes tags as a JSON list (`["a","b"]`), older exports as nothing. */
function instapaperTags(field: string | undefined): string[] {
  const written = field?.trim();
  if (!written) return [];
  try {
    const value: unknown = JSON.parse(written);
    if (Array.isArray(value)) return value.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '').map((tag) => tag.trim());
  } catch {
    // Not JSON: one tag as written.
  }
  return [written];
}

const INSTAPAPER_FOLDERS = new Set(['unread', 'archive', 'starred']);

export function parseInstapaperCsv(csv: string): SourceList {
  const items: SourceItem[] = rows(csv, 'Instapaper').flatMap((row) => {
    const url = text(row.url);
    if (!url) return [];
    const folder = text(row.folder);
    const selection = text(row.selection);
    const ownFolder = folder && !INSTAPAPER_FOLDERS.has(folder.toLowerCase()) ? folder : undefined;
    const item: SourceItem = {
      url,
      title: text(row.title),
      date: unixTime(row.timestamp),
      tags: instapaperTags(row.tags),
      read: folder?.toLowerCase() === 'archive',
      ...(ownFolder ? { section: [ownFolder] } : {}),
      ...(selection ? { content: `<p>${escapeHtml(selection)}</p>` } : {}),
    };
    return [item];
  });
  return { kind: 'instapaper-csv', title: 'Instapaper', items };
}
