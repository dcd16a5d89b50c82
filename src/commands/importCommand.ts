// `broadsheet import SOURCE... --out DIR`: raw pages (and any other article file) become
// Markdown with front matter. Sources are read as one small library so that they link to
// each other by id wherever their links resolve (SPEC §2).
//
// Two size limits, on purpose apart: a fetched page may be as large as the fetch allows
// (FETCH_DEFAULTS.maxBytes, 10 MB over the network, SPEC §2), whatever the 5 MB limit of a
// library file (DEFAULT_MAX_FILE_BYTES), which a local source is held to as `list` would hold it.
// Every source fails alone, with one line naming it as the user gave it (the URL of a fetched
// page, never the temporary file it was saved in).
import { lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, fileProblem, fileTitle, loadLibrary } from '../library/index.js';
import type { ImportFallback, OutputIds } from './importedMarkdown.js';
import { uniqueFileName, urlStem, urlTitle } from './importNames.js';
import { OutputWriteError, writeOutputFile } from './importWrite.js';
import { CommandError } from './commandError.js';
import { UsageError } from './parseCommandLine.js';
import { sanitizeLine } from '../text/sanitize.js';
import { loadBodies } from '../startup.js';

export interface ImportOptions {
  sources: string[];
  outDir: string;
  force: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** One source that is read: as given on the command line, and the file it is read from. */
interface Source {
  given: string;
  path: string;
  /** For a fetched page: its URL (the file is a temporary copy). */
  url?: string;
}

export async function importCommand(options: ImportOptions): Promise<number> {
  const outDir = resolve(options.outDir);
  checkOutDir(options.outDir, outDir);
  let failed = 0;
  const fail = (source: string, reason: string) => {
    failed += 1;
    options.err.write(`broadsheet: import ${sanitizeLine(source)}: ${sanitizeLine(reason)}\n`);
  };

  /** Fetched pages are saved here first, so they are read exactly like saved files; removed on every way out. */
  let downloads: string | undefined;
  const removeDownloads = () => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
    downloads = undefined;
  };
  const stopWatching = removeOnSignal(removeDownloads);
  try {
    const sources: Source[] = [];
    let largestDownload = 0;
    const progress = progressLine(options.err, options.sources.length);
    for (const [n, given] of options.sources.entries()) {
      progress(n, given);
      if (/^[a-z][a-z0-9+.-]*:/i.test(given) && !/^[a-z]:[\\/]/i.test(given)) {
        try {
          downloads ??= mkdtempSync(join(tmpdir(), 'broadsheet-import-'));
          const { path, bytes } = await downloadPage(given, downloads, n);
          largestDownload = Math.max(largestDownload, bytes);
          sources.push({ given, path, url: given });
        } catch (error) {
          fail(given, error instanceof Error ? error.message : String(error));
        }
        continue;
      }
      const why = localSourceProblem(resolve(given));
      if (why) fail(given, why);
      else sources.push({ given, path: resolve(given) });
    }
    progress(options.sources.length, '');

    const files = sources.map((source) => source.path);
    const library = files.length > 0 ? await loadLibrary(files, { maxFileBytes: Math.max(DEFAULT_MAX_FILE_BYTES, largestDownload) }) : undefined;
    const articles = library ? files.map((file) => library.articles.find((article) => article.absPath === file)) : [];

    // Name every output first, so links between sources can point at the ids they will have.
    const outputIds: OutputIds = new Map();
    const fallbacks = new Map<string, ImportFallback>();
    const taken = new Set<string>();
    articles.forEach((article, index) => {
      if (!article) return;
      const { url, path } = sources[index];
      // A page that names itself nowhere would be titled after its temporary file.
      const untitled = url !== undefined && article.title === fileTitle(basename(path));
      const title = untitled ? urlTitle(url) : article.title;
      if (url) fallbacks.set(article.id, { source: url, ...(untitled ? { title } : {}) });
      const name = uniqueFileName(url ? urlStem(url, title) : basename(path, extname(path)), taken);
      outputIds.set(article.id, name.slice(0, -'.md'.length));
    });

    if (outputIds.size > 0) {
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (error) {
        throw new CommandError(`import: cannot create --out ${options.outDir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 1);
      }
    }
    // Markdown and YAML writing load only when importing.
    const [writer, bodies] = outputIds.size > 0 && library ? await Promise.all([import('./importedMarkdown.js'), loadBodies(library)]) : [null, null];
    let written = 0;
    articles.forEach((article, index) => {
      const { given, path } = sources[index];
      if (!article || !writer || !bodies) {
        const problem = library ? fileProblem(library, path)?.message : undefined;
        // Problems lead with the file's path: for a fetched page, a temporary name.
        fail(given, problem?.replace(`${basename(path)}: `, '') ?? 'could not be read as an article');
        return;
      }
      const target = join(outDir, `${outputIds.get(article.id)}.md`);
      try {
        const markdown = writer.importedMarkdown(bodies.store.read(article.id)!, outputIds, fallbacks.get(article.id));
        writeOutputFile(target, markdown, options.force);
        written += 1;
        options.out.write(`${sanitizeLine(given)} → ${sanitizeLine(target)}\n`);
        const size = Buffer.byteLength(markdown);
        if (size > DEFAULT_MAX_FILE_BYTES) {
          options.err.write(`broadsheet: import ${sanitizeLine(given)}: note: ${sanitizeLine(target)} is ${megabytes(size)}, over the ${megabytes(DEFAULT_MAX_FILE_BYTES)} limit of a library file; the reader will skip it\n`);
        }
      } catch (error) {
        fail(given, error instanceof OutputWriteError ? error.message : `could not be imported (${error instanceof Error ? error.message : String(error)})`);
      }
    });
    if (options.sources.length > 1) options.out.write(`imported ${written} of ${options.sources.length}\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    removeDownloads();
    stopWatching();
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

/** Why a local source cannot be imported, or null. */
function localSourceProblem(path: string): string | null {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`;
  }
  if (!stat.isFile()) return 'not a file';
  if (stat.size > DEFAULT_MAX_FILE_BYTES) return `is ${megabytes(stat.size)}, over the ${megabytes(DEFAULT_MAX_FILE_BYTES)} limit of a library file`;
  return null;
}

function megabytes(bytes: number): string {
  return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Fetches a URL and saves it as UTF-8 HTML (with a byte-order mark, which outranks any declared charset). */
async function downloadPage(url: string, folder: string, n: number): Promise<{ path: string; bytes: number }> {
  const [{ fetchPage }, { decodeHtmlBytes }] = await Promise.all([import('./fetchPage.js'), import('../library/html/decodeHtmlBytes.js')]);
  const page = await fetchPage(url);
  const path = join(folder, `page-${n}.html`);
  const text = `\ufeff${decodeHtmlBytes(page.bytes, page.contentType)}`;
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
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

/** "importing 3/12 …" on a terminal when there are more than a few sources. */
function progressLine(err: NodeJS.WritableStream, total: number): (done: number, source: string) => void {
  const tty = (err as NodeJS.WriteStream).isTTY === true;
  if (!tty || total <= 3) return () => undefined;
  return (done, source) => {
    const text = done < total ? `importing ${done + 1}/${total} ${sanitizeLine(source)}`.slice(0, 78) : '';
    err.write(`\r\x1b[K${text}`);
  };
}
