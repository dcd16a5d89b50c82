// Regenerates the README's key list from the one key table (src/ui/keys.ts), so the README
// cannot drift from what the keys do. `npm run readme`; a test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keyTableMarkdown } from '../src/ui/keys.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- keys:start -->';
const END = '<!-- keys:end -->';

export function withKeyTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no keys:start/keys:end markers');
  return `${readme.slice(0, start + START.length)}\n${keyTableMarkdown().trim()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README, withKeyTable(readFileSync(README, 'utf8')));
}
