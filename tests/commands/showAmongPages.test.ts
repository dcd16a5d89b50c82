// `show FILE` in a folder of many saved pages reads the others by their metadata pass only
// (what the shown file's links resolve against), never extracts them. Watched in a fresh
// process of the CLI's sources: the modules it resolves say which readers ran.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeLibrary } from '../helpers/runCli.js';
import { hermeticEnv } from '../helpers/hermeticEnv.js';
import { METADATA_PAGES } from '../library/html/metadataPages.js';

function showWatched(args: string[], work: string): { stdout: string; resolved: string } {
  const hooks = join(work, 'hooks.mjs');
  const register = join(work, 'register.mjs');
  const log = join(work, `resolved-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(result.url);
  if (m) appendFileSync(process.env.RESOLVED_LOG, m[1] + '\\n');
  return result;
}
`,
  );
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const stdout = execFileSync(process.execPath, ['--import', register, '--import', 'tsx', resolve('src/cli.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...hermeticEnv(), RESOLVED_LOG: log, NO_COLOR: '1' },
  });
  return { stdout, resolved: existsSync(log) ? readFileSync(log, 'utf8') : '' };
}

test('show FILE among saved pages reads the others by their metadata pass, never extracts them', () => {
  const pages: Record<string, string> = {};
  // Many pages beside the shown note, one of them the page its link names.
  for (let i = 0; i < 12; i++) for (const [name, html] of Object.entries(METADATA_PAGES)) pages[`${i}-${name}`] = html;
  const dir = makeLibrary({ ...pages, 'note.md': '# A note on ferries\n\nSee [the ferry](0-site-suffix.html) and the timetable.\n' });
  const shown = showWatched(['show', join(dir, 'note.md')], dir);
  assert.match(shown.stdout, /A note on ferries/);
  assert.match(shown.resolved, /^htmlparser2$/m, 'the pages beside it were read, by the metadata pass');
  assert.doesNotMatch(shown.resolved, /linkedom|@mozilla\/readability|turndown/, 'no page was extracted');
  // Showing a page extracts that page (its body is what is shown).
  const page = showWatched(['show', join(dir, '3-prev-next.html')], dir);
  assert.match(page.stdout, /Bridge vote delayed/);
  assert.match(page.stdout, /timetable next week/);
});
