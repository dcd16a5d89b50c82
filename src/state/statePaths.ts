// Where broadsheet keeps reading state and caches: the platform's folders, or the
// BROADSHEET_STATE_DIR / BROADSHEET_CACHE_DIR overrides that keep tests hermetic.
import envPaths from 'env-paths';

const platform = () => envPaths('broadsheet', { suffix: '' });

export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.BROADSHEET_STATE_DIR || platform().data;
}

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.BROADSHEET_CACHE_DIR || platform().cache;
}
