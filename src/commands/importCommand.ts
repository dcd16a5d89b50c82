// `broadsheet import SOURCE... --out DIR`: raw pages, saved pages and URLs become Markdown with
// front matter (SPEC §2); feeds, OPML lists, read-later exports, bookmarks files and URL lists
// (issue 16) are told by their content and each of their items is imported like a URL.
//
// Two size limits, on purpose apart: a fetched page may be as large as the fetch allows
// (FETCH_DEFAULTS.maxBytes, 10 MB over the network, SPEC §2), whatever the 5 MB limit of a
// library file (DEFAULT_MAX_FILE_BYTES), which a local page is held to as `list` would hold it.
// Every source and every item fails alone, with one line naming it as the user gave it (the URL
// of a fetched page, never the temporary file it was saved in); the exit code says whether any did.
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../library/index.js';
import { detectSource, normalizeUrl, parseOmnivoreMetadata, parseOpmlText, parseSourceList, SourceFormatError, type SourceList } from '../sources/index.js';
import { megabytes, pageText, savePage, writeArticles, type ImportOutcome, type ImportSource } from './importArticles.js';
import { createFetchPool } from './fetchPool.js';
import { fetchItems, nameItems, planItems, recordWritten, type FetchedItem, type ListSource } from './importLists.js';
import { loadImportRecord, RECORD_FILE, saveImportRecord } from './importRecord.js';
import { createImportProgress } from './importProgress.js';
import { CommandError } from './commandError.js';
import { UsageError } from './parseCommandLine.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { FetchPageOptions } from './fetchPage.js';

export interface ImportOptions {
  sources: string[];
  outDir: string;
  force: boolean;
  /** ISO date: feed and export items dated before it are left out. */
  since?: string;
  /** At most this many new items from each feed or export. */
  limit?: number;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** For tests: fetch limits and the pool's bounds. */
  fetch?: FetchPageOptions;
}

/** A list file larger than this is not read (a Pocket export of 10,000 items is about 2 MB). */
const MAX_LIST_BYTES = 50 * 1024 * 1024;
/** What a feed's URL asks for: feeds first, a page (which may be one) after. */
const ACCEPT_FEED = 'application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,text/html;q=0.7,*/*;q=0.5';

