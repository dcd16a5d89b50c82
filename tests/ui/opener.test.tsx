// The opener refuses mail links that ask a mail client to attach files (some clients honour
// `attach=`, `attachment=`, `file=`): one line in the status line, nothing launched.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { isOpenable, unopenedMessage } from '../../src/ui/opener.js';
import { makeLibrary } from '../navigation/fakeLibrary.js';
import { KEYS, renderReader } from './helpers.js';

afterEach(() => cleanup());

test('mailto: links carrying file parameters are refused; plain mail and web links are not', () => {
  for (const url of [
    'mailto:?attach=/etc/passwd',
    'mailto:a@b.example?subject=hi&attach=~/.ssh/id_rsa',
    'mailto:a@b.example?ATTACHMENT=%2Fetc%2Fshadow',
    'mailto:a@b.example?body=x;attachments=/tmp/x',
    'mailto:a@b.example?%61ttach=/etc/passwd',
    'MAILTO:a@b.example?file=/etc/hosts',
    'mailto:a@b.example?subject=x&%20attach%20=/etc/passwd',
  ]) {
    assert.equal(isOpenable(url), false, url);
    assert.match(unopenedMessage(url), /^not opened: a mail link that attaches a file \((attach|attachment|attachments|file)=\)$/, url);
  }
  for (const url of ['mailto:a@b.example', 'mailto:a@b.example?subject=attach%20this&body=the%20file', 'https://x.example/?attach=1']) {
    assert.equal(isOpenable(url), true, url);
  }
});

test('o on a mail link that attaches a file: the status line says why, the opener is never called', async () => {
  const opened: string[] = [];
  const library = makeLibrary([
    { id: 'note', title: 'A note', body: 'Write to [the desk](mailto:desk@news.example?subject=Hi&attach=/etc/passwd) today.' },
  ]);
  const reader = renderReader(library, { openId: 'note', size: { columns: 100, rows: 12 }, opener: async (url) => (opened.push(url), true) });
  await reader.waitForText('Write to');
  await reader.press(KEYS.tab, 'o');
  const frame = await reader.waitForText('not opened: a mail link that attaches a file (attach=)');
  assert.match(frame.split('\n').at(-1)!, /not opened/, 'in the status line');
  assert.deepEqual(opened, []);
});
