// HTML tables → GFM tables for turndown (which has no table rules of its own). A data table
// stays a grid even when its cells hold paragraphs or lists: a cell's blocks are joined into
// one line. A table used for layout (one column, or cells holding whole sections of text) is
// left to turndown, which gives its content as paragraphs.
import type TurndownService from 'turndown';
import { collapse, textOf } from './dom.js';

/** A cell holding a section of text rather than a datum: the table lays out a page. */
const LAYOUT_IN_CELL = 'table, h1, h2, h3, article, section';
const MAX_CELL_TEXT = 600;

function rowsOf(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
}

/** A data table: its own rows, at least two columns, no cell that lays out a page. */
export function isGridTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.length === 0 || rows.length !== table.querySelectorAll('tr').length) return false;
  if (Math.max(...rows.map((r) => r.children.length)) < 2) return false;
  return rows.every((row) => [...row.children].every((cell) => cell.querySelector(LAYOUT_IN_CELL) === null && textOf(cell).length <= MAX_CELL_TEXT));
}

function inGridTable(node: Node): boolean {
  const table = (node as Element).closest?.('table');
  return table != null && isGridTable(table);
}

/** A cell's Markdown on one line: its blocks (paragraphs, list items, lines) joined, block markers dropped, pipes escaped. */
export function cellText(content: string): string {
  return content
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*|#{1,6}\s+|`{3,}.*$)/, '').trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/\|/g, '\\|');
}

export function addTableRules(service: TurndownService): void {
  service.addRule('tableCell', {
    filter: (node) => (node.nodeName === 'TD' || node.nodeName === 'TH') && inGridTable(node),
    replacement: (content) => ` ${cellText(content)} |`,
  });
  service.addRule('tableRow', {
    filter: (node) => node.nodeName === 'TR' && inGridTable(node),
    replacement: (content, node) => {
      const row = node as Element;
      const table = row.closest('table') as Element;
      const rows = rowsOf(table);
      const line = `|${content}\n`;
      if (rows[0] !== row) return line;
      const columns = Math.max(...rows.map((r) => r.children.length), 1);
      // GFM wants every row as wide as the header row.
      return `|${content}${' |'.repeat(Math.max(columns - row.children.length, 0))}\n|${' --- |'.repeat(columns)}\n`;
    },
  });
  service.addRule('tableSection', {
    filter: (node) => ['THEAD', 'TBODY', 'TFOOT'].includes(node.nodeName) && inGridTable(node),
    replacement: (content) => content,
  });
  service.addRule('tableCaption', {
    filter: (node) => node.nodeName === 'CAPTION' && inGridTable(node),
    replacement: () => '',
  });
  service.addRule('table', {
    filter: (node) => node.nodeName === 'TABLE' && isGridTable(node),
    replacement: (content, node) => {
      const caption = collapse((node as Element).querySelector('caption')?.textContent);
      return `\n\n${caption ? `${service.escape(caption)}\n\n` : ''}${content.replace(/^\n+|\n+$/g, '')}\n\n`;
    },
  });
}
