// Small hand-built libraries and a tiny stand-in renderer, kept for the UI tests (tests/ui) and
// the search tests (tests/search), which import it from here: they draw frames and rank titles,
// and a layout they can predict line by line keeps their assertions short. The navigation tests
// no longer use it: they read real files with the real loader and lay them out with the real
// renderer (helpers.ts beside this file). Bodies use `# Heading` lines, blank-line paragraphs
// and `[label](ref)` links; the renderer wraps words greedily at the width and records link
// spans, then adds a numbered related-reading footer and previous/next links.
import type { ArticleLink, Library, LinkTarget, Problem, RelatedLink } from '../../src/library/types.js';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/library/decodeText.js';
import { sortForReading } from '../../src/library/readingOrder.js';
import type { BodySource } from '../../src/search/librarySearch.js';
import type { BodyStore } from '../../src/library/bodyStore.js';
import type { ArticleRenderer } from '../../src/ui/renderCache.js';
import type { LineSpan, RenderedArticle, RenderedHeading, RenderedLink } from '../../src/render/types.js';
import { headingSlug } from '../../src/text/slug.js';

export interface ArticleSpec {
  id: string;
  title: string;
  section?: string[];
  date?: string | null;
  body?: string;
  /** Ids, `id#Heading`, or `?Title` for an unresolved one. */
  related?: string[];
  next?: string;
  previous?: string;
}

function targetFor(ref: string, ids: Set<string>): LinkTarget {
  if (ref.startsWith('?')) return { kind: 'unresolved', ref: ref.slice(1), title: ref.slice(1), reason: 'missing' };
  if (/^(https?|mailto):/.test(ref)) return { kind: 'external', url: ref };
  const [id, heading] = ref.split('#');
  if (ids.has(id)) return heading ? { kind: 'article', id, heading } : { kind: 'article', id };
  return { kind: 'unresolved', ref, title: ref, reason: 'missing' };
}

/** The bodies of the hand-built articles (the records hold none, as the loader's do). */
const bodies = new WeakMap<object, { body: string; linkTargets: Map<string, LinkTarget> }>();

/** The body and body links of an article of a library made here. */
export function fakeBody(library: Library, id: string): { body: string; linkTargets: Map<string, LinkTarget> } {
  return bodies.get(library.byId.get(id)!)!;
}

/** Bodies as text, for search and "mentioned in" (what the reader reads through its body store). */
export const fakeBodyText: BodySource = (article) => bodies.get(article)?.body ?? null;

export function makeLibrary(specs: ArticleSpec[]): Library {
  const texts = new Map<string, { body: string; linkTargets: Map<string, LinkTarget> }>();
  const ids = new Set(specs.map((spec) => spec.id));
  const titles = new Map(specs.map((spec) => [spec.id, spec.title]));
  const linkOf = (ref: string): ArticleLink => {
    const target = targetFor(ref, ids);
    return { title: target.kind === 'article' ? titles.get(target.id)! : ref.replace(/^\?/, ''), target };
  };
  const articles = specs.map((spec) => {
    const body = spec.body ?? `Text of ${spec.title}.`;
    const linkTargets = new Map<string, LinkTarget>();
    for (const match of body.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)) linkTargets.set(match[2], targetFor(match[2], ids));
    texts.set(spec.id, { body, linkTargets });
    return {
      id: spec.id,
      title: spec.title,
      path: `${spec.id}.md`,
      absPath: `/lib/${spec.id}.md`,
      root: '/lib',
      format: 'markdown' as const,
      section: spec.section ?? [],
      date: spec.date ?? null,
      author: null,
      summary: null,
      source: null,
      aliases: [],
      tags: [],
      related: (spec.related ?? []).map((ref): RelatedLink => ({ ...linkOf(ref), inBody: false })),
      previous: spec.previous ? linkOf(spec.previous) : null,
      next: spec.next ? linkOf(spec.next) : null,
      backlinks: [] as string[],
      words: body.split(/\s+/).filter(Boolean).length,
      problems: [] as Problem[],
    };
  });
  articles.sort((a, b) => (a.id < b.id ? -1 : 1));
  // Backlinks, as the loader gives them: every article that links here (body, related, chain).
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const article of articles) {
    const targets = [...texts.get(article.id)!.linkTargets.values(), ...article.related.map((l) => l.target), article.previous?.target, article.next?.target];
    for (const target of targets) {
      if (target?.kind !== 'article' || target.id === article.id) continue;
      const linked = byId.get(target.id)!;
      if (!linked.backlinks.includes(article.id)) linked.backlinks.push(article.id);
    }
  }
  for (const article of articles) article.backlinks.sort();
  const library: Library = { roots: ['/lib'], articles, readingOrder: sortForReading(articles), byId: new Map(articles.map((a) => [a.id, a])), attachments: [], problems: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES };
  for (const article of articles) bodies.set(article, texts.get(article.id)!);
  return library;
}

interface Word {
  text: string;
  link: number | null;
}

