/**
 * Full backfill of one PDL with consumption and production against the simulator with realistic
 * latencies (20–80 ms per request), into a fresh SQLite store: gateway calls made vs the planner's
 * minimum, wall time, peak RSS, rows stored and the resulting insert rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/domain/clock.js';
import { parisNaiveToUtc } from '../src/domain/time.js';
import { createGatewayClient } from '../src/gateway/client.js';
import { defaultPdlSpecs, type RunningSimulator, startSimulator } from '../src/gateway/simulator/index.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { SyncEngine } from '../src/sync/engine.js';
import { SyncEvents } from '../src/sync/events.js';
import { DEFAULT_PLANNER_OPTIONS, planPdl } from '../src/sync/planner/index.js';
import { type BenchTable, count, mib, perSecond, seconds, timed, withPeakRss } from './report.js';

const TODAY = '2026-11-27';
const LATENCY = { min: 20, max: 80 };

async function minimumCalls(store: Store, pdl: string, now: number): Promise<number> {
  const point = (await store.getUsagePoint(pdl))!;
  const tasks = planPdl({ point, today: TODAY, now, holdings: {}, lastSuccess: {} }, DEFAULT_PLANNER_OPTIONS);
  return tasks.reduce((n, t) => n + t.calls, 0) + 2; // + Tempo + EcoWatt
}

async function storedRows(store: Store, pdl: string): Promise<{ curve: number; daily: number }> {
  const range = { start: '2010-01-01', end: '2026-11-28' };
  let curve = 0;
  for (const direction of ['consumption', 'production'] as const)
    for (const day of await store.curveCoverage(pdl, direction, range)) curve += day.readings;
  const daily =
    (await store.listDaily(pdl, 'consumption', range)).length +
    (await store.listDaily(pdl, 'production', range)).length +
    (await store.listMaxPower(pdl, range)).length;
  return { curve, daily };
}

/**
 * Gateway data calls of this account's full backfill, as recorded on 2026-12-02 (17 before the curve's
 * older horizon added its single-window days): the bench fails when a change makes more.
 */
export const DATA_CALLS_CEILING = 23;

/** Fails the bench when the sync made more data calls than the planner's minimum or the recorded ceiling. */
function checkCalls(made: number, min: number): void {
  if (made > min) throw new Error(`the sync made ${made} gateway data calls where the planner's minimum is ${min}`);
  if (made > DATA_CALLS_CEILING) {
    throw new Error(`${made} gateway data calls, more than the recorded ${DATA_CALLS_CEILING}: the planner got worse`);
  }
}

const isDataCall = (path: string) => path.includes('/enedis/') || path.includes('/tempo') || path.includes('/ecowatt');

function table(sim: RunningSimulator, status: string, ms: number, peakRss: number, min: number, rows: number[]) {
  const [curve = 0, daily = 0] = rows;
  const rowsOut: BenchTable['rows'] = [
    ['outcome', status],
    ['gateway data calls made', count(sim.requestLog.filter((r) => isDataCall(r.path)).length)],
    ['minimum data calls (planner estimate)', count(min)],
    ['all HTTP requests (incl. token, /pdl, usage-stats)', count(sim.requestLog.length)],
    ['wall time', seconds(ms)],
    ['peak RSS of the bench process', mib(peakRss)],
    ['curve readings stored', count(curve)],
    ['daily + max power rows stored', count(daily)],
    ['rows stored per wall second', perSecond(curve + daily, ms)],
  ];
  return rowsOut;
}

export async function benchBackfill(): Promise<BenchTable> {
  const now = parisNaiveToUtc(`${TODAY} 09:30:00`);
  const clock = fixedClock(now);
  const spec = {
    ...defaultPdlSpecs(1, TODAY)[0]!,
    hasConsumption: true,
    hasProduction: true,
    activationDate: '2015-01-01',
  };
  const sim = await startSimulator({ clock, latencyMs: LATENCY, dataset: { pdls: [spec] } });
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-backfill-'));
  try {
    const store = await openStore({ dataDir: dir, logger: silentLogger });
    try {
      const client = createGatewayClient({
        baseUrl: sim.baseUrl,
        clientSecret: sim.clientSecret,
        clock,
        logger: silentLogger,
      });
      const events = new SyncEvents();
      const engine = new SyncEngine({
        store,
        client,
        clock,
        logger: silentLogger,
        events,
        selection: [spec.usagePointId],
      });
      const { peakRss, value: run } = await withPeakRss(() => timed(() => engine.run('full')));
      const min = await minimumCalls(store, spec.usagePointId, now);
      const rows = await storedRows(store, spec.usagePointId);
      checkCalls(sim.requestLog.filter((r) => isDataCall(r.path)).length, min);
      return {
        title: 'Full backfill of one PDL (consumption + production) from the simulator into SQLite',
        rows: table(sim, run.value.status, run.ms, peakRss, min, [rows.curve, rows.daily]),
        notes: [
          `Fails when the data calls exceed the planner's minimum or the recorded ceiling of ${DATA_CALLS_CEILING}.`,
          `Simulated gateway in the same process, ${LATENCY.min}–${LATENCY.max} ms latency per request, ideal quirks, no holes; the PDL was activated in 2015, so everything the gateway serves is fetched (load curve: 2 years per direction; daily energy and max power: about 3 years).`,
          'The simulator runs in the bench process: wall time and peak RSS include generating the simulated data and serving it over HTTP, not only the client and the store.',
        ],
      };
    } finally {
      await store.close();
    }
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
