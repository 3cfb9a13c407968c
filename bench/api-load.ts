/**
 * API throughput with a load tool (autocannon) on loopback: 8 concurrent connections for 10 s on each of
 * a year of curve as JSON, the same year as CSV, a year of monthly aggregates and the page's first load
 * (`GET /`), against the server of `api-server.ts` in its own process. Reports p50/p99 latency and
 * requests per second; goals of issue 16: p99 < 100 ms for the curve JSON, < 20 ms for an aggregate.
 */
import autocannon from 'autocannon';
import { addDays, parisToday } from '../src/domain/time.js';
import { startServer } from './api-latency.js';
import { type BenchTable, millis } from './report.js';

const CONNECTIONS = 8;
const DURATION_S = 10;
const PDL = '12345678901234';

/** `url`, or when `paths` is given, a different one of them on each request (in turn, shared by the clients). */
async function load(url: string, paths?: string[]): Promise<autocannon.Result> {
  let next = 0;
  const requests = paths && [{ setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) }];
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  }
  return result;
}

export async function benchApiLoad(): Promise<BenchTable> {
  const server = await startServer();
  try {
    const today = parisToday(Date.now());
    const year = `start=${addDays(today, -365)}&end=${today}`;
    const path = `/api/pdls/${PDL}/consumption`;
    const base = `${server.url}${path}`;
    // 10,000 different windows (start in the first 100 days of the stored year, end in its last 100): every
    // request misses the answer cache, which measures reading and encoding each time.
    const cold = (route: string) =>
      Array.from({ length: 10_000 }, (_, i) => {
        const [a, b] = [i % 100, Math.floor(i / 100)];
        return `${path}/${route}start=${addDays(today, -366 + a)}&end=${addDays(today, -b)}`;
      });
    const targets: [string, string, string[]?][] = [
      ['GET …/consumption/aggregate?period=month (1 year)', `${base}/aggregate?period=month&${year}`],
      ['… the same, a different year each request (never cached)', base, cold('aggregate?period=month&')],
      ['GET …/consumption/curve (1 year, JSON)', `${base}/curve?${year}`],
      ['… the same, a different year each request (never cached)', base, cold('curve?')],
      ['GET …/consumption/curve (1 year, CSV)', `${base}/curve?${year}&format=csv`],
      ['GET / (page first load)', `${server.url}/`],
    ];
    const rows: [string, string][] = [];
    for (const [name, url, paths] of targets) {
      const r = await load(url, paths);
      rows.push([
        name,
        `p50 ${millis(r.latency.p50)}, p99 ${millis(r.latency.p99)}, ${Math.round(r.requests.average)} req/s, ` +
          `${Math.round(r.throughput.average / 1024)} KiB/s (${r.requests.total} requests)`,
      ]);
    }
    return {
      title: `API under load: ${CONNECTIONS} concurrent connections (autocannon)`,
      rows,
      notes: [
        `The server runs in its own process over SQLite with ${server.readings} half-hour readings and daily values for all but the last week (those days come from the curve); loopback.`,
        `Each target: ${CONNECTIONS} connections for ${DURATION_S} s, back to back requests. The same URL again is answered from the answer cache (src/api/answer-cache.ts) while the store does not change; the "never cached" rows ask a different window each time.`,
      ],
    };
  } finally {
    await server.stop();
  }
}
