/**
 * A small stand-in for the Home Assistant Supervisor, for running the add-on without Docker:
 * - `GET /services/mqtt` answers the test broker the way the Supervisor does (`{result:"ok", data:{…}}`);
 * - `GET /addons/self/info` answers the add-on's `hostname`; `POST /discovery` records the announcement;
 * - `/core/…` is proxied to a real Home Assistant (`/core/api/…` REST, `/core/websocket` and
 *   `/core/api/websocket` upgraded to its `/api/websocket`), as the Supervisor's `api/proxy.py` does.
 * Every request must carry `Authorization: Bearer <token>`. Unlike the real Supervisor, which answers the
 * websocket handshake itself and relays over its own connection, this one passes the handshake through, so
 * the add-on's token is Home Assistant's token here. Listens on 127.0.0.1 only.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface MqttService {
  host: string;
  port: number;
  username?: string;
  password?: string;
}

export interface SupervisorStandIn {
  url: string;
  /** `METHOD path` of every request received (websocket upgrades as `UPGRADE path`). */
  requests: string[];
  /** Bodies of `POST /discovery`, in order. */
  discoveries: { service: string; config: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startSupervisorStandIn(options: {
  token: string;
  homeAssistantUrl: string;
  mqtt: MqttService;
  /** The add-on's host name answered by `/addons/self/info` (default `local-myelectricaldata`). */
  hostname?: string;
}): Promise<SupervisorStandIn> {
  const ha = new URL(options.homeAssistantUrl);
  const requests: string[] = [];
  const discoveries: SupervisorStandIn['discoveries'] = [];
  const sockets = new Set<Socket>();
  const authorised = (req: IncomingMessage) => req.headers.authorization === `Bearer ${options.token}`;

  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (!authorised(req)) return json(res, 401, { result: 'error', message: 'Unauthorized' });
    if (req.method === 'GET' && req.url === '/services/mqtt') {
      return json(res, 200, {
        result: 'ok',
        data: { ...options.mqtt, ssl: false, protocol: '3.1.1', addon: 'core_mosquitto' },
      });
    }
    if (req.method === 'GET' && req.url === '/addons/self/info') {
      return json(res, 200, { result: 'ok', data: { hostname: options.hostname ?? 'local-myelectricaldata' } });
    }
    if (req.method === 'POST' && req.url === '/discovery') {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        discoveries.push(JSON.parse(body));
        json(res, 200, { result: 'ok', data: { uuid: `discovery-${discoveries.length}` } });
      });
      return;
    }
    if (req.url?.startsWith('/core/')) return proxy(req, res, ha);
    return json(res, 404, { result: 'error', message: 'not found' });
  });

  server.on('upgrade', (req, socket: Socket, head) => {
    requests.push(`UPGRADE ${req.url}`);
    if (req.url !== '/core/websocket' && req.url !== '/core/api/websocket') {
      socket.destroy();
      return;
    }
    const upstream = connect(Number(ha.port), ha.hostname, () => {
      const headers = Object.entries(req.headers)
        .filter(([key]) => key !== 'host')
        .map(([key, value]) => `${key}: ${value}`)
        .join('\r\n');
      upstream.write(`GET /api/websocket HTTP/1.1\r\nhost: ${ha.host}\r\n${headers}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on('error', () => {
        socket.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    discoveries,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function proxy(req: IncomingMessage, res: ServerResponse, ha: URL): void {
  const upstream = httpRequest(
    {
      host: ha.hostname,
      port: ha.port,
      method: req.method,
      path: (req.url ?? '/').slice('/core'.length),
      headers: { ...req.headers, host: ha.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => json(res, 502, { result: 'error', message: 'Home Assistant unreachable' }));
  req.pipe(upstream);
}
