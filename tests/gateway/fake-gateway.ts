/** A tiny scripted HTTP server on 127.0.0.1 for the client's error paths. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type FakeHandler = (req: FakeRequest, res: ServerResponse) => void;

export interface FakeGateway {
  baseUrl: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeGateway(handler: FakeHandler): Promise<FakeGateway> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

export const ok = (data: unknown, error: unknown = null) => ({
  success: true,
  data,
  error,
  timestamp: '2026-11-27T09:00:00.123456',
});

export const fail = (code: string, message = 'failed') => ({
  success: false,
  data: null,
  error: { code, message, field: null },
  timestamp: '2026-11-27T09:00:00.123456',
});

export const curve = (rows: [string, number][], length = 'PT30M') => ({
  meter_reading: {
    interval_reading: rows.map(([date, value]) => ({
      value: String(value),
      date,
      interval_length: length,
      measure_type: 'B',
    })),
  },
});

export const daily = (rows: [string, number][]) => ({
  meter_reading: { interval_reading: rows.map(([date, value]) => ({ value: String(value), date })) },
});
