// Loads the library for a command; a PATH that does not exist is a usage error (exit 2).
import { loadLibrary, LibraryPathError } from '../library/index.js';
import type { Library } from '../library/types.js';
import { UsageError } from './parseCommandLine.js';

export async function openLibrary(paths: string[]): Promise<Library> {
  try {
    return await loadLibrary(paths);
  } catch (error) {
    if (error instanceof LibraryPathError) throw new UsageError(error.message);
    throw error;
  }
}
