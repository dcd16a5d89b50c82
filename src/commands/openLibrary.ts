// Loads the library for a command, through the metadata cache (BROADSHEET_CACHE_DIR or the
// platform's cache folder); a PATH that does not exist is a usage error (exit 2).
import { loadLibrary, LibraryPathError } from '../library/index.js';
import type { Library } from '../library/types.js';
import { UsageError } from './parseCommandLine.js';
import { cacheDirectory } from '../state/statePaths.js';

export async function openLibrary(paths: string[]): Promise<Library> {
  try {
    return await loadLibrary(paths, { cacheDir: cacheDirectory() });
  } catch (error) {
    if (error instanceof LibraryPathError) throw new UsageError(error.message);
    throw error;
  }
}
