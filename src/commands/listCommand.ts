// `broadsheet list`: the library as a reader would browse it, or as JSON (SPEC §2).
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { sortForReading } from '../library/readingOrder.js';
import type { Article } from '../library/types.js';
import { articleJson } from './articleJson.js';
import { openLibrary } from './openLibrary.js';
import { sanitizeLine } from './terminalText.js';
import { fitToWidth } from './fitToWidth.js';

export interface ListOptions {
  paths: string[];
  json: boolean;
  width: number;
  color: boolean;
  out: NodeJS.WritableStream;
}

export async function listCommand(options: ListOptions): Promise<number> {
  const library = await openLibrary(options.paths);
  if (options.json) {
    options.out.write(`${JSON.stringify(library.articles.map(articleJson), null, 2)}\n`);
    return 0;
  }
  options.out.write(formatList(sortForReading(library.articles), options.width, options.color));
  return 0;
}

/** Section headings, then one article a line: date, title, id. */
export function formatList(articles: Article[], width: number, color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  let section: string | undefined;
  for (const article of articles) {
    const heading = article.section.length > 0 ? article.section.join(' › ') : 'No section';
    if (heading !== section) {
      if (section !== undefined) lines.push('');
      lines.push(style.bold(fitToWidth(sanitizeLine(heading), width)));
      section = heading;
    }
    const date = (article.date ?? '').slice(0, 10).padEnd(10);
    const id = sanitizeLine(article.id);
    const titleRoom = Math.max(1, width - 2 - 10 - 2 - 2 - stringWidth(id));
    const title = fitToWidth(sanitizeLine(article.title), titleRoom);
    const row = `  ${date}  ${title}  ${id}`;
    if (stringWidth(row) <= width) {
      lines.push(`  ${style.dim(date)}  ${title}  ${style.dim(id)}`);
    } else {
      // Too narrow for the id: title alone, cut to fit.
      lines.push(fitToWidth(`  ${title}`, width));
    }
  }
  if (articles.length === 0) lines.push('No articles found.');
  return `${lines.join('\n')}\n`;
}
