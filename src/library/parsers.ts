// The Markdown and YAML parsers, loaded on demand (SPEC §5, issue 5): evaluating marked,
// gray-matter with js-yaml and yaml takes ~40 ms, and a warm start parses no file at all.
// loadLibrary() awaits loadParsers() when a file must be parsed (and by default always, so
// bodies read at once); loadLibrarySync() and the sync parse functions (parseFrontMatter's full
// way, lexBody, scanBody, parseMarkdownArticle...) need `await loadParsers()` first, as HTML
// pages need loadHtmlParser() (htmlArticle.ts).
import type { Parsers } from './parserModules.js';

let loaded: Parsers | null = null;
let loading: Promise<void> | null = null;

/** Load the parsers (once; later calls share the first load). */
export function loadParsers(): Promise<void> {
  loading ??= import('./parserModules.js').then(
    (module) => {
      loaded = module.parsers;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

export function parsersLoaded(): boolean {
  return loaded !== null;
}

/** The loaded parsers; throws when loadParsers() has not finished (a caller's bug, never a file's). */
export function parsers(): Parsers {
  if (!loaded) throw new Error('the Markdown parsers are not loaded (await loadParsers() first)');
  return loaded;
}
