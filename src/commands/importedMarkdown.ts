// One imported article as Markdown: front matter with every link as an id where it resolves
// among the imported sources and as a title where it doesn't; links rewritten in place.
import type { Token, Tokens } from 'marked';
import YAML from 'yaml';
import { lexBody } from '../library/bodyLinks.js';
import type { Article, ArticleLink, LinkTarget } from '../library/types.js';

/** Source article id → the id its Markdown file will have in the output folder. */
export type OutputIds = Map<string, string>;

interface WikilinkToken {
  type: 'wikilink';
  raw: string;
  ref: string;
  label: string;
  embed: boolean;
}

export function importedMarkdown(article: Article, outputIds: OutputIds): string {
  const refOf = (link: ArticleLink) => outputRef(link.target, outputIds);
  const frontMatter: Record<string, unknown> = { title: article.title };
  if (article.section.length > 0) frontMatter.section = article.section;
  if (article.date) frontMatter.date = article.date;
  if (article.author) frontMatter.author = article.author;
  if (article.summary) frontMatter.summary = article.summary;
  if (article.source) frontMatter.source = article.source;
  if (article.related.length > 0) frontMatter.related = article.related.map((link) => refOf(link) ?? { title: link.title });
  if (article.previous) frontMatter.previous = refOf(article.previous) ?? { title: article.previous.title };
  if (article.next) frontMatter.next = refOf(article.next) ?? { title: article.next.title };

  const yaml = YAML.stringify(frontMatter, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${rewriteLinks(article, outputIds).trim()}\n`;
}

function outputRef(target: LinkTarget, outputIds: OutputIds): string | undefined {
  if (target.kind !== 'article') return undefined;
  const id = outputIds.get(target.id);
  if (id === undefined) return undefined;
  return target.heading ? `${id}#${target.heading}` : id;
}

/** Internal links point at output ids; unresolved ones become `[[title]]` so they resolve once the target is imported. */
function rewriteLinks(article: Article, outputIds: OutputIds): string {
  const replacements: Array<{ raw: string; text: string }> = [];
  const visit = (token: Token) => {
    if (token.type === 'link' || token.type === 'wikilink') {
      const href = token.type === 'link' ? (token as Tokens.Link).href : (token as unknown as WikilinkToken).ref;
      const label = token.type === 'link' ? (token as Tokens.Link).text : (token as unknown as WikilinkToken).label;
      const target = article.linkTargets.get(href);
      if (target && target.kind !== 'external') {
        const id = outputRef(target, outputIds);
        const text = id !== undefined ? `[${label}](${encodeURI(id)})` : `[[${wikiTitle(target)}]]`;
        replacements.push({ raw: token.raw, text });
      }
      return;
    }
    const children = (token as { tokens?: Token[] }).tokens;
    children?.forEach(visit);
    if (token.type === 'list') (token as Tokens.List).items.forEach(visit);
  };
  // The loader's lexer (same tokens as the renderer's, with wikilinks); it just lexed this body.
  lexBody(article.body).tokens.forEach(visit);

  let body = article.body;
  let cursor = 0;
  for (const { raw, text } of replacements) {
    const at = body.indexOf(raw, cursor);
    if (at === -1) continue;
    body = body.slice(0, at) + text + body.slice(at + raw.length);
    cursor = at + text.length;
  }
  return body;
}

function wikiTitle(target: LinkTarget): string {
  const title = target.kind === 'unresolved' ? target.title : target.kind === 'article' ? target.id : target.url;
  return title.replace(/\]\]|\||\[\[|\n/g, ' ').trim();
}
