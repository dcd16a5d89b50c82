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
