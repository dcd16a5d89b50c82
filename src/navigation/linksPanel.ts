// The links panel's entries for an article: related reading (numbered), previous / next,
// external links, linked from (backlinks) and mentioned in.
import type { LinkTarget } from '../library/types.js';
import type { RenderedArticle } from '../render/types.js';
import { mentionsOf } from '../search/mentions.js';
import { titleOf } from './followLinks.js';
import type { NavigationEnv } from './navigationState.js';

export type PanelGroup = 'related' | 'previous' | 'next' | 'external' | 'linkedFrom' | 'mentionedIn';

export interface PanelEntry {
  group: PanelGroup;
  /** Title (or label) to show; cleaned by the view. */
  label: string;
  target: LinkTarget;
  /** Related-reading number. */
  number?: number;
}

const panelMemo = new WeakMap<RenderedArticle, PanelEntry[]>();

/** The links panel of an article: related (numbered), previous / next, external links, linked from, mentioned in. */
export function linksPanelEntries(env: NavigationEnv, id: string): PanelEntry[] {
  const article = env.library.byId.get(id);
  if (!article) return [];
  const rendered = env.render(id, env.viewport.width);
  const memo = panelMemo.get(rendered);
  if (memo) return memo;
  const entries: PanelEntry[] = [];
  const labelOf = (title: string, target: LinkTarget) => (target.kind === 'article' ? titleOf(env, target) : title);
  article.related.forEach((link, i) => entries.push({ group: 'related', label: labelOf(link.title, link.target), target: link.target, number: i + 1 }));
  if (article.previous) entries.push({ group: 'previous', label: labelOf(article.previous.title, article.previous.target), target: article.previous.target });
  if (article.next) entries.push({ group: 'next', label: labelOf(article.next.title, article.next.target), target: article.next.target });
  const urls = new Set<string>();
  for (const link of rendered.links) {
    if (link.target.kind !== 'external' || urls.has(link.target.url)) continue;
    urls.add(link.target.url);
    entries.push({ group: 'external', label: link.label, target: link.target });
  }
  const articleEntries = (group: PanelGroup, ids: readonly string[]) => {
    for (const from of ids) {
      const source = env.library.byId.get(from);
      if (source) entries.push({ group, label: source.title, target: { kind: 'article', id: from } });
    }
  };
  articleEntries('linkedFrom', article.backlinks);
  articleEntries('mentionedIn', mentionsOf(env.library, id));
  panelMemo.set(rendered, entries);
  return entries;
}