const isUrl = (given: string) => /^[a-z][a-z0-9+.-]*:/i.test(given) && !/^[a-z]:[\\/]/i.test(given);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function importCommand(options: ImportOptions): Promise<number> {
  const outDir = resolve(options.outDir);
  checkOutDir(options.outDir, outDir);
  const failures: Array<{ given: string; reason: string }> = [];
  // On a terminal a failure line first clears the progress line it is written over.
  const clearLine = (options.err as NodeJS.WriteStream).isTTY ? '\r\x1b[K' : '';
  const fail = (given: string, reason: string) => {
    failures.push({ given, reason });
    options.err.write(`${clearLine}broadsheet: import ${sanitizeLine(given)}: ${sanitizeLine(reason)}\n`);
  };

  /** Fetched pages are saved here first, so they are read exactly like saved files; removed on every way out. */
  let downloads: string | undefined;
  const folder = () => (downloads ??= mkdtempSync(join(tmpdir(), 'broadsheet-import-')));
  const removeDownloads = () => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
    downloads = undefined;
  };
  const stopWatching = removeOnSignal(removeDownloads);
  const pool = createFetchPool({ fetch: options.fetch });
  const progress = createImportProgress(options.err);
  try {
    // Made before the first request, so that an interrupted fetch has its folder to remove.
    if (options.sources.some(isUrl)) folder();
    const pages: ImportSource[] = [];
    const lists: ListSource[] = [];
    let listSources = 0;
    const addList = (given: string, id: string, list: SourceList, fallbackTitle: string) => {
      const title = list.title ?? fallbackTitle;
      lists.push({ given, id, list, section: title ? [title] : [] });
    };

    // Sources in the order given; URLs fetched side by side (the pool bounds them).
    const readers = options.sources.map(async (given, n) => {
      if (isUrl(given)) {
        let text: string;
        let url = given;
        try {
          const page = await pool.fetch(given, { accept: ACCEPT_FEED });
          text = await pageText(page);
          url = page.url;
        } catch (error) {
          return fail(given, messageOf(error));
        }
        const kind = detectSource(text);
        if (kind === 'page') {
          const path = join(folder(), `page-${n}.html`);
          savePage(text, path);
          return [{ given, path, url: given } satisfies ImportSource];
        }
        listSources += 1;
        if (kind === 'opml') return readOpml(given, text);
        try {
          addList(given, normalizeUrl(url), parseSourceList(kind, text), hostOf(url));
        } catch (error) {
          fail(given, messageOf(error));
        }
        return [];
      }
      const path = resolve(given);
      let stat;
      try {
        stat = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail(given, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`);
      }
      if (stat.isDirectory()) {
        listSources += 1;
        try {
          readOmnivore(given, path);
        } catch (error) {
          fail(given, messageOf(error));
        }
        return [];
      }
      if (!stat.isFile()) return fail(given, 'not a file');
      if (stat.size > MAX_LIST_BYTES) return fail(given, `is ${megabytes(stat.size)}, over the ${megabytes(MAX_LIST_BYTES)} limit of a list of items`);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        return fail(given, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
      const kind = detectSource(text);
      if (kind === 'page') {
        if (stat.size > DEFAULT_MAX_FILE_BYTES) return fail(given, `is ${megabytes(stat.size)}, over the ${megabytes(DEFAULT_MAX_FILE_BYTES)} limit of a library file`);
        return [{ given, path } satisfies ImportSource];
      }
      listSources += 1;
      if (kind === 'opml') return readOpml(given, text);
      try {
        addList(given, path, parseSourceList(kind, text), basename(path, extname(path)));
      } catch (error) {
        fail(given, messageOf(error));
      }
      return [];
    });

    /** Each feed of an OPML list, fetched and read as a feed (an OPML inside is not followed). */
    async function readOpml(given: string, text: string): Promise<ImportSource[]> {
      let directory;
      try {
        directory = parseOpmlText(text);
      } catch (error) {
        fail(given, messageOf(error));
        return [];
      }
      if (directory.feeds.length === 0) fail(given, 'an OPML list with no feeds in it');
      await Promise.all(
        directory.feeds.map(async (feed) => {
          try {
            const page = await pool.fetch(feed.url, { accept: ACCEPT_FEED });
            const feedText = await pageText(page);
            const kind = detectSource(feedText);
            if (kind === 'page' || kind === 'opml') throw new SourceFormatError('not a feed');
            addList(feed.url, normalizeUrl(page.url), parseSourceList(kind, feedText), feed.title ?? hostOf(feed.url));
          } catch (error) {
            fail(feed.url, messageOf(error));
          }
        }),
      );
      return [];
    }

    /** Omnivore's export folder: every metadata file's items, their saved text as the fallback content. */
    function readOmnivore(given: string, path: string): void {
      const metadata = readdirSync(path).filter((name) => /^metadata_.*\.json$/i.test(name)).sort();
      if (metadata.length === 0) throw new SourceFormatError('a folder, not a source (an Omnivore export folder has metadata_*.json files)');
      const items = metadata.flatMap((name) => parseOmnivoreMetadata(readFileSync(join(path, name), 'utf8')));
      for (const item of items) {
        if (!item.contentFile) continue;
        try {
          const file = join(path, item.contentFile);
          if (statSync(file).size <= DEFAULT_MAX_FILE_BYTES) item.content = readFileSync(file, 'utf8');
        } catch {
          // No saved text: the page alone, then.
        }
        delete item.contentFile;
      }
      addList(given, path, { kind: 'omnivore', title: 'Omnivore', items }, 'Omnivore');
    }

    for (const read of await Promise.all(readers)) if (read) pages.push(...read);

    let record;
    try {
      record = loadImportRecord(outDir);
    } catch (error) {
      throw new CommandError(`import: ${messageOf(error)}`, 1);
    }
    const plan = planItems(lists, record, { force: options.force, since: options.since, limit: options.limit });
    const fetched: FetchedItem[] = plan.items.length > 0 ? await fetchItems(plan.items, pool, folder(), progress) : [];
    progress.end();
    for (const entry of fetched) {
      const given = entry.planned.item.url ?? entry.planned.item.title ?? entry.planned.list.given;
      if (entry.failure) fail(given, entry.failure);
      // Not a failure: the item is imported, from what its feed carries.
      else if (entry.fellBack) options.err.write(`${clearLine}broadsheet: import ${sanitizeLine(given)}: note: ${sanitizeLine(entry.fellBack)}; the feed's own text is imported instead\n`);
    }

    const taken = new Set<string>();
    if (lists.length > 0) {
      for (const name of existingNames(outDir)) taken.add(name.toLowerCase());
      for (const recorded of Object.values(record.items)) taken.add(`${recorded.name}.md`.toLowerCase());
    }
    nameItems(fetched, record, taken);
    const itemSources = fetched.flatMap((entry) => (entry.source ? [entry.source] : []));
    const outcomes = await writeArticles([...pages, ...itemSources], { outDir, outGiven: options.outDir, force: options.force, taken });
    const byItem = new Map<ImportSource, ImportOutcome>(outcomes.map((outcome) => [outcome.source, outcome]));

    let written = 0;
    for (const outcome of outcomes) {
      if (outcome.failure) {
        fail(outcome.source.given, outcome.failure);
        continue;
      }
      written += 1;
      if (!outcome.source.fields) options.out.write(`${sanitizeLine(outcome.source.given)} → ${sanitizeLine(outcome.target!)}\n`);
      if (outcome.note) options.err.write(`broadsheet: import ${sanitizeLine(outcome.source.given)}: ${sanitizeLine(outcome.note)}\n`);
    }

    if (fetched.length > 0) {
      try {
        saveImportRecord(outDir, recordWritten(record, fetched, byItem));
      } catch (error) {
        fail(join(options.outDir, RECORD_FILE), `not saved, so the next run imports these items again (${messageOf(error)})`);
      }
      const readMarks = fetched.filter((entry) => entry.planned.item.read && entry.source && byItem.get(entry.source)?.target).map((entry) => byItem.get(entry.source!)!.target!);
      if (readMarks.length > 0) {
        try {
          await markRead(readMarks);
        } catch (error) {
          fail('read marks', `not saved (${messageOf(error)})`);
        }
      }
    }

    // Sources that are one page each (failed ones too), and every new item of the lists.
    const attempted = options.sources.length - listSources + plan.items.length;
    if (lists.length > 0 || options.sources.length > 1) {
      options.out.write(`${summary({ written, attempted, lists, known: plan.known, fellBack: fetched.filter((entry) => entry.fellBack && entry.source && byItem.get(entry.source)?.target).length, failures })}\n`);
    }
    return failures.length > 0 ? 1 : 0;
  } finally {
    progress.end();
    removeDownloads();
    stopWatching();
  }
}

/** "imported 182 of 190 from 3 feeds, 8 failed: …", or what made it import nothing. */
function summary(counts: { written: number; attempted: number; lists: ListSource[]; known: number; fellBack: number; failures: Array<{ given: string; reason: string }> }): string {
  const { written, attempted, lists, known, fellBack, failures } = counts;
  const feeds = lists.filter((list) => ['rss', 'atom', 'rdf', 'json-feed'].includes(list.list.kind)).length;
  const others = lists.length - feeds;
  const from = [feeds ? `${feeds} feed${feeds === 1 ? '' : 's'}` : '', others ? `${others} list${others === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const knownText = known > 0 ? `${known} already imported` : '';
  let text = attempted === 0 && failures.length === 0 ? `nothing new${from ? ` from ${from}` : ''}${knownText ? `: ${knownText}` : ''}` : `imported ${written} of ${attempted}${from ? ` from ${from}` : ''}`;
  if (attempted > 0 && knownText) text += ` (${knownText})`;
  if (fellBack > 0) text += `, ${fellBack} from the feed's own text`;
  if (failures.length > 0) {
    const shown = failures.slice(0, 5).map((failure) => `${failure.given} (${failure.reason})`);
    text += `, ${failures.length} failed: ${shown.join('; ')}${failures.length > 5 ? `; and ${failures.length - 5} more` : ''}`;
  }
  return sanitizeLine(text);
}

/** Read marks from an export, saved into the reading state (merged with what is there). */
async function markRead(paths: string[]): Promise<void> {
  const [{ emptyReadingState, setRead }, { saveReadingState }, { stateDirectory }] = await Promise.all([
    import('../state/readingState.js'),
    import('../state/stateStore.js'),
    import('../state/statePaths.js'),
  ]);
  const now = new Date();
  const state = paths.reduce((marked, path) => setRead(marked, path, true, now), emptyReadingState());
  const saved = saveReadingState(stateDirectory(), state);
  if (saved.warning) throw new Error(saved.warning);
}

function existingNames(outDir: string): string[] {
  try {
    return readdirSync(outDir);
  } catch {
    return [];
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** `--out` must be a folder, or a name where one can be made: a usage error otherwise, before anything is fetched. */
function checkOutDir(given: string, outDir: string): void {
  try {
    if (!statSync(outDir).isDirectory()) throw new UsageError(`--out ${given} is a file, not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UsageError(`--out ${given}: a file stands where a folder of its path should be`);
    if (code !== 'ENOENT') throw new UsageError(`--out ${given} cannot be used (${code ?? String(error)})`);
    let dangling = false;
    try {
      dangling = lstatSync(outDir).isSymbolicLink();
    } catch {
      // Nothing there at all: it will be made.
    }
    if (dangling) throw new UsageError(`--out ${given} is a link to nothing`);
  }
}

/**
 * While `remove` has something to remove, a signal that ends the process removes it first and
 * then ends the process as the signal would have. Returns the function that stops watching.
 */
function removeOnSignal(remove: () => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const stop = () => signals.forEach((signal) => process.off(signal, onSignal));
  function onSignal(signal: NodeJS.Signals) {
    remove();
    stop();
    process.kill(process.pid, signal);
  }
  signals.forEach((signal) => process.on(signal, onSignal));
  return stop;
}

