/**
 * Memory over weeks of uptime: what the store keeps as the date moves. `uptime-child.ts` replays 90 days
 * of the reads whose ranges move with the date; the bench fails when the RSS after a full collection
 * grows by more than `MAX_GROWTH` between day 10 and day 90 (it grew by about 2.8 MiB a day while the
 * curve coverage queries had their days in the SQL text, each range a new cached statement).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { type BenchTable, mib } from './report.js';
import { benchV8Flags } from './shipped-flags-exec.js';

const MAX_GROWTH = 16 * 1024 * 1024;

export async function benchUptime(): Promise<BenchTable> {
  const out = execFileSync(
    process.execPath,
    [...benchV8Flags(), '--expose-gc', '--import', 'tsx', join('bench', 'uptime-child.ts')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const samples = JSON.parse(out) as { day: number; rss: number }[];
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const growth = last.rss - first.rss;
  const rows: BenchTable['rows'] = samples.map((s) => [`RSS after a full collection, day ${s.day}`, mib(s.rss)]);
  rows.push([`growth from day ${first.day} to day ${last.day}`, mib(growth)]);
  if (growth > MAX_GROWTH) {
    throw new Error(`the store's memory grew by ${mib(growth)} over ${last.day - first.day} simulated days`);
  }
  return { title: 'Store memory over 90 simulated days of uptime', rows };
}