/** A renderer stand-in: plain text, greedy wrap, link spans, numbered related footer. */
export function fakeRender(library: Library, counter?: { calls: number }) {
  return (id: string, width: number): RenderedArticle => {
    if (counter) counter.calls++;
    const article = library.byId.get(id)!;
    const { body, linkTargets } = fakeBody(library, id);
    const lines: string[] = [];
    const links: RenderedLink[] = [];
    const headings: RenderedHeading[] = [];
    const addLink = (label: string, target: LinkTarget, role: RenderedLink['role'], number?: number) => {
      const link: RenderedLink = { index: links.length, label, target, role, spans: [] };
      if (number !== undefined) link.number = number;
      links.push(link);
      return link.index;
    };
    const paragraph = (words: Word[]) => {
      let line = '';
      let spans: Array<{ link: number; start: number; end: number }> = [];
      const flush = () => {
        const lineNo = lines.length;
        lines.push(line);
        for (const span of spans) links[span.link].spans.push({ line: lineNo, start: span.start, end: span.end } satisfies LineSpan);
        line = '';
        spans = [];
      };
      for (const word of words) {
        if (line !== '' && line.length + 1 + word.text.length > width) flush();
        const joinsLink = line !== '' && word.link !== null && spans.length > 0 && spans[spans.length - 1].link === word.link;
        if (line !== '') line += ' ';
        const start = line.length;
        line += word.text;
        if (word.link !== null) {
          if (joinsLink) spans[spans.length - 1].end = line.length;
          else spans.push({ link: word.link, start, end: line.length });
        }
      }
      if (line !== '' || words.length === 0) flush();
    };
    const blocks = body.split(/\n\s*\n/);
    for (const block of blocks) {
      if (lines.length > 0) lines.push('');
      if (block.startsWith('# ')) {
        const text = block.slice(2).trim();
        headings.push({ text, level: 1, line: lines.length, slug: headingSlug(text) });
        lines.push(text.toUpperCase().slice(0, width));
        continue;
      }
      const words: Word[] = [];
      let rest = block.replace(/\s+/g, ' ').trim();
      while (rest.length > 0) {
        const match = /\[([^\]]+)\]\(([^)]+)\)/.exec(rest);
        const plain = match ? rest.slice(0, match.index) : rest;
        for (const text of plain.split(' ').filter(Boolean)) words.push({ text, link: null });
        if (!match) break;
        const index = addLink(match[1], linkTargets.get(match[2])!, 'body');
        for (const text of match[1].split(' ').filter(Boolean)) words.push({ text, link: index });
        rest = rest.slice(match.index + match[0].length);
      }
      paragraph(words);
    }
    if (article.related.length > 0) {
      lines.push('', 'Related');
      article.related.forEach((link, i) => {
        const index = addLink(link.title, link.target, 'related', i + 1);
        paragraph([{ text: `[${i + 1}]`, link: null }, ...link.title.split(' ').map((text) => ({ text, link: index }))]);
      });
    }
    for (const [role, link] of [['previous', article.previous], ['next', article.next]] as const) {
      if (!link) continue;
      const index = addLink(link.title, link.target, role);
      paragraph([{ text: role === 'previous' ? 'Previous:' : 'Next:', link: null }, ...link.title.split(' ').map((text) => ({ text, link: index }))]);
    }
    return { lines, plainLines: lines.slice(), links, headings, blocks: [], width };
  };
}

/** Memoise a render function per id + width (what the UI does). */
export function memoRender(render: (id: string, width: number) => RenderedArticle) {
  const cache = new Map<string, RenderedArticle>();
  return (id: string, width: number) => {
    const key = `${id}\u0000${width}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = render(id, width);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** `n` lines of numbered filler text (`line 1 …`), as paragraphs of one line each. */
export function filler(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join('\n\n');
}

/** A small linked collection used by several tests. */
export function sampleLibrary(): Library {
  return makeLibrary([
    {
      id: 'world/ferry',
      title: 'The last river ferry',
      section: ['World', 'Transport'],
      date: '2025-04-02',
      body: `Ferry opening words.\n\n${filler('ferry para ', 30)}\n\nSee [the bridge vote](world/bridge) and [a missing page](?Lost Page).\n\n# Timetable\n\n${filler('timetable row ', 10)}`,
      related: ['world/bridge', 'culture/choir', '?A night market reopens'],
      previous: 'culture/choir',
      next: 'world/bridge',
    },
    {
      id: 'world/bridge',
      title: 'Bridge vote delayed',
      section: ['World', 'Transport'],
      date: '2025-04-05',
      body: `Bridge opening words.\n\n${filler('bridge para ', 30)}\n\nBack to [the ferry](world/ferry) or the [timetable](world/ferry#Timetable).`,
      related: ['world/ferry'],
      previous: 'world/ferry',
      next: 'culture/choir',
    },
    {
      id: 'culture/choir',
      title: 'A choir of gulls',
      section: ['Culture'],
      date: '2024-12-01',
      body: `Choir opening words.\n\n${filler('choir para ', 30)}\n\nIt sings of river crossings.`,
      related: ['world/ferry'],
      previous: 'world/bridge',
      next: 'world/ferry',
    },
  ]);
}

/** A body store and renderer over a hand-built library, as runReader takes them: the stand-in renderer, per id and width. */
export function fakeBodies(library: Library): { store: BodyStore; renderArticle: ArticleRenderer } {
  const render = fakeRender(library);
  return { store: fakeStore(library), renderArticle: (entry, options) => render(entry.article.id, options.width) };
}

function fakeStore(library: Library): BodyStore {
  return {
    read(id) {
      const article = library.byId.get(id);
      return article ? { article, ...fakeBody(library, id), tokens: [] } : null;
    },
    text: (id) => (library.byId.has(id) ? fakeBody(library, id).body : null),
    withLibrary: fakeStore,
  };
}
