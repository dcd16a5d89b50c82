// Readable content (a DOM element) → Markdown. Links keep the href the page wrote; images
// become their alt text and are never fetched; anything executable or interactive is dropped.
import TurndownService from 'turndown';
import { collapse } from './dom.js';

const NEVER = ['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'canvas', 'svg', 'audio', 'video', 'nav', 'menu', 'dialog', 'head', 'title', 'meta', 'link'] as const;

function destination(href: string): string {
  // Angle brackets let a destination hold spaces; parentheses are escaped as turndown does.
  if (/[\s<>]/.test(href)) return `<${href.replace(/[<>]/g, (c) => (c === '<' ? '%3C' : '%3E'))}>`;
  return href.replace(/([()])/g, '\\$1');
}

const BLOCK_IN_CELL = 'p, div, ul, ol, table, pre, blockquote, h1, h2, h3, h4, h5, h6, figure, hr';

/** A data table: rows of cells holding inline content only, so it fits a GFM table. */
function isSimpleTable(table: Element): boolean {
  const rows = [...table.querySelectorAll('tr')];
  return rows.length > 0 && rows.every((row) => row.closest('table') === table) && table.querySelector(BLOCK_IN_CELL) === null;
}

function inSimpleTable(node: Node): boolean {
  const table = (node as Element).closest?.('table');
  return table != null && isSimpleTable(table);
}

function cellText(content: string): string {
  return content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function addTableRules(service: TurndownService): void {
  service.addRule('tableCell', {
    filter: (node) => (node.nodeName === 'TD' || node.nodeName === 'TH') && inSimpleTable(node),
    replacement: (content) => ` ${cellText(content)} |`,
  });
  service.addRule('tableRow', {
    filter: (node) => node.nodeName === 'TR' && inSimpleTable(node),
    replacement: (content, node) => {
      const row = node as Element;
      const table = row.closest('table') as Element;
      const first = table.querySelector('tr') === row;
      const line = `|${content}\n`;
      if (!first) return line;
      const columns = Math.max(...[...table.querySelectorAll('tr')].map((r) => r.children.length), 1);
      const cells = row.children.length;
      // GFM wants every row as wide as the header row.
      return `|${content}${' |'.repeat(Math.max(columns - cells, 0))}\n|${' --- |'.repeat(columns)}\n`;
    },
  });
  service.addRule('tableSection', {
    filter: (node) => ['THEAD', 'TBODY', 'TFOOT'].includes(node.nodeName) && inSimpleTable(node),
    replacement: (content) => content,
  });
  service.addRule('tableCaption', {
    filter: (node) => node.nodeName === 'CAPTION' && inSimpleTable(node),
    replacement: () => '',
  });
  service.addRule('table', {
    filter: (node) => node.nodeName === 'TABLE' && isSimpleTable(node),
    replacement: (content, node) => {
      const caption = collapse((node as Element).querySelector('caption')?.textContent);
      return `\n\n${caption ? `${service.escape(caption)}\n\n` : ''}${content.replace(/^\n+|\n+$/g, '')}\n\n`;
    },
  });
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  service.remove([...NEVER] as unknown as TurndownService.Filter);
  addTableRules(service);
  service.addRule('preformatted', {
    // <pre> without <code> inside: turndown would run its lines into one paragraph.
    filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const text = (node.textContent ?? '').replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });
  service.addRule('imageAsAltText', {
    filter: 'img',
    replacement: (_content, node) => service.escape(collapse((node as Element).getAttribute('alt'))),
  });
  service.addRule('linkKeepingHref', {
    filter: (node) => node.nodeName === 'A' && !!(node as Element).getAttribute('href'),
    replacement: (content, node) => {
      const text = content.trim();
      if (!text) return '';
      const href = ((node as Element).getAttribute('href') ?? '').trim();
      return `[${text}](${destination(href)})`;
    },
  });
  return service;
}

let service: TurndownService | null = null;

/** Markdown for `content`, trimmed, ending in one newline ('' when there is nothing). */
export function toMarkdown(content: Element): string {
  service ??= createService();
  const markdown = service
    .turndown(content as unknown as TurndownService.Node)
    .replace(/[ \t]+$/gm, (m) => (m === '  ' ? m : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return markdown ? `${markdown}\n` : '';
}
