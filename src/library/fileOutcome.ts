// What becomes of a file that gave no article, and the names of last resort: light on purpose
// (the loader's warm path needs these without the parsers of readArticleFile.ts).
import path from 'node:path';
import type { Problem, ProblemKind } from './types.js';
import type { IdentifiedFile } from './articleIds.js';
import { escapeMarkdownLine } from './escapeMarkdown.js';

/** Why a file gave no article: the problem's kind and its message without the file name. */
export interface ReadFailure {
  ok: false;
  kind: ProblemKind;
  why: string;
}

/** The problem a failed read gives, its message led by the file's path. */
export function readProblem(file: Pick<IdentifiedFile, 'relPath'>, failure: { kind: ProblemKind; why: string }): Problem {
  return { id: file.relPath, kind: failure.kind, message: `${file.relPath}: ${failure.why}`, target: file.relPath };
}

/** The file name without its extension: the title of last resort. */
export function fileTitle(relPath: string): string {
  const base = path.posix.basename(relPath);
  const ext = path.posix.extname(base);
  return (ext ? base.slice(0, -ext.length) : base) || base;
}

export function tooLarge(size: number, maxBytes: number): ReadFailure {
  return { ok: false, kind: 'too-large', why: `file is ${size} bytes, over the ${maxBytes}-byte limit; skipped` };
}

/** The Markdown shown in place of a body that could not be read (deleted, unreadable since the library was loaded). */
export function unreadableBody(file: { path: string }, failure: ReadFailure): string {
  const why = failure.why.replace(/^cannot be read \((.*)\)$/, '$1');
  return `This file could no longer be read: ${escapeMarkdownLine(file.path)} (${escapeMarkdownLine(why)}).\n`;
}
