// One file → a parsed article, or the problem that kept it out of the library.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem, ProblemKind } from './types.js';
import { decodeBytes, DEFAULT_MAX_FILE_BYTES } from './decodeText.js';
import type { IdentifiedFile } from './articleIds.js';
import type { ParsedArticle } from './parsedArticle.js';
import { parseMarkdownArticle } from './parseMarkdownArticle.js';
import { parseTextArticle } from './parseTextArticle.js';
import { parseHtmlPage, declaredCharset } from './parseHtmlPage.js';

export type ReadResult = { ok: true; parsed: ParsedArticle } | { ok: false; problem: Problem };

function fail(file: IdentifiedFile, kind: ProblemKind, why: string): ReadResult {
  return { ok: false, problem: { id: file.relPath, kind, message: `${file.relPath}: ${why}`, target: file.relPath } };
}

/** The file name without its extension: the title of last resort. */
export function fileTitle(relPath: string): string {
  const base = path.posix.basename(relPath);
  const ext = path.posix.extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

export async function readArticleFile(file: IdentifiedFile, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const st = await fs.stat(file.absPath);
    if (st.size > maxBytes) return fail(file, 'too-large', `file is ${st.size} bytes, over the ${maxBytes}-byte limit; skipped`);
    bytes = await fs.readFile(file.absPath);
  } catch (err) {
    return fail(file, 'unreadable', `cannot be read (${(err as NodeJS.ErrnoException)?.code ?? String(err)})`);
  }
  const decoded = decodeBytes(bytes, {
    maxBytes,
    charset: file.format === 'html' ? declaredCharset(bytes) : undefined,
  });
  if (!decoded.ok) return fail(file, decoded.kind, decoded.message);

  const title = fileTitle(file.relPath);
  let parsed: ParsedArticle;
  try {
    parsed =
      file.format === 'text'
        ? parseTextArticle(decoded.text, title)
        : file.format === 'html'
          ? parseHtmlPage(decoded.text, title)
          : parseMarkdownArticle(decoded.text, title);
  } catch (err) {
    // A parser bug must not take the library down: the file still opens, as text.
    parsed = parseTextArticle(decoded.text, title);
    parsed.problems.push({ kind: 'unreadable', message: `could not be parsed (${err instanceof Error ? err.message : String(err)}); shown as text` });
  }
  if (decoded.encodingNote) parsed.problems.unshift({ kind: 'encoding', message: decoded.encodingNote });
  return { ok: true, parsed };
}
