// One imported article as Markdown: front matter with every link as an id where it resolves
// among the imported sources and as a title where it doesn't; links rewritten in place.
import type { Token, Tokens } from 'marked';
import YAML from 'yaml';
import { escapeLinkLabel, markdownDestination } from '../library/escapeMarkdown.js';
import type { ArticleBody, ArticleLink, LinkTarget } from '../library/types.js';
import { sanitizeLine, sanitizeText } from '../text/sanitize.js';

/** Source article id → the id its Markdown file will have in the output folder. */
export type OutputIds = Map<string, string>;

interface WikilinkToken {
  type: 'wikilink';
  raw: string;
  ref: string;
  label: string;
  embed: boolean;
}

/** What a fetched page gives that its file does not: the URL as its source, and a title when it names itself nowhere. */
export interface ImportFallback {
  title?: string;
  source?: string;
}

/**
 * What a feed or export says about an item, which wins over what its page says: the item's own
 * title, date and author when it gives them, the feed's (or list's) title as section, its tags,
 * and the previous/next ids of its neighbours in the feed (output ids, already chosen).
 */
export interface SourceFields {
  title?: string;
  date?: string;
  author?: string;
  section?: string[];
  tags?: string[];
  previous?: string;
  next?: string;
}

/**
 * The file's text. It is inert (issue 12): no control or bidi character reaches it raw, from the
 * source's bytes or from entities the reading decoded; they become what the screen shows for
 * them (the sanitiser's pictures and replacements). Tabs and line ends stay.
 */
export function importedMarkdown(entry: ArticleBody, outputIds: OutputIds, fallback: ImportFallback = {}, given: SourceFields = {}): string {
  const article = entry.article;
  const title = given.title ?? fallback.title ?? article.title;
  const source = article.source ?? fallback.source;
  const refOf = (link: ArticleLink) => outputRef(link.target, outputIds);
  const titled = (title: string) => ({ title: sanitizeLine(title) });
  const frontMatter: Record<string, unknown> = { title: sanitizeLine(title) };
  const section = given.section ?? article.section;
  if (section.length > 0) frontMatter.section = section.map(sanitizeLine);
  const date = given.date ?? article.date;
  if (date) frontMatter.date = date;
  const author = given.author ?? article.author;
  if (author) frontMatter.author = sanitizeLine(author);
  if (article.summary) frontMatter.summary = sanitizeLine(article.summary);
  if (source) frontMatter.source = sanitizeLine(source);
  if (article.related.length > 0) frontMatter.related = article.related.map((link) => refOf(link) ?? titled(link.title));
  if (given.previous) frontMatter.previous = given.previous;
  else if (article.previous) frontMatter.previous = refOf(article.previous) ?? titled(article.previous.title);
  if (given.next) frontMatter.next = given.next;
  else if (article.next) frontMatter.next = refOf(article.next) ?? titled(article.next.title);
  if (given.tags && given.tags.length > 0) frontMatter.tags = given.tags.map(sanitizeLine);

  const yaml = YAML.stringify(frontMatter, { lineWidth: 0 });
  return inert(`---\n${yaml}---\n\n${rewriteLinks(entry, outputIds).trim()}\n`);
}

/** The sanitiser's text, tabs kept as tabs (the screen expands them; a file keeps what was typed). */
function inert(text: string): string {
  return text.split('\t').map(sanitizeText).join('\t');
}

function outputRef(target: LinkTarget, outputIds: OutputIds): string | undefined {
  if (target.kind !== 'article') return undefined;
  const id = outputIds.get(target.id);
  if (id === undefined) return undefined;
  return target.heading ? `${id}#${target.heading}` : id;
}

/** Internal links point at output ids; unresolved ones become `[[title]]` so they resolve once the target is imported. */
function rewriteLinks(entry: ArticleBody, outputIds: OutputIds): string {
  const replacements: Array<{ raw: string; text: string }> = [];
  const visit = (token: Token) => {
    if (token.type === 'link' || token.type === 'wikilink') {
      const href = token.type === 'link' ? (token as Tokens.Link).href : (token as unknown as WikilinkToken).ref;
      const label = token.type === 'link' ? (token as Tokens.Link).text : (token as unknown as WikilinkToken).label;
      const target = entry.linkTargets.get(href);
      if (target && (target.kind === 'article' || target.kind === 'unresolved')) {
        const id = outputRef(target, outputIds);
        // A Markdown link's label is Markdown already; a wikilink's is plain text.
        const markdownLabel = token.type === 'link' ? label : escapeLinkLabel(label);
        const text =
          id !== undefined
            ? `[${markdownLabel}](${encodeURI(id)})`
            : token.type === 'link'
              ? unresolvedKeepingLabel(markdownLabel, (token as Tokens.Link).text, wikiTitle(target))
              : unresolvedLink(wikiTitle(target));
        replacements.push({ raw: token.raw, text });
      }
      return;
    }
    const children = (token as { tokens?: Token[] }).tokens;
    children?.forEach(visit);
    if (token.type === 'list') (token as Tokens.List).items.forEach(visit);
  };
  // The body store's tokens: the one lexer's, with wikilinks.
  entry.tokens.forEach(visit);

  let body = entry.body;
  let cursor = 0;
  for (const { raw, text } of replacements) {
    const at = body.indexOf(raw, cursor);
    if (at === -1) continue;
    body = body.slice(0, at) + text + body.slice(at + raw.length);
    cursor = at + text.length;
  }
  return body;
}

/**
 * An unresolved Markdown link keeps its own words: the target's title is the label of the first
 * link to that REF, and another link to it may say something else ("Netscape" and "Netscape
 * Communications Corporation"). The title stays its destination, so it still resolves by it.
 */
function unresolvedKeepingLabel(markdownLabel: string, label: string, title: string): string {
  if (label.replace(/\s+/g, ' ').trim() === title) return unresolvedLink(title);
  return `[${markdownLabel}](${markdownDestination(title.replace(/#/g, ' '))})`;
}

function wikiTitle(target: Extract<LinkTarget, { kind: 'article' | 'unresolved' }>): string {
  const title = target.kind === 'unresolved' ? target.title : target.id;
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * A link to a title not among the imported articles, written so that it reads back as the same
 * title and resolves to the same article once that is imported too. `[[title]]` (SPEC §2) when a
 * wikilink can hold the title; a wikilink cannot hold `[` or `]`, ends its REF at `|` and reads
 * `#` as a heading, so a title with any of them is a Markdown link instead: the title escaped as
 * its label (what is shown, and the unresolved link's title), and as its destination the title
 * with `#` made a space. Titles match with punctuation read as spaces (SPEC §1a step 5), so that
 * destination finds the same article, and never the heading of another.
 */
export function unresolvedLink(title: string): string {
  if (title !== '' && !/[[\]|#]/.test(title)) return `[[${title}]]`;
  return `[${escapeLinkLabel(title)}](${markdownDestination(title.replace(/#/g, ' '))})`;
}
