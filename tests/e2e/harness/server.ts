/**
 * A loopback HTTP server for E2E pages, serving exact bytes with exact headers.
 * Browsers map every host name to 127.0.0.1, so pages can live on real-looking hosts
 * (`http://www.hubei.gov.cn:PORT/...`); routes are matched on host and path.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: Buffer | string;
}

export type Handler = Reply | ((req: IncomingMessage) => Reply);

export interface FixtureServer {
  port: number;
  /** `http://HOST:PORT/PATH` for a host name of your choosing. */
  url(host: string, path: string): string;
  /** Serves `reply` at that host and path (host `*` matches any host). */
  route(host: string, path: string, handler: Handler): string;
  /** Serves HTML text encoded with a real encoder, under the Content-Type given. */
  html(host: string, path: string, html: string, opts?: { encoding?: string; contentType?: string; headers?: Record<string, string> }): string;
  /** Requests seen, newest last, for tests that check what the extension fetched. */
  requests: { host: string; path: string; method: string }[];
  close(): Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path, method: req.method ?? 'GET' });
    const handler = routes.get(`${host}${path}`) ?? routes.get(`*${path}`);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`no fixture at ${host}${path}`);
      return;
    }
    const reply = typeof handler === 'function' ? handler(req) : handler;
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const api: FixtureServer = {
    port,
    requests,
    url: (host, path) => `http://${host}:${port}${path}`,
    route(host, path, handler) {
      routes.set(`${host}${path}`, handler);
      return api.url(host === '*' ? '127.0.0.1' : host, path);
    },
    html(host, path, html, opts = {}) {
      const encoding = opts.encoding ?? 'utf-8';
      const body = iconv.encode(html, encoding);
      return api.route(host, path, {
        headers: { 'content-type': opts.contentType ?? `text/html; charset=${encoding}`, ...opts.headers },
        body,
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return api;
}
