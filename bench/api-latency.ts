/**
 * API latency under load: the server in its own process (`api-server.ts`, one year of 30-minute curve in
 * SQLite); 8 clients pull that year of curve again and again while one client asks `/api/health` every
 * 25 ms and another `/api/status` every 250 ms, for a bounded time and count. Reports p50/p99 of each.
 * Loopback only.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, parisToday } from '../src/domain/time.js';
import { type BenchTable, millis } from './report.js';
import { benchV8Flags } from './shipped-flags-exec.js';

const CURVE_CLIENTS = 8;
const DURATION_MS = 15_000;
const MAX_CURVE_REQUESTS = 400;
const PDL = '12345678901234';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - t0;
}

export async function startServer(): Promise<{ url: string; readings: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...benchV8Flags(), '--import', 'tsx', 'bench/api-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /ready (\S+) (\d+)/.exec(out);
      if (ready) resolve(ready[0]);
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  const [, url, readings] = line.split(' ');
  return {
    url: url!,
    readings: Number(readings),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function every(ms: number, until: number, fn: () => Promise<number>, into: number[]): Promise<void> {
  while (performance.now() < until) {
    into.push(await fn());
    await sleep(ms);
  }
}

export async function benchApiLatency(): Promise<BenchTable> {
  const server = await startServer();
  try {
    const today = parisToday(Date.now());
    const curveUrl = `${server.url}/api/pdls/${PDL}/consumption/curve?start=${addDays(today, -365)}&end=${today}`;
    const health: number[] = [];
    const status: number[] = [];
    const curve: number[] = [];
    const until = performance.now() + DURATION_MS;
    const puller = async () => {
      while (performance.now() < until && curve.length < MAX_CURVE_REQUESTS) curve.push(await timedGet(curveUrl));
    };
    await Promise.all([
      ...Array.from({ length: CURVE_CLIENTS }, puller),
      every(25, until, () => timedGet(`${server.url}/api/health`), health),
      every(250, until, () => timedGet(`${server.url}/api/status`), status),
    ]);
    const row = (name: string, v: number[]): [string, string] => [
      name,
      `p50 ${millis(percentile(v, 50))}, p99 ${millis(percentile(v, 99))} (${v.length} requests)`,
    ];
    return {
      title: `API latency while ${CURVE_CLIENTS} clients pull a year of curve`,
      rows: [
        row('GET /api/health', health),
        row('GET /api/status', status),
        row('GET …/consumption/curve (1 year)', curve),
      ],
      notes: [
        `The server runs in its own process over SQLite with ${server.readings} half-hour readings; clients on loopback.`,
        `${CURVE_CLIENTS} clients pull the year of curve back to back for ${DURATION_MS / 1000} s (at most ${MAX_CURVE_REQUESTS} pulls); health every 25 ms, status every 250 ms.`,
      ],
    };
  } finally {
    await server.stop();
  }
}
