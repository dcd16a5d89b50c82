// Temporary libraries for tests: a folder of files written from a map of path → content.
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { createBodyStore, loadLibrary, type BodyStore } from '../../src/library/index.js';
import type { Article, ArticleBody, Library } from '../../src/library/index.js';
import { loadFileReader } from '../../src/startup.js';

const made: string[] = [];
after(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

export async function makeFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-lib-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return dir;
}

export async function libraryOf(files: Record<string, string | Uint8Array>): Promise<{ dir: string; lib: Library }> {
  const dir = await makeFolder(files);
  return { dir, lib: await loadLibrary([dir]) };
}

// Tests read bodies as the reader does: through a body store, with the file reader loaded once.
const reader = await loadFileReader(true);
const stores = new WeakMap<Library, BodyStore>();

/** The body store of a library (one per library, as the reader keeps one). */
export function storeOf(lib: Library): BodyStore {
  let store = stores.get(lib);
  if (!store) stores.set(lib, (store = createBodyStore(lib, reader)));
  return store;
}

/** An article's body entry, read now. */
export function bodyOf(lib: Library, id: string): ArticleBody {
  const entry = storeOf(lib).read(id);
  if (!entry) throw new Error(`no article ${id}; have ${[...lib.byId.keys()].join(', ')}`);
  return entry;
}

/** An article's record with its body, tokens and body links read now (a test's view of both). */
export function article(lib: Library, id: string): Article & Pick<ArticleBody, 'body' | 'tokens' | 'linkTargets'> {
  const { article: record, body, tokens, linkTargets } = bodyOf(lib, id);
  return { ...record, body, tokens, linkTargets };
}

/** What `list --json` would show for a link: the id it leads to, or null. */
export function linkId(link: { target: { kind: string; id?: string } } | null | undefined): string | null {
  return link && link.target.kind === 'article' ? (link.target.id ?? null) : null;
}
