/**
 * A tiny reverse proxy for browser tests: serves the API under a path prefix, like a reverse proxy or
 * Home Assistant ingress does, optionally adding `X-Ingress-Path`. Listens on 127.0.0.1 only.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PrefixProxy {
  url: string;
  close(): Promise<void>;
}

export async function startPrefixProxy(target: string, prefix: string, ingressHeader: boolean): Promise<PrefixProxy> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) {
      res.writeHead(404).end('outside the prefix');
      return;
    }
    const path = url.slice(prefix.length) || '/';
    const headers = { ...req.headers, host: to.host, ...(ingressHeader ? { 'x-ingress-path': prefix } : {}) };
    const upstream = httpRequest(
      {
        hostname: to.hostname,
        port: to.port,
        path: path.startsWith('/') ? path : `/${path}`,
        method: req.method,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end('upstream failed'));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
