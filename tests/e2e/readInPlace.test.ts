// Reading a link in place, in the built binary in a pseudo-terminal: Tab to an external link
// served by a loopback site, R shows its article, Back returns, forward and s keep it in the
// library's inbox, and the list has it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeLibrary } from '../helpers/runCli.js';
import { articlePage, send, startSite, type LoopbackSite } from '../helpers/loopbackSite.js';
import { startTerminal } from './terminal.js';

let site: LoopbackSite;
let releaseSlow: () => void = () => {};

before(async () => {
  site = await startSite();
  site.route('/story/tide-mill', send(articlePage('The tide mill turns again', ['Volunteers restored the wheel of the tide mill, and it ground its first flour in forty years on Sunday.']), 'text/html; charset=utf-8'));
  site.route('/story/slow', (_request, response) => {
    // Answers only when the test lets it: the reader must stay usable, and Esc must stop it.
    new Promise<void>((resolve) => (releaseSlow = resolve)).then(() => send(articlePage('Too late', ['This page came after it was no longer wanted.']), 'text/html')(_request, response));
  });
});

after(async () => {
  releaseSlow();
  await site.close();
});

test('R reads a focused external link in place, Back returns, s keeps it in inbox/ and the list shows it; Esc stops a slow page', { timeout: 60_000 }, async () => {
  const root = makeLibrary({
    'harbour.md': `---\ntitle: Harbour notes\n---\n\nThe mill is working: [the story](${site.base}/story/tide-mill).\n\nAnd [a slow page](${site.base}/story/slow).\n`,
  });
  const terminal = startTerminal([root, '--open', 'harbour']);
  try {
    await terminal.waitForText('The mill is working');
    terminal.write('\t');
    await terminal.waitFor((screen) => screen.includes('story/tide-mill'), 'the link focused (its URL in the status line)');
    terminal.write('R');
    await terminal.waitForText('first flour in forty years');
    terminal.write('h');
    await terminal.waitForText('The mill is working');
    terminal.write('l');
    await terminal.waitForText('first flour in forty years');
    terminal.write('s');
    await terminal.waitFor((screen) => /kept in .*inbox/.test(screen), 'the status line to say where it was kept');
    assert.ok(existsSync(join(root, 'inbox')) && readdirSync(join(root, 'inbox')).some((name) => name.endsWith('.md')), 'a Markdown file in inbox/');
    terminal.write('q');
    await terminal.waitFor((screen) => screen.includes('The tide mill turns again') && screen.includes('Harbour notes'), 'the kept page in the list');

    // A page that does not answer: the status line says it is loading, keys work, Esc stops it.
    terminal.write('/Harbour notes\r');
    await terminal.waitForText('The mill is working');
    terminal.write('\t\t');
    await terminal.waitFor((screen) => screen.includes('story/slow'), 'the slow link focused');
    terminal.write('R');
    await terminal.waitFor((screen) => /loading http:\/\/127\.0\.0\.1:\d+\/story\/slow/.test(screen), 'the loading status');
    terminal.write('G');
    await terminal.waitFor((screen) => /loading .*story\/slow/.test(screen) && screen.includes('And a slow page'), 'keys still work while loading');
    terminal.write('\x1b');
    await terminal.waitForText('stopped loading');
    releaseSlow();
    terminal.write('Q');
    assert.equal(await terminal.exited, 0);
  } finally {
    terminal.kill();
  }
});
