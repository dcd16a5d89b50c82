// Where broadsheet keeps reading state, caches and its config file: the platform's folders, or the
// BROADSHEET_STATE_DIR / BROADSHEET_CACHE_DIR / BROADSHEET_CONFIG overrides that keep tests hermetic.
import { join } from 'node:path';
import envPaths from 'env-paths';

const platform = () => envPaths('broadsheet', { suffix: '' });

export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.BROADSHEET_STATE_DIR || platform().data;
}

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.BROADSHEET_CACHE_DIR || platform().cache;
}

/** The config file: `config.yaml` in the platform's config folder, or BROADSHEET_CONFIG. */
export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.BROADSHEET_CONFIG || join(platform().config, 'config.yaml');
}
