import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import type { StatusJson } from '../../../src/api/status-json.js';
import { addDays, daysBetween, parisNaiveToUtc, parisToday } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';

const ROOT = join(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function getJson<T = unknown>(url: string): Promise<T> {
  const res = await fetch(url);
  expect([url, res.status]).toEqual([url, 200]);
  return (await res.json()) as T;
}

describe('demo mode end to end (npx tsx src/main.ts demo)', () => {
  let child: ChildProcess;
  let out = '';
  let port: number;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  const waitFor = async (pattern: RegExp, ms: number): Promise<RegExpMatchArray> => {
    const until = Date.now() + ms;
    for (;;) {
      const m = out.match(pattern);
      if (m) return m;
      if (Date.now() > until) throw new Error(`no ${pattern} in the demo output within ${ms} ms:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    port = await freePort();
    // `node --import tsx` (not `npx tsx`): a signal must reach the program, not a wrapper.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'demo', '--port', String(port)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TZ: process.env.TZ },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await waitFor(/sync finished/, 60_000);
  }, 70_000);

  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });

  it('shows the backfill progress in the logs: percentages with an ETA', () => {
    const steps = [...out.matchAll(/sync (\d+)% \((\d+)\/(\d+) calls, ETA about (\d+) s\)/g)];
    const percents = steps.map((m) => Number(m[1]));
    expect(percents.length).toBeGreaterThanOrEqual(5);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(out).toMatch(/demo: backfill done; browse http:\/\/127\.0\.0\.1:\d+/);
    expect(out).not.toMatch(/\b(ERROR|WARN)\b/);
  });

  it('serves complete data on the API port', async () => {
    const base = `http://127.0.0.1:${port}/api`;
    const pdls = await getJson<{ pdl: string }[]>(`${base}/pdls`);
    expect(pdls.map((p) => p.pdl).sort()).toEqual(Object.values(PRM).sort());
    // The demo runs on the real clock, and its simulated Enedis serves day J-1 from 08:00 Paris: before
    // that, the newest day held is J-2.
    const today = parisToday(Date.now());
    const end = Date.now() >= parisNaiveToUtc(`${today} 08:00:00`) ? today : addDays(today, -1);
    const start = addDays(end, -365);
    const daily = await getJson<{ date: string; wh: number }[]>(
      `${base}/pdls/${PRM.house}/consumption/daily?start=${start}&end=${end}`,
    );
    expect(daily).toHaveLength(daysBetween(start, end));
    expect(daily.every((d) => d.wh > 0)).toBe(true);
    const curveStart = addDays(end, -7);
    const curve = await getJson<{ wh: number }[]>(
      `${base}/pdls/${PRM.house}/consumption/curve?start=${curveStart}&end=${end}`,
    );
    expect(curve.length).toBeGreaterThanOrEqual(7 * 46);
    const status = await getJson<StatusJson>(`${base}/status`);
    expect(status).toMatchObject({ running: false, lastRun: { ok: true }, lastError: null });
    expect(status.version).toBe(packageJson.version);
    const streams = status.pdls
      .filter((p) => p.isActive)
      .flatMap((p) => p.streams.map((st) => ({ pdl: p.pdl, ...st })));
    expect(streams.length).toBeGreaterThan(10);
    expect(streams.filter((st) => st.lastError !== null || st.lastSuccessAt === null)).toEqual([]);
  });

  it('exits 0 on SIGTERM and removes its throw-away data folder', async () => {
    const dataDir = (await waitFor(/data in (\S+) \(deleted on exit\)/, 1))[1] ?? '';
    expect(existsSync(dataDir)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(existsSync(dataDir)).toBe(false);
    expect(out).toMatch(/stopped on SIGTERM/);
  }, 20_000);
});
