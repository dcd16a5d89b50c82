// Omnivore's export (2024, when it shut down): a folder of `metadata_N_to_M.json` files, each a
// list of saved items, beside `content/SLUG.html` with the text Omnivore had saved. The pure part
// reads one metadata file; the import command lists the folder and reads the content files.
import { normalizeDate } from '../text/dates.js';
import { SourceFormatError, type SourceItem } from './types.js';

export interface OmnivoreItem extends SourceItem {
  /** Where the saved text is, relative to the export folder. */
  contentFile?: string;
}

interface Saved {
  slug?: unknown;
  title?: unknown;
  author?: unknown;
  url?: unknown;
  state?: unknown;
  readingProgress?: unknown;
  labels?: unknown;
  savedAt?: unknown;
  publishedAt?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Whether a metadata file's text looks like Omnivore's: a JSON list of objects with a url and a slug. */
export function isOmnivoreMetadata(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'object' && entry !== null && 'url' in entry && 'slug' in entry);
  } catch {
    return false;
  }
}

export function parseOmnivoreMetadata(text: string): OmnivoreItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SourceFormatError(`not Omnivore metadata that can be read (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new SourceFormatError('not Omnivore metadata: a list of saved items was expected');
  return value.flatMap((entry: Saved): OmnivoreItem[] => {
    const url = str(entry?.url);
    if (!url) return [];
    const slug = str(entry.slug);
    const labels = Array.isArray(entry.labels) ? entry.labels.map((label) => str(typeof label === 'object' && label !== null ? (label as { name?: unknown }).name : label)) : [];
    const progress = typeof entry.readingProgress === 'number' ? entry.readingProgress : 0;
    return [
      {
        url,
        title: str(entry.title),
        author: str(entry.author),
        date: normalizeDate(str(entry.publishedAt) ?? str(entry.savedAt)) ?? undefined,
        tags: [...new Set(labels.filter((label): label is string => label !== undefined))],
        read: str(entry.state)?.toLowerCase() === 'archived' || progress >= 100,
        ...(slug && /^[\w.-]+$/.test(slug) && !slug.startsWith('.') ? { contentFile: `content/${slug}.html` } : {}),
      },
    ];
  });
}
