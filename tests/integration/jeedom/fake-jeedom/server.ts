/**
 * A fake Jeedom 4.5.3 (core + Virtual plugin) for tests: `POST /core/api/jeeApi.php` JSON-RPC (raw JSON
 * or the `request=` form field) and the Virtual plugin's HTTP fallback (`GET …?type=event`), reproducing
 * exporters.md §4.1–§4.3: always HTTP 200, errors as `error` objects (`-32000 - code`, the request id
 * echoed, 99999 for an unparsable body), "ok" for empty lists, bans after failed logins. Its state
 * (`state.ts`) outlives `restart()`, like Jeedom's database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parisNaive } from '../../../../src/domain/time.js';
import { BANNED_PAGE, BanList } from './bans.js';
import { METHODS, RpcFailure } from './rpc-methods.js';
import { type FakeState, freshState } from './state.js';

export interface FakeJeedomOptions {
  state?: FakeState;
  now?: () => number;
  /** Delay of the fallback's "not authorised" answer to a core key (real Jeedom: 5 s). */
  fallbackDelayMs?: number;
  /** Called before each `cmd::event` is handled, with how many came before (to stop the fake mid-push). */
  onEvent?: (count: number) => void | Promise<void>;
}

export class FakeJeedom {
  readonly state: FakeState;
  readonly bans: BanList;
  private server: Server | null = null;
  private port = 0;
  private events = 0;
  /** Every HTTP request received, banned ones included. */
  requests = 0;

  constructor(private readonly o: FakeJeedomOptions = {}) {
    this.state = o.state ?? freshState();
    this.bans = new BanList(() => this.now());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  now(): number {
    return this.o.now?.() ?? Date.now();
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** The current value (`cmd::execCmd`) and history rows of a command, for assertions. */
  cmd(id: number) {
    return this.state.cmds.find((c) => c.id === id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests++;
    const ip = req.socket.remoteAddress ?? '';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.bans.isBanned(ip)) return send(res, 404, BANNED_PAGE, 'text/html');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/core/api/jeeApi.php') return send(res, 404, 'Not Found', 'text/html');
    if (req.method === 'GET') return this.fallback(url.searchParams, ip, res);
    const raw = Buffer.concat(chunks).toString('utf8');
    const answer = await this.rpc(parseBody(raw, String(req.headers['content-type'] ?? '')), ip);
    send(res, 200, JSON.stringify(answer), 'application/json');
  }

  private async rpc(body: Record<string, unknown> | null, ip: string): Promise<Record<string, unknown>> {
    if (!body) return rpcError(99999, -32700, 'Requête invalide');
    const id = body.id ?? null;
    const method = String(body.method ?? '');
    const params = (body.params ?? {}) as Record<string, unknown>;
    this.state.log.push({ method, params });
    try {
      if (body.jsonrpc !== '2.0') {
        this.bans.failedLogin(ip);
        throw new RpcFailure(-32001, 'Requête invalide. Version JSON-RPC invalide');
      }
      if (method === 'ping') return { jsonrpc: '2.0', id, result: 'pong' };
      const key = params.apikey ?? params.api;
      if (key === undefined)
        throw new RpcFailure(-32001, "Vous n'êtes pas autorisé à effectuer cette action (aucune clé API)");
      // A wrong key over JSON-RPC does not count as a failed login.
      // A plugin's key is accepted only with `params.plugin` naming that plugin.
      const pluginKey = key === this.state.virtualKey && params.plugin === 'virtual';
      if (key !== this.state.apiKey && !pluginKey)
        throw new RpcFailure(-32002, "Vous n'êtes pas autorisé à effectuer cette action");
      const handler = METHODS[method];
      if (!handler) throw new RpcFailure(-32500, `Aucune méthode correspondante : ${method}`);
      if (method === 'cmd::event') await this.o.onEvent?.(this.events++);
      return { jsonrpc: '2.0', id, result: handler(this.state, params, parisNaive(this.now())) };
    } catch (err) {
      if (err instanceof RpcFailure) return rpcError(id, err.code, err.message);
      return rpcError(id, -32000, String(err));
    }
  }

  private async fallback(q: URLSearchParams, ip: string, res: ServerResponse): Promise<void> {
    this.state.log.push({ method: `http:${q.get('type')}`, params: Object.fromEntries(q) });
    const key = q.get('apikey');
    if (key === this.state.apiKey) {
      await new Promise((r) => setTimeout(r, this.o.fallbackDelayMs ?? 5000));
      return send(res, 200, "Vous n'êtes pas autorisé à effectuer cette action", 'text/html');
    }
    if (key !== this.state.virtualKey || q.get('plugin') !== 'virtual') {
      this.bans.failedLogin(ip);
      return send(res, 200, "Vous n'êtes pas autorisé à effectuer cette action", 'text/html');
    }
    // type=virtual answers like a success and writes nothing (a silent false positive).
    if (q.get('type') !== 'event') return send(res, 200, '', 'text/html');
    const cmd = this.state.cmds.find((c) => c.id === Number(q.get('id')));
    if (!cmd) return send(res, 200, `La commande n\\'est pas trouvée : ${q.get('id')}`, 'text/html');
    // No datetime over HTTP: stamped with Jeedom's now.
    METHODS['cmd::event']!(this.state, { id: cmd.id, value: q.get('value') ?? '' }, parisNaive(this.now()));
    send(res, 200, '', 'text/html');
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  try {
    const text = contentType.includes('form') ? (new URLSearchParams(raw).get('request') ?? '') : raw;
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const rpcError = (id: unknown, code: number, message: string) => ({ jsonrpc: '2.0', id, error: { code, message } });

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(body);
}
