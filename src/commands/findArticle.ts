// A REF typed on the command line (`show REF`, `--open REF`): a file path from here, else
// resolved like any REF (id, source URL, file name, title). Not found → exit 1, one line.
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildRefIndex, fileProblem, resolveRef } from '../library/index.js';
import type { Article, Library } from '../library/types.js';
import { CommandError } from './commandError.js';

export function findArticle(library: Library, ref: string): Article {
  const path = resolve(ref);
  if (existsSync(path)) {
    const real = realpathSync(path);
    const byPath = library.articles.find((article) => article.absPath === path || article.absPath === real);
    if (byPath) return byPath;
    // A file that gave no article (binary, too large, unreadable): say why, not "not in library".
    const problem = fileProblem(library, real);
    if (problem) throw new CommandError(`cannot show ${ref}: ${problem.message}`, 1);
  }
  const index = buildRefIndex(library.articles);
  const root = library.roots[0] ?? process.cwd();
  // Relative REFs typed by a person are read from the (first) library root.
  const target = resolveRef(ref, { id: '', absPath: join(root, '.command-line'), root }, index);
  // Typed by a person, a REF that matches several is asked again, never guessed.
  if (target.kind === 'article' && target.candidates) {
    throw new CommandError(`"${ref}" matches several articles: ${target.candidates.join(', ')}`, 1);
  }
  if (target.kind === 'article') {
    const article = library.byId.get(target.id);
    if (article) return article;
  }
  throw new CommandError(`not in library: ${ref}`, 1);
}
