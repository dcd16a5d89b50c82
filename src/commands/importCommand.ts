// `broadsheet import SOURCE... --out DIR`: raw pages (and any other article file) become
// Markdown with front matter. Sources are read as one small library so that they link to
// each other by id wherever their links resolve (SPEC §2).
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { loadLibrary } from '../library/index.js';
import { importedMarkdown, type OutputIds } from './importedMarkdown.js';
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
  for (const source of options.sources) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      fail(source, 'importing from a URL is not supported yet');
      continue;
    }
    const path = resolve(source);
    if (!existsSync(path)) fail(source, 'no such file');
    else if (!statSync(path).isFile()) fail(source, 'not a file');
    else files.push(path);
  }

  const library = files.length > 0 ? await loadLibrary(files) : undefined;
  const articles = library ? files.map((file) => library.articles.find((article) => article.absPath === file)) : [];

  // Name every output first, so links between sources can point at the ids they will have.
  const outDir = resolve(options.outDir);
  const outputIds: OutputIds = new Map();
  const taken = new Set<string>();
  articles.forEach((article, index) => {
    if (!article) return;
    const id = uniqueName(basename(files[index], extname(files[index])), taken);
    taken.add(id);
    outputIds.set(article.id, id);
  });

  mkdirSync(outDir, { recursive: true });
  let written = 0;
  articles.forEach((article, index) => {
    if (!article) {
      fail(files[index], library?.problems.find((problem) => files[index].endsWith(problem.id))?.message ?? 'could not be read as an article');
      return;
    }
    const target = join(outDir, `${outputIds.get(article.id)}.md`);
    if (existsSync(target) && !options.force) {
      fail(files[index], `${target} exists; use --force to overwrite it`);
      return;
    }
    writeFileSync(target, importedMarkdown(article, outputIds));
    written += 1;
    options.out.write(`${sanitizeLine(files[index])} → ${sanitizeLine(target)}\n`);
  });
  if (options.sources.length > 1) options.out.write(`imported ${written} of ${options.sources.length}\n`);
  return failed > 0 ? 1 : 0;
}

function uniqueName(stem: string, taken: Set<string>): string {
  const base = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'article';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}
