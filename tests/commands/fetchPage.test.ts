// fetchPage against a loopback server the test starts and stops (SPEC §2: http(s) only, at
// most 5 redirects, 15 s, 10 MB, no cookies).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchPage, FetchPageError, USER_AGENT } from '../../src/commands/fetchPage.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seenHeaders = new Map<string, IncomingMessage['headers']>();
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    seenHeaders.set(req.url ?? '', req.headers);
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const page = '<!doctype html><html><head><meta charset="utf-8"><title>Ferry</title></head><body><p>Hi</p></body></html>';
routes.set('/page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=abc' }).end(page));
routes.set('/moved', (_req, res) => res.writeHead(301, { location: '/hop' }).end());
routes.set('/hop', (_req, res) => res.writeHead(302, { location: `${base}/page` }).end());
routes.set('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
routes.set('/loop-b', (_req, res) => res.writeHead(307, { location: '/loop-a' }).end());
for (let i = 0; i < 7; i++) routes.set(`/chain/${i}`, (_req, res) => res.writeHead(302, { location: `/chain/${i + 1}` }).end());
routes.set('/chain/7', (_req, res) => res.writeHead(200).end('end of chain'));
routes.set('/to-ftp', (_req, res) => res.writeHead(302, { location: 'ftp://files.example/page.html' }).end());
routes.set('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
routes.set('/big', (_req, res) => {
  // No content-length: the limit must hold while the body streams in.
  res.writeHead(200, { 'content-type': 'text/html' });
  let sent = 0;
  const more = () => {
    while (sent < 1_000_000) {
      sent += 10_000;
      if (!res.write('x'.repeat(10_000))) return void res.once('drain', more);
    }
    res.end();
  };
  more();
});
routes.set('/big-declared', (_req, res) => res.writeHead(200, { 'content-length': String(50_000) }).end('y'.repeat(50_000)));
routes.set('/silent', () => {
  // Never answers; the client's timeout must end it.
});
routes.set('/gone', (_req, res) => res.writeHead(410, 'Gone').end());

test('a page is fetched with its content type, a clear user-agent and no cookie', async () => {
  const result = await fetchPage(`${base}/page`);
  assert.equal(result.url, `${base}/page`);
  assert.equal(result.bytes.toString('utf8'), page);
  assert.equal(result.contentType, 'text/html; charset=utf-8');
  const headers = seenHeaders.get('/page')!;
  assert.equal(headers['user-agent'], USER_AGENT);
  assert.match(USER_AGENT, /^broadsheet\/\d+\.\d+\.\d+ \(\+terminal reader\)$/);
  assert.equal(headers.cookie, undefined);
});

test('redirects are followed, relative and absolute, and the final URL is returned', async () => {
  const result = await fetchPage(`${base}/moved`);
  assert.equal(result.url, `${base}/page`);
  assert.equal(result.bytes.toString('utf8'), page);
  // A second fetch after a Set-Cookie still sends none.
  assert.equal(seenHeaders.get('/page')!.cookie, undefined);
});

test('a redirect loop is reported as one', async () => {
  await assert.rejects(fetchPage(`${base}/loop-a`), (error: unknown) => {
    assert.ok(error instanceof FetchPageError);
    assert.match(error.message, /^redirect loop: .*\/loop-b leads back to .*\/loop-a$/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
});

test('more than 5 redirects are refused; 5 are fine', async () => {
  await assert.rejects(fetchPage(`${base}/chain/0`), /^FetchPageError: more than 5 redirects, starting at .*\/chain\/0$/);
  const five = await fetchPage(`${base}/chain/2`);
  assert.equal(five.bytes.toString(), 'end of chain');
});

test('a body over the limit is stopped while streaming, and one declared too large is not read', async () => {
  await assert.rejects(fetchPage(`${base}/big`, { maxBytes: 64 * 1024 }), (error: unknown) => {
    assert.ok(error instanceof FetchPageError);
    assert.match(error.message, /is over the 65536 bytes limit; stopped reading$/);
    return true;
  });
  await assert.rejects(fetchPage(`${base}/big-declared`, { maxBytes: 1000 }), /is 50000 bytes, over the 1000 bytes limit$/);
});

test('file:, ftp: and other schemes are refused, before any request and after a redirect', async () => {
  await assert.rejects(fetchPage('file:///etc/passwd'), /^FetchPageError: the URL uses file:, only http: and https: are fetched$/);
  await assert.rejects(fetchPage('ftp://files.example/page.html'), /^FetchPageError: the URL uses ftp:, only http: and https: are fetched$/);
  await assert.rejects(fetchPage('not a url'), /^FetchPageError: the URL is not a valid URL: not a url$/);
  await assert.rejects(fetchPage(`${base}/to-ftp`), /^FetchPageError: the redirect from .*\/to-ftp uses ftp:, only http: and https: are fetched$/);
  await assert.rejects(fetchPage(`${base}/to-file`), /uses file:, only http: and https: are fetched$/);
});

test('a server that never answers is given up on after the timeout', async () => {
  const started = Date.now();
  await assert.rejects(fetchPage(`${base}/silent`, { timeoutMs: 200 }), /^FetchPageError: no answer within 0\.2 s from .*\/silent$/);
  assert.ok(Date.now() - started < 5000);
});

test('an HTTP error status and a refused connection are one-line errors', async () => {
  await assert.rejects(fetchPage(`${base}/gone`), /^FetchPageError: .*\/gone answered 410 Gone$/);
  // A port nothing listens on: start a server, note its port, close it.
  const spare = createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  const port = (spare.address() as AddressInfo).port;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
  await assert.rejects(fetchPage(`http://127.0.0.1:${port}/`), /^FetchPageError: could not fetch http:\/\/127\.0\.0\.1:\d+\/: ECONNREFUSED/);
});

test('fetchImpl is used when given', async () => {
  const calls: string[] = [];
  const fake = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return new Response('<p>fake</p>', { status: 200, headers: { 'content-type': 'text/html' } });
  }) as typeof fetch;
  const result = await fetchPage('https://news.example/a', { fetchImpl: fake });
  assert.deepEqual(calls, ['https://news.example/a']);
  assert.equal(result.bytes.toString(), '<p>fake</p>');
});
