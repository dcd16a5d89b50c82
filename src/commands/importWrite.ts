// Writing one imported file so that nothing already in the output folder can steer the write:
// a link there is never followed (not even a dangling one, which `existsSync` calls absent),
// a folder in the way fails that file alone, and no temporary file outlives the call.
import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';

/** Why one output file could not be written: a one-line message, naming the file. */
export class OutputWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'over the disk quota',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the name is too long',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder is in the way',
  ENOENT: 'its folder is gone',
  EIO: 'input/output error',
};

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? '';
}

function failure(target: string, error: unknown): OutputWriteError {
  const c = code(error);
  if (c === 'EEXIST') return new OutputWriteError(`${target} exists; use --force to overwrite it`);
  const reason = REASONS[c] ?? (c || (error instanceof Error ? error.message : String(error)));
  return new OutputWriteError(`cannot write ${target}: ${reason}`);
}

/** Create `path` (it must not exist: O_EXCL refuses any entry, a dangling link too) and write `text`; on failure nothing stays. */
function createExclusive(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    closeSync(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed by the failed close itself.
    }
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * Write `text` to `target`. Without `force` the name must be free. With it a file or link there
 * is replaced (the new file is written beside it and renamed over the entry, which replaces a
 * link itself and never writes through it); a folder there is never replaced.
 */
export function writeOutputFile(target: string, text: string, force: boolean): void {
  let existing;
  try {
    existing = lstatSync(target);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw failure(target, error);
  }
  if (existing?.isDirectory()) throw new OutputWriteError(`cannot write ${target}: a folder is in the way`);
  if (existing && !force) {
    throw new OutputWriteError(`${target} exists${existing.isSymbolicLink() ? ' (a symbolic link)' : ''}; use --force to overwrite it`);
  }
  try {
    if (!existing) return createExclusive(target, text);
    // A short name of its own, whatever the length of the target's; a dotfile the library skips.
    const temporary = join(dirname(target), `.broadsheet-${randomBytes(6).toString('hex')}.tmp`);
    createExclusive(temporary, text);
    try {
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  } catch (error) {
    throw failure(target, error);
  }
}
