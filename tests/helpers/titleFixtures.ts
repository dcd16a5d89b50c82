// A library whose titles carry entities and invisible marks in every format, and the one way
// each title must read on every surface (list, list --json, show, the reader).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary } from './runCli.js';

export interface TitleCase {
  id: string;
  title: string;
  section: string[];
}

/** A saved page of a made-up site whose name is nothing like its domain (for the shared-part rule). */
function sitePage(title: string, address: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${address}"></head><body><article><p>${body}, with enough words in it to be read as the article.</p></article></body></html>`;
}

export const TITLE_FILES: Record<string, string> = {
  // Front matter, decoded like the body would be.
  'food/amp.md': '---\ntitle: Fish &amp; chips\nsection: Food &amp; drink\n---\n\nBody of amp.\n',
  // The first heading is the title; the body repeats it, so the title block shows it once.
  'food/middot.md': '# Markets &middot; Tuesday\n\nBody of middot.\n',
  // Not an entity (names are looked up in HTML's list, not in an object's prototype).
  'food/constructor.md': '# Fish &constructor; chips\n\nBody of constructor.\n',
  // A lone surrogate by reference, on a raw page's line 1.
  'food/surrogate.txt': 'Broken &#xD800; surrogate\n\nBody of surrogate, a paragraph long enough not to be a heading.',
  // A saved page: the DOM decodes its entities once; they are not decoded again.
  'food/page.html': '<!doctype html><html><head><title>Cr&egrave;me &amp;amp; br&ucirc;l&eacute;e</title></head><body><article><p>Body of page, with enough words in it to be read as the article.</p></article></body></html>',
  // Zero-width and bidi marks in a title and a section (issue 12): removed.
  'food/marks.md': '---\ntitle: "Pay\\u200bpal \\u200eupdate\\u2060s"\nsection: "Ne\\u200fws"\n---\n\nBody of marks.\n',
  // Two pages of one site share "| Tidewater Weekly": the site's name, cut (issue 14); a page alone on its site keeps its title whole.
  'quay/tide.html': sitePage('Reading the tide book | Tidewater Weekly', 'https://quay-notes.example/tide', 'Body of tide'),
  'quay/nets.html': sitePage('Mending nets | Tidewater Weekly', 'https://quay-notes.example/nets', 'Body of nets'),
  'gull/paint.html': sitePage('Gulls | Gull Point Gazette', 'https://gull-gazette.example/paint', 'Body of paint'),
};

export const TITLE_CASES: TitleCase[] = [
  { id: 'food/amp', title: 'Fish & chips', section: ['Food & drink'] },
  // A note with no section of its own is listed under its folder (SPEC §1a); pages keep theirs.
  { id: 'food/middot', title: 'Markets · Tuesday', section: ['food'] },
  { id: 'food/constructor', title: 'Fish &constructor; chips', section: ['food'] },
  { id: 'food/surrogate', title: 'Broken \ufffd surrogate', section: [] },
  { id: 'food/page', title: 'Crème &amp; brûlée', section: [] },
  { id: 'food/marks', title: 'Paypal updates', section: ['News'] },
  { id: 'quay/tide', title: 'Reading the tide book', section: [] },
  { id: 'quay/nets', title: 'Mending nets', section: [] },
  { id: 'gull/paint', title: 'Gulls | Gull Point Gazette', section: [] },
];

/** The library on disk, and an environment that keeps every child's state, cache and config in temporary folders. */
export function titleLibrary(): { root: string; env: Record<string, string> } {
  const root = makeLibrary(TITLE_FILES);
  const home = mkdtempSync(join(tmpdir(), 'broadsheet-titles-home-'));
  return {
    root,
    env: {
      BROADSHEET_STATE_DIR: join(home, 'state'),
      BROADSHEET_CACHE_DIR: join(home, 'cache'),
      BROADSHEET_CONFIG: join(home, 'config.json'),
    },
  };
}
