// Reading the config file off disk: a plain read, so a missing file (the usual case) costs one
// failed open and loads no parser. Parsing is parseConfig.ts's, loaded only when there is text.
import { readFileSync } from 'node:fs';

export type ConfigText =
  | { path: string; status: 'missing' }
  | { path: string; status: 'unreadable'; problem: string }
  | { path: string; status: 'read'; text: string };

/** Files larger than this are not a config file anyone wrote by hand. */
const MAX_CONFIG_BYTES = 256 * 1024;

export function readConfigText(path: string): ConfigText {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_CONFIG_BYTES) return { path, status: 'unreadable', problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB` };
    return { path, status: 'read', text: bytes.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, status: 'missing' };
    if (code === 'EISDIR') return { path, status: 'unreadable', problem: 'a folder, not a file' };
    return { path, status: 'unreadable', problem: code === 'EACCES' ? 'permission denied' : (error as Error).message };
  }
}
