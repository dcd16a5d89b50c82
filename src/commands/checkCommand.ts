// `broadsheet check`: every broken link and unreadable file, exit 1 when there is any (SPEC §2).
import { Chalk } from 'chalk';
import type { Library, Problem } from '../library/types.js';
import { openLibrary } from './openLibrary.js';
import { sanitizeLine } from '../text/sanitize.js';
import { terminalJson } from './terminalText.js';

export interface CheckOptions {
  paths: string[];
  json: boolean;
  color: boolean;
  out: NodeJS.WritableStream;
}

export async function checkCommand(options: CheckOptions): Promise<number> {
  // Every link counts here: saved pages are extracted, with progress on a terminal's stderr.
  const library = await openLibrary(options.paths, { whole: true, progress: process.stderr });
  const problems = library.problems;
  // Warnings (an ambiguous REF, followed to the nearest article) are reported, but pass.
  const failing = problems.some((problem) => !problem.warning);
  if (options.json) {
    options.out.write(`${terminalJson({ ok: !failing, problems: problems.map(problemJson) })}\n`);
  } else {
    options.out.write(formatProblems(problems, library, options.color));
  }
  return failing ? 1 : 0;
}

function problemJson(problem: Problem): Problem {
  const { id, kind, message, target, line, warning } = problem;
  return { id, kind, message, ...(target === undefined ? {} : { target }), ...(line === undefined ? {} : { line }), ...(warning ? { warning } : {}) };
}

/**
 * One problem as compilers print theirs, so editors can jump: `PATH:LINE: kind: message`, the
 * line when the problem was found in the file's text. Messages already start with the path.
 */
function problemLine(problem: Problem, library: Pick<Library, 'byId'>, style: InstanceType<typeof Chalk>): string {
  const path = library.byId.get(problem.id)?.path;
  const kind = problem.warning ? `warning: ${problem.kind}` : problem.kind;
  if (path !== undefined && problem.message.startsWith(`${path}: `)) {
    const where = problem.line === undefined ? path : `${path}:${problem.line}`;
    return `${style.bold(sanitizeLine(where))}: ${style.yellow(kind)}: ${sanitizeLine(problem.message.slice(path.length + 2))}`;
  }
  return `${style.bold(sanitizeLine(problem.id))}: ${style.yellow(kind)}: ${sanitizeLine(problem.message)}`;
}

export function formatProblems(problems: readonly Problem[], library: Pick<Library, 'byId' | 'articles'>, color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const articleCount = library.articles.length;
  const articles = `${articleCount} article${articleCount === 1 ? '' : 's'}`;
  if (problems.length === 0) return `${style.green('ok')}: ${articles}, no problems\n`;
  const lines = problems.map((problem) => problemLine(problem, library, style));
  const warnings = problems.filter((problem) => problem.warning).length;
  const errors = problems.length - warnings;
  const counts = [
    ...(errors > 0 ? [`${errors} problem${errors === 1 ? '' : 's'}`] : []),
    ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
  ];
  lines.push(`${counts.join(' and ')} in ${articles}`);
  return `${lines.join('\n')}\n`;
}
