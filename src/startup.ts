// What loads late, in one place. The reader's first frame needs only the scan, the metadata
// cache and the list: Node evaluating the parsers (marked, yaml: ~20 ms), the saved-page stack
// (linkedom, Readability, turndown: ~60 ms), the renderer or Ink (~200 ms) before it would
// delay it by that much (SPEC §5). So the modules that bring them are reached only through
// these dynamic imports (esbuild makes each a chunk of its own), each evaluated once, when a
// command or the reader first needs it. Nothing else in src/ imports a module lazily.
import { createRequire } from 'node:module';
import type { FileReader } from './library/readArticleFile.js';
import type { Library } from './library/types.js';
import { createBodyStore, type BodyStore } from './library/bodyStore.js';
import type { ArticleRenderer } from './ui/renderCache.js';
import type { CodeHighlighter } from './render/types.js';
import { readConfigText } from './config/configFile.js';
import { resolveSettings, type SettingFlags, type Settings } from './config/settings.js';
import { configFile } from './state/statePaths.js';

let markdownReader: Promise<FileReader> | null = null;
let fullReader: Promise<FileReader> | null = null;
let metadataReader: Promise<FileReader> | null = null;

/**
 * The file reader: Markdown and raw pages always, saved HTML pages when `html` is set (the
 * reader without it reads an HTML file as text, so ask for it whenever one may be read). With
 * `pages: 'metadata'`, saved pages are read by their metadata pass alone (htmlparser2, a few
 * milliseconds a page; the extraction stack is not loaded): records marked `partial`.
 */
export function loadFileReader(html: boolean, pages: 'full' | 'metadata' = 'full'): Promise<FileReader> {
  if (html && pages === 'metadata') {
    metadataReader ??= Promise.all([import('./library/readArticleFile.js'), import('./library/html/pageMetadata.js')]).then(
      ([{ createFileReader }, { metadataOnlyPage }]) => createFileReader(metadataOnlyPage),
    );
    return retryOnFailure(metadataReader, () => (metadataReader = null));
  }
  if (html) {
    fullReader ??= Promise.all([import('./library/readArticleFile.js'), import('./library/html/parseHtmlPage.js')]).then(
      ([{ createFileReader }, { parseHtmlPage }]) => createFileReader(parseHtmlPage),
    );
    return retryOnFailure(fullReader, () => (fullReader = null));
  }
  markdownReader ??= import('./library/readArticleFile.js').then(({ createFileReader }) => createFileReader(null));
  return retryOnFailure(markdownReader, () => (markdownReader = null));
}

/** What showing articles takes: the library's body store and the renderer. */
export interface Bodies {
  store: BodyStore;
  renderArticle: ArticleRenderer;
}

/**
 * The one step between a loaded library and showing its articles: the file reader (with the
 * saved-page parser when the library has HTML pages) and the renderer, loaded together.
 */
export async function loadBodies(library: Library, only?: Pick<Library['articles'][number], 'format'>): Promise<Bodies> {
  // With `only` (the one article a command shows), the saved-page parser is loaded only when that one is a saved page.
  const html = only ? only.format === 'html' : library.articles.some((a) => a.format === 'html');
  const [reader, { renderArticle }] = await Promise.all([loadFileReader(html), loadRenderer()]);
  return { store: createBodyStore(library, reader), renderArticle };
}

/** The article renderer (marked's tokens laid out at a width). */
export function loadRenderer(): Promise<typeof import('./render/renderArticle.js')> {
  return import('./render/renderArticle.js');
}

/** Settings being loaded: `ready` at once when there was no file to parse, else only `loading`. */
export interface SettingsLoad {
  ready: Settings | null;
  loading: Promise<Settings>;
}

/**
 * The settings in effect: the config file, flags over it, and the environment. Without a file
 * this costs one failed open. With one, the YAML parser is loaded (~30 ms measured on the
 * reader's first frame), so the reader paints its first frame without waiting for it unless an
 * article is opened at once (bodies load the same parser then): `ready` says which.
 */
export function startSettings(flags: SettingFlags, env: NodeJS.ProcessEnv = process.env): SettingsLoad {
  const text = readConfigText(configFile(env));
  if (text.status !== 'read') {
    const ready = resolveSettings(text, null, flags, env);
    return { ready, loading: Promise.resolve(ready) };
  }
  const loading = import('./config/parseConfig.js').then(({ parseConfig }) => resolveSettings(text, parseConfig(text.text), flags, env));
  return { ready: null, loading };
}

export function loadSettings(flags: SettingFlags, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  return startSettings(flags, env).loading;
}

/** The code highlighter (lowlight's common grammars: a chunk of its own, ~170 KB, loaded when code with a language is shown in colour). */
export function loadHighlighter(): Promise<CodeHighlighter> {
  highlighter ??= import('./render/codeHighlighter.js').then(({ createCodeHighlighter }) => createCodeHighlighter());
  return retryOnFailure(highlighter, () => (highlighter = null));
}
let highlighter: Promise<CodeHighlighter> | null = null;

/** The Ink reader. */
export function loadReaderUi(): Promise<typeof import('./ui/runReader.js')> {
  return import('./ui/runReader.js');
}

/**
 * write-file-atomic (temp file beside the target, fsync, rename: readers see the old file or the
 * new one), evaluated at the first write rather than on the way to the first frame (it brings
 * signal-exit's hooks). Synchronous, as saves happen on exit paths: a literal `require`, which
 * esbuild bundles; under tsx, a require made for this module.
 */
export function atomicWriter(): typeof import('write-file-atomic') {
  atomic ??= (typeof require === 'function' ? require('write-file-atomic') : createRequire(import.meta.url)('write-file-atomic')) as typeof import('write-file-atomic');
  return atomic;
}
let atomic: typeof import('write-file-atomic') | undefined;

/** A load that failed (a chunk missing from a broken install) is tried again next time, not remembered. */
function retryOnFailure<T>(loading: Promise<T>, forget: () => void): Promise<T> {
  return loading.catch((error: unknown) => {
    forget();
    throw error;
  });
}
