// The one way a file becomes an imported article (SPEC §2), for `import FILE`, `import URL` and
// every item of a feed or export: the files are read as one small library, so that they link to
// each other by id wherever their links resolve; each is named, turned into Markdown with front
// matter and written without overwriting (unless forced). A fetched page is saved to a
// temporary file first and read exactly like a saved one.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, fileProblem, fileTitle, loadLibrary } from '../library/index.js';
import type { ImportFallback, OutputIds, SourceFields } from './importedMarkdown.js';
import { uniqueFileName, urlStem, urlTitle } from './importNames.js';
import { OutputWriteError, writeOutputFile } from './importWrite.js';
import { CommandError } from './commandError.js';
import { loadBodies } from '../startup.js';
import type { FetchedPage } from './fetchPage.js';

/** One file to import: as given (for messages), the file it is read from, and what else is known of it. */
export interface ImportSource {
  given: string;
  path: string;
  /** For a fetched page (or a feed item's own content): its URL; the file is a temporary copy. */
  url?: string;
  /** The output name (without .md) chosen beforehand, already in `taken`; else one is made from the URL or file name. */
  name?: string;
  /** Front matter the source's list gives (feed title as section, tags, chain...). */
  fields?: SourceFields;
}

export interface ImportOutcome {
  source: ImportSource;
  /** The file written. */
  target?: string;
  /** Why nothing was written. */
  failure?: string;
  /** A note for a written file (over the library's size limit). */
  note?: string;
}

export interface WriteOptions {
  outDir: string;
  /** `--out` as the user gave it, for messages. */
  outGiven: string;
  force: boolean;
  /** File names (lower-cased) already used in the output folder. */
  taken: Set<string>;
}

export function megabytes(bytes: number): string {
  return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Fetched bytes as text, by the saved-page charset rules (BOM, then valid UTF-8, then what the page declares). */
export async function pageText(page: FetchedPage): Promise<string> {
  const { decodeHtmlBytes } = await import('../library/html/decodeHtmlBytes.js');
  return decodeHtmlBytes(page.bytes, page.contentType);
}

/** Page text saved as UTF-8 HTML with a byte-order mark, which outranks any charset the page declares. */
export function savePage(text: string, path: string): void {
  writeFileSync(path, `\ufeff${text.replace(/^\ufeff/, '')}`);
}

/** Read every source, then write each one's article; outcomes in the sources' order. */
export async function writeArticles(sources: ImportSource[], options: WriteOptions): Promise<ImportOutcome[]> {
  if (sources.length === 0) return [];
  const files = sources.map((source) => source.path);
  const largest = Math.max(0, ...sources.filter((source) => source.url).map((source) => fileBytes(source.path)));
  const library = await loadLibrary(files, { maxFileBytes: Math.max(DEFAULT_MAX_FILE_BYTES, largest) });
  const articles = files.map((file) => library.articles.find((article) => article.absPath === file));

  // Name every output first, so links between sources can point at the ids they will have.
  const outputIds: OutputIds = new Map();
  const fallbacks = new Map<string, ImportFallback>();
  articles.forEach((article, index) => {
    if (!article) return;
    const { url, path, name } = sources[index];
    // A page that names itself nowhere would be titled after its temporary file.
    const untitled = url !== undefined && article.title === fileTitle(basename(path));
    const title = untitled ? urlTitle(url) : article.title;
    if (url) fallbacks.set(article.id, { source: url, ...(untitled ? { title } : {}) });
    const file = name !== undefined ? `${name}.md` : uniqueFileName(url ? urlStem(url, title) : basename(path, extname(path)), options.taken);
    outputIds.set(article.id, file.slice(0, -'.md'.length));
  });

  if (outputIds.size > 0) {
    try {
      mkdirSync(options.outDir, { recursive: true });
    } catch (error) {
      throw new CommandError(`import: cannot create --out ${options.outGiven} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 1);
    }
  }
  // Markdown and YAML writing load only when importing.
  const [writer, bodies] = outputIds.size > 0 ? await Promise.all([import('./importedMarkdown.js'), loadBodies(library)]) : [null, null];
  return articles.map((article, index): ImportOutcome => {
    const source = sources[index];
    if (!article || !writer || !bodies) {
      const problem = fileProblem(library, source.path)?.message;
      // Problems lead with the file's path: for a fetched page, a temporary name.
      return { source, failure: problem?.replace(`${basename(source.path)}: `, '') ?? 'could not be read as an article' };
    }
    const target = join(options.outDir, `${outputIds.get(article.id)}.md`);
    try {
      const markdown = writer.importedMarkdown(bodies.store.read(article.id)!, outputIds, fallbacks.get(article.id), source.fields);
      writeOutputFile(target, markdown, options.force);
      const size = Buffer.byteLength(markdown);
      const note =
        size > DEFAULT_MAX_FILE_BYTES ? `note: ${target} is ${megabytes(size)}, over the ${megabytes(DEFAULT_MAX_FILE_BYTES)} limit of a library file; the reader will skip it` : undefined;
      return { source, target, ...(note ? { note } : {}) };
    } catch (error) {
      return { source, failure: error instanceof OutputWriteError ? error.message : `could not be imported (${error instanceof Error ? error.message : String(error)})` };
    }
  });
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
