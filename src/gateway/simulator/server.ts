/**
 * The HTTP layer (node:http, so every byte is under control): `/api` base path, host allow-list, latency,
 * transport faults, route matching (404/405), authentication (401), handler errors (500), response faults
 * (`schema`, `truncated`) and the request log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parisToday } from '../../domain/time.js';
import { extractToken } from './auth.js';
import { detail, internalError, type Reply } from './http-kit.js';
import { ROUTES } from './routes.js';
import type { Route, RouteContext, SimState } from './state.js';
import type { FaultKind, RequestLogEntry } from './types.js';

const BASE = '/api';
const HOST_OK = /^(localhost|127\.0\.0\.1|\[::1\]|([a-z0-9-]+\.)*myelectricaldata\.fr|[a-z0-9_-]+)$/i;

function match(method: string, path: string): { route: Route; params: string[] } | 'notFound' | 'notAllowed' {
  let pathMatched = false;
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: m.slice(1).map(decodeURIComponent) };
  }
  return pathMatched ? 'notAllowed' : 'notFound';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SimulatorServer {
  readonly server: Server;
  readonly requestLog: RequestLogEntry[] = [];

  constructor(private readonly sim: SimState) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  private log(req: IncomingMessage, url: URL, reply: Pick<Reply, 'status' | 'code' | 'bucket'>, fault?: FaultKind) {
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: reply.status,
      code: reply.code,
      bucket: reply.bucket,
      at: this.sim.clock.now(),
    };
    if (fault) entry.fault = fault;
    this.requestLog.push(entry);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const delay = this.sim.faults.delayMs();
    if (delay > 0) await sleep(delay);
    if (!HOST_OK.test(host)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Invalid host header');
      return this.log(req, url, { status: 400, code: null, bucket: null });
    }
    const rel =
      url.pathname === BASE ? '/' : url.pathname.startsWith(`${BASE}/`) ? url.pathname.slice(BASE.length) : null;
    const transport = rel === null ? null : this.sim.faults.take(rel, ['timeout', 'reset', 'http500']);
    if (transport === 'timeout' || transport === 'reset') {
      this.log(req, url, { status: 0, code: null, bucket: null }, transport);
      if (transport === 'reset') req.socket.destroy();
      return;
    }
    const reply =
      transport === 'http500'
        ? internalError(this.sim.clock.now(), 'Internal server error')
        : await this.dispatch(req, url, rel);
    const responseFault = rel === null ? null : this.sim.faults.take(rel, ['schema', 'truncated']);
    this.send(res, reply, responseFault);
    this.log(req, url, reply, transport ?? responseFault ?? undefined);
  }

  private async dispatch(req: IncomingMessage, url: URL, rel: string | null): Promise<Reply> {
    if (rel === null) return detail(404, 'Not Found');
    const found = match(req.method ?? 'GET', rel);
    if (found === 'notFound') return detail(404, 'Not Found');
    if (found === 'notAllowed') return detail(405, 'Method Not Allowed');
    const now = this.sim.clock.now();
    if (found.route.auth) {
      const token = extractToken(req.headers);
      if (token === null) return detail(401, 'Not authenticated');
      if (!this.sim.auth.accepts(token, now)) return detail(401, 'Invalid authentication credentials');
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    const ctx = this.context(found.params, url, rel, req, body, now);
    try {
      return await found.route.handler(ctx);
    } catch (err) {
      return internalError(now, err instanceof Error ? err.message : 'Internal server error');
    }
  }

  private context(
    params: string[],
    url: URL,
    rel: string,
    req: IncomingMessage,
    body: string,
    now: number,
  ): RouteContext {
    const today = parisToday(now);
    const { faults, dataset } = this.sim;
    const upstream = {
      dataset,
      today,
      now,
      injectedFailure: () => faults.take(rel, ['enedisError']) !== null,
    };
    return {
      sim: this.sim,
      params,
      query: url.searchParams,
      headers: req.headers,
      body,
      now,
      today,
      path: rel,
      upstream,
    };
  }

  private send(res: ServerResponse, reply: Reply, fault: FaultKind | null): void {
    let body = JSON.stringify(reply.body);
    if (fault === 'schema') body = JSON.stringify({ result: 'ok', items: { unexpected: true }, success: 'yes' });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    res.writeHead(reply.status, headers);
    if (fault === 'truncated') {
      res.write(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
      res.socket?.destroy();
      return;
    }
    res.end(body);
  }
}
