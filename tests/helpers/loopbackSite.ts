// A small web site on 127.0.0.1 for import tests: routes written by the test, every request
// logged with its time, started and stopped by the test (never another address).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface LoopbackSite {
  base: string;
  /** Every request's path, in the order they came, with the time each came. */
  log: Array<{ path: string; at: number; userAgent?: string }>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startSite(routes: Record<string, Route> = {}): Promise<LoopbackSite> {
  const table = new Map(Object.entries(routes));
  const log: LoopbackSite['log'] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    log.push({ path, at: Date.now(), userAgent: request.headers['user-agent'] });
    const handler = table.get(path);
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
      return;
    }
    void handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const send =
  (body: string, contentType: string, status = 200, headers: Record<string, string> = {}): Route =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': contentType, ...headers });
    response.end(body);
  };

/** An article page of the loopback site, in the shape of a news page: menu, story, footer. */
export function articlePage(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${title} | Harbour Weekly</title>${extra}</head>
<body><nav><a href="/">Home</a> <a href="/tides">Tides</a></nav>
<article><h1>${title}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}</article>
<footer>Harbour Weekly · subscribe</footer></body></html>`;
}
