// `broadsheet import SOURCE... --out DIR`: raw pages (and any other article file) become
// Markdown with front matter. Sources are read as one small library so that they link to
// each other by id wherever their links resolve (SPEC §2).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileProblem, loadLibrary } from '../library/index.js';
import type { OutputIds } from './importedMarkdown.js';
import { sanitizeLine } from './terminalText.js';

export interface ImportOptions {
  sources: string[];
  outDir: string;
  force: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export async function importCommand(options: ImportOptions): Promise<number> {
  let failed = 0;
  const fail = (source: string, reason: string) => {
    failed += 1;
    options.err.write(`broadsheet: import ${sanitizeLine(source)}: ${sanitizeLine(reason)}\n`);
  };

  const files: string[] = [];
  /** Fetched pages are saved here first, so they are read exactly like saved files. */
  let downloads: string | undefined;
  const fetchedUrls = new Map<string, string>();
  const progress = progressLine(options.err, options.sources.length);
  for (const [n, source] of options.sources.entries()) {
    progress(n, source);
    if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) {
      try {
        downloads ??= mkdtempSync(join(tmpdir(), 'broadsheet-import-'));
        const path = await downloadPage(source, downloads, fetchedUrls.size);
        fetchedUrls.set(path, source);
        files.push(path);
      } catch (error) {
        fail(source, error instanceof Error ? error.message : String(error));
      }
      continue;
    }
    const path = resolve(source);
    if (!existsSync(path)) fail(source, 'no such file');
    else if (!statSync(path).isFile()) fail(source, 'not a file');
    else files.push(path);
  }
  progress(options.sources.length, '');

  const library = files.length > 0 ? await loadLibrary(files) : undefined;
  const articles = library ? files.map((file) => library.articles.find((article) => article.absPath === file)) : [];

  // Name every output first, so links between sources can point at the ids they will have.
  const outDir = resolve(options.outDir);
  const outputIds: OutputIds = new Map();
  const taken = new Set<string>();
  articles.forEach((article, index) => {
    if (!article) return;
    const url = fetchedUrls.get(files[index]);
    const id = uniqueName(url ? urlName(url, article.title) : basename(files[index], extname(files[index])), taken);
    taken.add(id);
    outputIds.set(article.id, id);
  });

  // Markdown and YAML writing load only when importing.
  const { importedMarkdown } = await import('./importedMarkdown.js');
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  articles.forEach((article, index) => {
    if (!article) {
      fail(files[index], (library && fileProblem(library, files[index])?.message) ?? 'could not be read as an article');
      return;
    }
    const target = join(outDir, `${outputIds.get(article.id)}.md`);
    if (existsSync(target) && !options.force) {
      fail(files[index], `${target} exists; use --force to overwrite it`);
      return;
    }
    const url = fetchedUrls.get(files[index]);
    writeFileSync(target, importedMarkdown(url && !article.source ? { ...article, source: url } : article, outputIds));
    written += 1;
    options.out.write(`${sanitizeLine(url ?? files[index])} → ${sanitizeLine(target)}\n`);
  });
  if (downloads) rmSync(downloads, { recursive: true, force: true });
  if (options.sources.length > 1) options.out.write(`imported ${written} of ${options.sources.length}\n`);
  return failed > 0 ? 1 : 0;
}

/** Fetches a URL and saves it as UTF-8 HTML (with a byte-order mark, which outranks any declared charset). */
async function downloadPage(url: string, folder: string, n: number): Promise<string> {
  const [{ fetchPage }, { decodeHtmlBytes }] = await Promise.all([import('./fetchPage.js'), import('../library/html/decodeHtmlBytes.js')]);
  const page = await fetchPage(url);
  const path = join(folder, `page-${n}.html`);
  writeFileSync(path, `\ufeff${decodeHtmlBytes(page.bytes, page.contentType)}`);
  return path;
}

/** A URL's output name: the last segment of its path, else its title (SPEC §2). */
function urlName(url: string, title: string): string {
  let segment = '';
  try {
    segment = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '');
  } catch {
    segment = '';
  }
  segment = segment.replace(/\.(html?|php|aspx?)$/i, '');
  const name = segment || title;
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
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

function uniqueName(stem: string, taken: Set<string>): string {
  const base = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'article';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}
