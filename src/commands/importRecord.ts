// What an output folder remembers of the items imported into it, so that running the same import
// again fetches only what is new: `.broadsheet-import.json` (a dotfile: the library skips it),
// each item under its keys (GUID, normalised URL) with the file it became, its list and date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOutputFile } from './importWrite.js';

export const RECORD_FILE = '.broadsheet-import.json';

export interface RecordedItem {
  /** The file's name in the output folder, without `.md`: its id there. */
  name: string;
  /** The list it came from (a feed's URL, an export's path). */
  list: string;
  date?: string;
}

export interface ImportRecord {
  version: 1;
  items: Record<string, RecordedItem>;
}

/** The folder's record; an empty one when there is none. A record that cannot be read is an error: importing over it would import everything again. */
export function loadImportRecord(outDir: string): ImportRecord {
  let text: string;
  try {
    text = readFileSync(join(outDir, RECORD_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return { version: 1, items: {} };
    throw new Error(`${RECORD_FILE} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const value = JSON.parse(text) as Partial<ImportRecord>;
    if (value.version === 1 && typeof value.items === 'object' && value.items !== null) return { version: 1, items: value.items };
  } catch {
    // Falls through.
  }
  throw new Error(`${RECORD_FILE} is not a record broadsheet wrote; move it away to import everything again`);
}

/** Written whole and atomically (beside, then renamed over the old one). */
export function saveImportRecord(outDir: string, record: ImportRecord): void {
  writeOutputFile(join(outDir, RECORD_FILE), `${JSON.stringify(record, null, 1)}\n`, true);
}
