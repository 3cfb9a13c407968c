/**
 * The store side of `uptime.ts`, in a process of its own (started with `--expose-gc`) so its memory is
 * its own. A SQLite store with two years of load curve for one PDL, then `DAYS` simulated days of the
 * reads whose ranges move with the date: the status window's curve coverage (four years), the
 * planner's curve horizon, the days and curve of the day before. Prints the RSS after a full collection
 * at each sampled day, as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, parisMidnightUtc } from '../src/domain/time.js';
import { createLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';

const PDL = '09111642617347';
const FIRST_TODAY = '2026-12-03';
const DAYS = 90;
const SAMPLE_DAYS = [10, 30, 60, 90];

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const dir = mkdtempSync(join(tmpdir(), 'med-bench-uptime-'));
const store = await openStore({ dataDir: dir, logger: createLogger({ level: 'error' }) });
const rssAfterGc = () => {
  gc();
  return process.memoryUsage().rss;
};
try {
  const end = parisMidnightUtc(FIRST_TODAY);
  const rows = [];
  for (let t = parisMidnightUtc(addDays(FIRST_TODAY, -730)); t < end; t += 1_800_000)
    rows.push({ start: t, minutes: 30, w: 400 + (t % 997) });
  await store.upsertCurve(PDL, 'consumption', rows);
  const samples: { day: number; rss: number }[] = [];
  for (let n = 1; n <= DAYS; n++) {
    const today = addDays(FIRST_TODAY, n);
    for (const direction of ['consumption', 'production'] as const) {
      await store.curveCoverage(PDL, direction, { start: addDays(today, -1464), end: addDays(today, 2) });
      await store.curveCoverage(PDL, direction, { start: addDays(today, -1095), end: today });
      await store.listDaily(PDL, direction, { start: addDays(today, -366), end: today });
    }
    const yesterday = addDays(today, -1);
    await store.listCurve(PDL, 'consumption', parisMidnightUtc(yesterday), parisMidnightUtc(today));
    if (SAMPLE_DAYS.includes(n)) samples.push({ day: n, rss: rssAfterGc() });
  }
  process.stdout.write(JSON.stringify(samples));
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
