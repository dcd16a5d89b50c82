// A browser's bookmarks file: the Netscape format every browser exports (`<DL>` lists of
// `<DT><A HREF ADD_DATE TAGS>`, folders as `<H3>` before a nested `<DL>`), read with
// htmlparser2's tokenizer, which copes with its unclosed `<DT>`, `<DD>` and `<p>`.
import { Parser } from 'htmlparser2';
import type { SourceItem, SourceList } from './types.js';

export function parseBookmarks(html: string): SourceList {
  const items: SourceItem[] = [];
  const folders: Array<string | null> = [];
  let listTitle = '';
  let reading: 'title' | 'h1' | 'folder' | 'link' | null = null;
  let text = '';
  let pendingFolder: string | null = null;
  let link: { url: string; date?: string; tags: string[] } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title' || name === 'h1') {
          reading = name === 'title' ? 'title' : 'h1';
          text = '';
        } else if (name === 'h3') {
          reading = 'folder';
          text = '';
        } else if (name === 'dl') {
          folders.push(pendingFolder);
          pendingFolder = null;
        } else if (name === 'a' && attributes.href) {
          reading = 'link';
          text = '';
          const seconds = attributes.add_date?.trim();
          link = {
            url: attributes.href.trim(),
            ...(seconds && /^\d{9,11}$/.test(seconds) ? { date: new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, 'Z') } : {}),
            tags: (attributes.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
          };
        }
      },
      ontext(chunk) {
        if (reading) text += chunk;
      },
      onclosetag(name) {
        const words = text.replace(/\s+/g, ' ').trim();
        if ((name === 'title' && reading === 'title') || (name === 'h1' && reading === 'h1')) {
          if (words && (reading === 'h1' || !listTitle)) listTitle = words;
        } else if (name === 'h3' && reading === 'folder') {
          pendingFolder = words || null;
        } else if (name === 'dl') {
          folders.pop();
        } else if (name === 'a' && reading === 'link' && link) {
          const section = folders.filter((folder): folder is string => folder !== null);
          items.push({ url: link.url, tags: link.tags, ...(words ? { title: words } : {}), ...(link.date ? { date: link.date } : {}), ...(section.length > 0 ? { section } : {}) });
          link = null;
        } else {
          return;
        }
        reading = null;
        text = '';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Only web pages: bookmarklets (javascript:), place: queries and file: links are not articles.
  const web = items.filter((item) => /^https?:/i.test(item.url ?? ''));
  return { kind: 'bookmarks', title: listTitle || 'Bookmarks', items: web };
}
