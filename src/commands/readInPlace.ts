// The reader's pages read in place, set up for one run: the folder they are written to (in the
// cache folder), the inbox `s` keeps them in, and one stream of libraries for the reader made of
// the background extraction's and these pages'.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createLibraryChannel, mergeLibraryUpdates, type LibraryUpdates } from '../library/libraryUpdates.js';
import type { Library } from '../library/types.js';
import { cacheDirectory } from '../state/statePaths.js';
import { createWebPages, inboxFolder, type WebPages } from './webPages.js';

export function readInPlace(paths: string[], library: Library, others?: LibraryUpdates): { updates: LibraryUpdates; web: WebPages } {
  const channel = createLibraryChannel();
  let latest = library;
  const merged = mergeLibraryUpdates(channel, others);
  // The latest library is the one the reader was given: subscribing here as well would take
  // what a held channel kept for the reader (the first subscriber gets it).
  const updates: LibraryUpdates = {
    subscribe: (listener) =>
      merged.subscribe((update) => {
        latest = update.library;
        listener(update);
      }),
  };
  const isFile = (path: string) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  // The config's `inbox:` goes here once the config reader has it; until then `inbox/` under the first PATH.
  const inbox = inboxFolder(paths, isFile);
  const web = createWebPages({ paths, inbox, readFolder: join(cacheDirectory(), 'read-in-place'), channel, current: () => latest });
  return { updates, web };
}
