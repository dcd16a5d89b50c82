// The `list --json` item, field for field as SPEC §2 gives it.
import type { Article, ArticleLink, LinkTarget } from '../library/types.js';

export interface LinkJson {
  title: string;
  id: string | null;
}

export interface ArticleJson {
  id: string;
  title: string;
  path: string;
  format: Article['format'];
  section: string[];
  date: string | null;
  author: string | null;
  source: string | null;
  related: LinkJson[];
  previous: LinkJson | null;
  next: LinkJson | null;
  backlinks: string[];
  words: number;
  problems: string[];
  /** Front matter `tags` and a note's `#tags`, first spelling kept (issue 18; after SPEC §2's fields). */
  tags: string[];
}

function targetId(target: LinkTarget): string | null {
  return target.kind === 'article' ? target.id : null;
}

function linkJson(link: ArticleLink): LinkJson {
  return { title: link.title, id: targetId(link.target) };
}

export function articleJson(article: Article): ArticleJson {
  return {
    id: article.id,
    title: article.title,
    path: article.path,
    format: article.format,
    section: article.section,
    date: article.date,
    author: article.author,
    source: article.source,
    related: article.related.map(linkJson),
    previous: article.previous ? linkJson(article.previous) : null,
    next: article.next ? linkJson(article.next) : null,
    backlinks: [...article.backlinks],
    words: article.words,
    problems: article.problems.map((problem) => problem.message),
    tags: [...article.tags],
  };
}
