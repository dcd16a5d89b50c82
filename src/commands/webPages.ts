// Pages read from inside the reader (issue 16), by the one import path: `R` or `a` fetches a page
// as `import URL` does (fetchPage's limits, the saved-page extraction, the same sanitising) and
// writes it as Markdown into a folder of pages read (in the cache folder); `s` copies the open
// article into the library's inbox. Either way the library is loaded again with those files and
// published through the library channel, so the reader shows it as any other change.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { libraryChange, type LibraryChannel } from '../library/libraryUpdates.js';
import type { Library } from '../library/types.js';
import { fetchPage } from './fetchPage.js';
import { pageText, savePage, writeArticles } from './importArticles.js';
import { uniqueFileName, urlStem } from './importNames.js';
import { writeOutputFile } from './importWrite.js';
import { openLibrary } from './openLibrary.js';

export interface WebOutcome {
  /** The article to show (a page read) or to stand in for the open one (a page kept). */
  id?: string;
  message: string;
}

export interface WebPages {
  read(url: string, signal: AbortSignal): Promise<WebOutcome>;
  keep(id: string): Promise<WebOutcome>;
  /** Whether an article is a page read in place (not listed until kept). */
  isReadInPlace(absPath: string): boolean;
}

export interface WebPagesOptions {
  /** The library's PATHs as given. */
  paths: string[];
  /** Where kept articles go: the config's `inbox:` when there is one, else `inbox/` under the first root (inboxFolder). */
  inbox: string;
  /** Where pages read in place are written. */
  readFolder: string;
  channel: LibraryChannel;
  /** The library as the reader has it now. */
  current(): Library;
}

/** The default inbox: `inbox/` in the first PATH (beside it when that PATH is a file). */
export function inboxFolder(paths: string[], isFile: (path: string) => boolean): string {
  const first = resolve(paths[0] ?? '.');
  return join(isFile(first) ? dirname(first) : first, 'inbox');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createWebPages(options: WebPagesOptions): WebPages {
  const readFiles = new Set<string>();
  const readFolder = resolve(options.readFolder);
  const inbox = resolve(options.inbox);
  const roots = options.paths.map((path) => resolve(path));
  const inboxInside = roots.some((root) => inbox === root || inbox.startsWith(`${root}/`));
  let kept = false;

  /** The library again with every page read and the inbox; published, and the id of `file` in it. */
  async function publish(file: string, status: string): Promise<string | undefined> {
    const before = options.current();
    const extra = [...(kept && !inboxInside ? [inbox] : []), ...readFiles];
    const after = await openLibrary([...options.paths, ...extra]);
    options.channel.publish({ library: after, change: libraryChange(before, after), status });
    return after.articles.find((article) => article.absPath === file)?.id;
  }

  return {
    isReadInPlace: (absPath) => readFiles.has(absPath),
    async read(url, signal) {
      const downloads = mkdtempSync(join(tmpdir(), 'broadsheet-read-'));
      try {
        const page = await fetchPage(url, { signal });
        const path = join(downloads, 'page.html');
        savePage(await pageText(page), path);
        // One file per address: reading it again replaces it; two addresses never share one.
        const name = `${urlStem(url, 'page') || 'page'}-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
        const [outcome] = await writeArticles([{ given: url, path, url, name }], { outDir: readFolder, outGiven: readFolder, force: true, taken: new Set() });
        if (!outcome.target) return { message: `cannot read ${url}: ${outcome.failure ?? 'not an article'}` };
        if (signal.aborted) return { message: `stopped loading ${url}` };
        readFiles.add(outcome.target);
        const id = await publish(outcome.target, `read ${url}`);
        return id ? { id, message: `read ${url} (s keeps it in the library)` } : { message: `cannot show ${url}` };
      } catch (error) {
        return { message: signal.aborted ? `stopped loading ${url}` : `cannot read ${url}: ${messageOf(error)}` };
      } finally {
        rmSync(downloads, { recursive: true, force: true });
      }
    },
    async keep(id) {
      const article = options.current().byId.get(id);
      if (!article) return { message: 'nothing to keep' };
      if (article.absPath.startsWith(`${inbox}/`) || !readFiles.has(article.absPath)) return { message: `${article.title} is in the library already` };
      try {
        const taken = new Set(safeList(inbox).map((name) => name.toLowerCase()));
        const name = uniqueFileName(article.absPath.slice(readFolder.length + 1).replace(/\.md$/, ''), taken);
        const target = join(inbox, name);
        const { mkdirSync } = await import('node:fs');
        mkdirSync(inbox, { recursive: true });
        writeOutputFile(target, readFileSync(article.absPath, 'utf8'), false);
        kept = true;
        readFiles.delete(article.absPath);
        const keptId = await publish(target, `kept in ${target}`);
        return keptId ? { id: keptId, message: `kept in ${target}` } : { message: `kept in ${target}, but it is not under the library's folders` };
      } catch (error) {
        return { message: `cannot keep ${article.title}: ${messageOf(error)}` };
      }
    },
  };
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
