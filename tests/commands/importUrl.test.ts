// `import` of http(s) URLs from a loopback server that the test starts and stops.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { makeLibrary, runCli } from '../helpers/runCli.js';

const page = (title: string, canonical: string, body: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title} | Loopback Gazette</title>
<link rel="canonical" href="${canonical}">
<meta property="article:section" content="Harbour">
</head><body><nav class="menu"><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${body}</article>
<footer>Cookie settings · Loopback Gazette</footer></body></html>`;

let server: Server;
let base = '';

before(async () => {
  server = createServer((request, response) => {
    const send = (status: number, headers: Record<string, string>, body = '') => {
      response.writeHead(status, headers);
      response.end(body);
    };
    switch (request.url) {
      case '/news/ferry-runs':
        return send(200, { 'content-type': 'text/html; charset=utf-8' }, page('The ferry runs again', 'https://gazette.example/news/ferry-runs', '<p>After a long winter the ferry is back on the river, twice an hour.</p><p>Read: <a href="https://gazette.example/news/bridge-vote/?utm_source=x">Town votes on the bridge</a></p>'));
      case '/news/bridge-vote':
        return send(200, { 'content-type': 'text/html; charset=utf-8' }, page('Town votes on the bridge', 'https://gazette.example/news/bridge-vote', '<p>The vote on the new bridge is on Sunday, and the ferry crews are watching closely.</p><p>See also: <a href="https://gazette.example/news/ferry-runs">The ferry runs again</a></p>'));
      case '/moved':
        return send(301, { location: '/news/bridge-vote' });
      case '/loop-a':
        return send(302, { location: '/loop-b' });
      case '/loop-b':
        return send(302, { location: '/loop-a' });
      case '/huge':
        response.writeHead(200, { 'content-type': 'text/html' });
        // 11 MB, more than the 10 MB limit, streamed without a content-length.
        for (let i = 0; i < 11; i++) response.write('<p>' + 'x'.repeat(1024 * 1024) + '</p>');
        return response.end();
      default:
        return send(404, { 'content-type': 'text/plain' }, 'not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('URLs are fetched, linked by id through their canonical URLs; failures reported, the rest imported', async () => {
  const out = makeLibrary({});
  const result = await runCli(['import', `${base}/news/ferry-runs`, `${base}/moved`, `${base}/loop-a`, `${base}/huge`, `${base}/missing`, 'ftp://example.org/file', 'file:///etc/passwd', '--out', out]);
  assert.equal(result.code, 1, 'some sources failed');
  assert.match(result.stderr, /loop-a[^\n]*redirect loop|redirect loop[^\n]*loop/);
  assert.match(result.stderr, /huge[^\n]*(10 MB|too large|limit)/i);
  assert.match(result.stderr, /missing[^\n]*404/);
  assert.match(result.stderr, /ftp:\/\/example\.org\/file/);
  assert.match(result.stderr, /file:\/\/\/etc\/passwd/);
  assert.equal(result.stderr.trim().split('\n').length, 5, 'one line per failed source');

  // Named after the last path segment; the redirect's target name is its own.
  assert.ok(existsSync(join(out, 'ferry-runs.md')), result.stdout);
  assert.ok(existsSync(join(out, 'moved.md')) || existsSync(join(out, 'bridge-vote.md')), result.stdout);
  const ferry = readFileSync(join(out, 'ferry-runs.md'), 'utf8');
  assert.match(ferry, /source: https:\/\/gazette\.example\/news\/ferry-runs/);
  assert.doesNotMatch(ferry, /Cookie settings|Sport/);

  const list = JSON.parse((await runCli(['list', out, '--json'])).stdout);
  const byTitle = new Map(list.map((item: { title: string }) => [item.title, item]));
  const ferryItem = byTitle.get('The ferry runs again') as { related: Array<{ id: string | null }>; section: string[] };
  const bridgeItem = byTitle.get('Town votes on the bridge') as { id: string; related: Array<{ id: string | null }> };
  assert.ok(ferryItem && bridgeItem, JSON.stringify(list));
  assert.deepEqual(ferryItem.section, ['Harbour']);
  assert.deepEqual(ferryItem.related.map((link) => link.id), [bridgeItem.id], 'linked by id through the canonical URL');
  assert.equal((await runCli(['check', out])).code, 0);
});
