/**
 * `npm run bench`: full backfill of one PDL with consumption and production against the simulator with
 * realistic latencies, into a fresh SQLite store. Prints a markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/domain/clock.js';
import { parisNaiveToUtc } from '../src/domain/time.js';
import { createGatewayClient } from '../src/gateway/client.js';
import { defaultPdlSpecs, startSimulator } from '../src/gateway/simulator/index.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import { SyncEngine } from '../src/sync/engine.js';
import { SyncEvents } from '../src/sync/events.js';
import { DEFAULT_PLANNER_OPTIONS, planPdl } from '../src/sync/planner/index.js';

const now = parisNaiveToUtc('2026-11-27 09:30:00');
const clock = fixedClock(now);
const spec = {
  ...defaultPdlSpecs(1, '2026-11-27')[0]!,
  hasConsumption: true,
  hasProduction: true,
  activationDate: '2015-01-01',
};
const sim = await startSimulator({ clock, latencyMs: { min: 20, max: 80 }, dataset: { pdls: [spec] } });
const dir = mkdtempSync(join(tmpdir(), 'med-bench-'));
const store = await openStore({ dataDir: dir, logger: silentLogger });
const client = createGatewayClient({
  baseUrl: sim.baseUrl,
  clientSecret: sim.clientSecret,
  clock,
  logger: silentLogger,
});
const engine = new SyncEngine({
  store,
  client,
  clock,
  logger: silentLogger,
  events: new SyncEvents(),
  selection: [spec.usagePointId],
});

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const t0 = performance.now();
const outcome = await engine.run('full');
const wallMs = performance.now() - t0;
clearInterval(sampler);
const point = (await store.getUsagePoint(spec.usagePointId))!;
const minimum =
  planPdl({ point, today: '2026-11-27', now, holdings: {}, lastSuccess: {} }, DEFAULT_PLANNER_OPTIONS).reduce(
    (n, t) => n + t.calls,
    0,
  ) + 2; // + tempo + ecowatt
const range = { start: '2020-01-01', end: '2026-11-28' };
const curveRows =
  (await store.curveCoverage(spec.usagePointId, 'consumption', range)).reduce((n, c) => n + c.readings, 0) +
  (await store.curveCoverage(spec.usagePointId, 'production', range)).reduce((n, c) => n + c.readings, 0);
const dailyRows =
  (await store.listDaily(spec.usagePointId, 'consumption', range)).length +
  (await store.listDaily(spec.usagePointId, 'production', range)).length +
  (await store.listMaxPower(spec.usagePointId, range)).length;
const dataCalls = sim.requestLog.filter(
  (r) => r.path.includes('/enedis/') || r.path.includes('/tempo') || r.path.includes('/ecowatt'),
).length;
await store.close();
await sim.close();
rmSync(dir, { recursive: true, force: true });
const rows = [
  ['outcome', outcome.status],
  ['gateway data calls made', String(dataCalls)],
  ['minimum data calls (planner estimate)', String(minimum)],
  ['all HTTP requests (incl. /pdl, usage-stats)', String(sim.requestLog.length)],
  ['wall time', `${(wallMs / 1000).toFixed(2)} s`],
  ['peak RSS', `${(peakRss / 1024 / 1024).toFixed(0)} MiB`],
  ['curve readings stored', String(curveRows)],
  ['daily + max power rows stored', String(dailyRows)],
  ['insert rate (rows / wall s)', String(Math.round((curveRows + dailyRows) / (wallMs / 1000)))],
];
process.stdout.write(`| metric | value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
