// External links as terminal hyperlinks (OSC 8): only http, https and mailto, the URL cleaned,
// the label as the visible text in place of the URL, zero columns wide to the layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hyperlinkUrl } from '../../src/text/hyperlinks.js';
import { displayWidth, truncate } from '../../src/text/width.js';
import { renderBody } from './helpers.js';

const OSC8 = /\x1b\]8;;([^\x1b\x07]*)\x1b\\/g;

test('only http, https and mailto become hyperlinks, and nothing can end the sequence early', () => {
  assert.equal(hyperlinkUrl('https://port.example/harbour?q=1'), 'https://port.example/harbour?q=1');
  assert.equal(hyperlinkUrl('mailto:harbour@port.example'), 'mailto:harbour@port.example');
  assert.equal(hyperlinkUrl('http://port.example/a b/é'), 'http://port.example/a%20b/%C3%A9');
  for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x.example/', 'not a url', '']) assert.equal(hyperlinkUrl(bad), null, bad);
  for (const hostile of ['https://x.example/\x1b]8;;evil\x1b\\', 'https://x.example/\x07', 'https://x.example/\u009c']) {
    const href = hyperlinkUrl(hostile);
    assert.ok(href === null || /^[\x21-\x7e]+$/.test(href), JSON.stringify(href));
  }
});

test('with hyperlinks on, the label is the link and the URL is not printed after it', () => {
  const body = 'See [the port](https://port.example/harbour) and [bad](javascript:alert(1)) and [file](file:///etc/passwd).\n';
  const on = renderBody(body, { width: 80, color: true, hyperlinks: true });
  const text = on.lines.join('\n');
  assert.deepEqual([...text.matchAll(OSC8)].map((m) => m[1]), ['https://port.example/harbour', '']);
  assert.match(text, /\x1b\]8;;https:\/\/port\.example\/harbour\x1b\\(\x1b\[[0-9;]*m)*the port/);
  assert.doesNotMatch(on.plainLines.join('\n'), /\(https:/, 'no URL in parentheses');
  assert.doesNotMatch(text, /\x1b\]8;;(javascript|file):/, 'no hyperlink to another scheme');
  const off = renderBody(body, { width: 80, color: true });
  assert.doesNotMatch(off.lines.join('\n'), /\x1b\]8/);
  assert.match(off.plainLines.join('\n'), /the port \(https:\/\/port\.example\/harbour\)/);
});

test('hyperlinks take no columns: wrapping, truncation and link spans are as without them', () => {
  const body = Array.from({ length: 12 }, (_, i) => `Word [link number ${i}](https://port.example/${'long/'.repeat(i)}page) and more words.`).join(' ');
  const on = renderBody(body, { width: 30, color: true, hyperlinks: true });
  for (const line of on.lines) assert.ok(displayWidth(line) <= 30, `${displayWidth(line)}: ${JSON.stringify(line)}`);
  const withLink = on.lines.find((line) => line.includes('\x1b]8;;https'))!;
  assert.equal(displayWidth(truncate(withLink, 10)), 10);
  const plain = renderBody(body, { width: 30, color: false, hyperlinks: true });
  assert.deepEqual(plain.links.map((l) => l.spans), on.links.map((l) => l.spans));
  assert.ok(plain.lines.some((line) => line.includes('\x1b]8;;')), 'hyperlinks without colour too');
  assert.ok(plain.plainLines.every((line) => !line.includes('\x1b')), 'plain lines stay plain (search reads them)');
});
