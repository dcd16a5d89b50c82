// `broadsheet list`: the library as a reader would browse it, or as JSON (SPEC §2).
import { Chalk } from 'chalk';
import { displayWidth, truncate } from '../text/width.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Article } from '../library/types.js';
import { listTitleOf } from '../library/listTitles.js';
import { articleJson } from './articleJson.js';
import { openLibrary } from './openLibrary.js';
import { terminalJson } from './terminalText.js';

export interface ListOptions {
  paths: string[];
  json: boolean;
  width: number;
  color: boolean;
  out: NodeJS.WritableStream;
}

export async function listCommand(options: ListOptions): Promise<number> {
  // The plain list reads no body and no link: a warm cache loads no parser, and saved pages need
  // only their metadata pass. The JSON has words, links and backlinks: every page is extracted.
  const library = await openLibrary(options.paths, { whole: options.json, progress: process.stderr });
  if (options.json) {
    options.out.write(`${terminalJson(library.articles.map(articleJson))}\n`);
    return 0;
  }
  options.out.write(formatList(library.readingOrder, options.width, options.color));
  return 0;
}

/** Section headings, then one article a line: date, title, id, in columns. */
export function formatList(articles: readonly Article[], width: number, color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const rows = articles.map((article) => ({
    article,
    heading: sanitizeLine(article.section.length > 0 ? article.section.join(' › ') : 'No section'),
    date: (article.date ?? '').slice(0, 10).padEnd(10),
    title: sanitizeLine(listTitleOf(article)),
    id: sanitizeLine(article.id),
  }));
  const idWidth = Math.max(0, ...rows.map((row) => displayWidth(row.id)));
  const titleWidth = Math.max(0, ...rows.map((row) => displayWidth(row.title)));
  // Indent 2, date 10, two gaps of 2: the rest is title and id. Ids go first when it is narrow.
  const room = width - 16;
  const showIds = room - idWidth >= 20;
  const titleRoom = Math.max(1, showIds ? Math.min(titleWidth, room - idWidth) : room);

  const lines: string[] = [];
  let section: string | undefined;
  for (const row of rows) {
    if (row.heading !== section) {
      if (section !== undefined) lines.push('');
      lines.push(style.bold(truncate(row.heading, width)));
      section = row.heading;
    }
    const title = truncate(row.title, titleRoom);
    const padded = showIds ? title + ' '.repeat(Math.max(0, titleRoom - displayWidth(title))) : title;
    const line = `  ${style.dim(row.date)}  ${padded}${showIds ? `  ${style.dim(row.id)}` : ''}`;
    lines.push(width >= 16 ? line : truncate(`  ${row.title}`, width));
  }
  if (articles.length === 0) lines.push(truncate('No articles found.', width));
  return `${lines.join('\n')}\n`;
}
