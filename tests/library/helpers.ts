// Temporary libraries for tests: a folder of files written from a map of path → content.
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { loadLibrary } from '../../src/library/index.js';
import type { Article, Library } from '../../src/library/index.js';

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

export function article(lib: Library, id: string): Article {
  const a = lib.byId.get(id);
  if (!a) throw new Error(`no article ${id}; have ${[...lib.byId.keys()].join(', ')}`);
  return a;
}

/** What `list --json` would show for a link: the id it leads to, or null. */
export function linkId(link: { target: { kind: string; id?: string } } | null | undefined): string | null {
  return link && link.target.kind === 'article' ? (link.target.id ?? null) : null;
}
