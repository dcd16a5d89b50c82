// `broadsheet check`: every broken link and unreadable file, exit 1 when there is any (SPEC §2).
import { Chalk } from 'chalk';
import type { Problem } from '../library/types.js';
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
  const library = await openLibrary(options.paths);
  const problems = library.problems;
  if (options.json) {
    options.out.write(`${terminalJson({ ok: problems.length === 0, problems: problems.map(problemJson) })}\n`);
  } else {
    options.out.write(formatProblems(problems, library.articles.length, options.color));
  }
  return problems.length === 0 ? 0 : 1;
}

function problemJson(problem: Problem): Problem {
  const { id, kind, message, target } = problem;
  return target === undefined ? { id, kind, message } : { id, kind, message, target };
}

export function formatProblems(problems: readonly Problem[], articleCount: number, color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const articles = `${articleCount} article${articleCount === 1 ? '' : 's'}`;
  if (problems.length === 0) return `${style.green('ok')}: ${articles}, no problems\n`;
  const lines = problems.map((problem) => `${style.bold(sanitizeLine(problem.id))}: ${style.yellow(problem.kind)}: ${sanitizeLine(problem.message)}`);
  lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${articles}`);
  return `${lines.join('\n')}\n`;
}
