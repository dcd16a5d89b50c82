// `show FILE` with no PATH reads the file's own folder (not its tree) and the files its links
// name below it: a note in a big folder never has the whole tree parsed, and a bad file
// elsewhere below cannot break it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLibrary, runCli } from '../helpers/runCli.js';

const hermetic = () => ({
  BROADSHEET_CACHE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-show-cache-')),
  BROADSHEET_STATE_DIR: mkdtempSync(join(tmpdir(), 'broadsheet-show-state-')),
  BROADSHEET_CONFIG: join(tmpdir(), 'broadsheet-no-config.yaml'),
});

test('show FILE without PATH: its folder and the files its links name are read, the rest of the tree is not', async () => {
  const root = makeLibrary({
    'top.md': [
      '---',
      'title: Top story',
      'related:',
      '  - deeper/beta',
      'next: deeper/x/gamma.md',
      '---',
      '',
      'Beside it: [[sib]]. Below, by path: [[deeper/x/delta#Part|the delta]]. By title only: [[Far piece]].',
      '',
    ].join('\n'),
    'sib.md': '# Sibling note\n',
    'deeper/beta.md': '# Beta piece\n',
    'deeper/x/gamma.md': '# Gamma piece\n',
    'deeper/x/delta.md': '# Delta piece\n\n## Part\n\nText.\n',
    // Not named by any path: never read. Found by title only when the whole tree is the library.
    'deeper/far.md': '# Far piece\n',
    // A file that broke the loader of the whole library (deep nesting): never read either.
    'other/deep.md': `${'- '.repeat(1500)}x\n`,
  });
  const result = await runCli(['show', join(root, 'top.md'), '--width', '200'], { env: hermetic() });
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.match(result.stdout, /\[1\] Beta piece/, 'a related path below the folder resolves');
  assert.match(result.stdout, /Next: Gamma piece/, 'so does a previous/next path');
  assert.match(result.stdout, /Beside it: sib\. /, 'a sibling by file name resolves');
  assert.match(result.stdout, /by path: the delta\. /, 'a wikilink path with a heading resolves');
  assert.match(result.stdout, /Far piece \(not in library\)/, 'a file below named by no path is not read');
});
