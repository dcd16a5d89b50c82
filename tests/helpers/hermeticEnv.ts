// Every process a test starts gets its own temporary state folder, cache folder and config file,
// so no test reads or writes the user's (`~/.local/share/broadsheet`, `~/.cache/broadsheet`,
// `~/.config/broadsheet/config.yaml`). The spawning helpers (runCli, e2e/terminal's childEnv,
// safety's runBin) merge this in under the test's own variables; `.ci/run` proves it by running the
// suite with HOME an empty folder and looking there afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HermeticEnv {
  BROADSHEET_STATE_DIR: string;
  BROADSHEET_CACHE_DIR: string;
  /** A config file that does not exist: the defaults, whatever the user has configured. */
  BROADSHEET_CONFIG: string;
}

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Fresh folders for one child process (or one group of them that must share state). */
export function hermeticEnv(): HermeticEnv {
  const base = mkdtempSync(join(tmpdir(), 'broadsheet-env-'));
  made.push(base);
  return {
    BROADSHEET_STATE_DIR: join(base, 'state'),
    BROADSHEET_CACHE_DIR: join(base, 'cache'),
    BROADSHEET_CONFIG: join(base, 'config.yaml'),
  };
}
