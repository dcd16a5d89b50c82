// In the reader, a ```js block is shown plain at first and in several colours once the
// highlighter has loaded (after the first frame), with nothing written to stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeLibrary } from '../helpers/runCli.js';
import { startTerminal } from './terminal.js';
import { sgrColours } from '../helpers/contrast.js';

test('a ```js block has more than one colour after the highlighter loads', async (t) => {
  const lib = makeLibrary({ 'code.md': '# Code notes\n\nA function:\n\n```js\nconst answer = 42; // the answer\nfunction greet(name) { return "hi " + name; }\n```\n\nThe end.\n' });
  const terminal = startTerminal([lib, '--open', 'code'], { shell: `"${process.execPath}" "${process.cwd()}/bin/broadsheet.js" "${lib}" --open code 2>"${lib}/stderr.txt"` });
  t.after(() => {
    try {
      terminal.kill('SIGKILL');
    } catch {
      // Ended.
    }
  });
  await terminal.waitForText('function greet');
  // The code's own colours: those set on the screen's code line, from the newest frame.
  const codeColours = () => new Set(sgrColours(terminal.raw().split('function').pop() ?? '').map((c) => c.fg).filter((fg) => fg !== undefined));
  await terminal.waitFor(() => codeColours().size >= 3, 'the code in several colours');
  terminal.write('Q');
  assert.equal(await terminal.exited, 0);
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(`${lib}/stderr.txt`, 'utf8'), '');
});
