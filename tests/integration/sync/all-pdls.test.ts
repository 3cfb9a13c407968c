import { sumWh } from '../../../src/domain/energy.js';
import { parisDateQuick } from '../../../src/domain/paris-fast-path.js';
import { eachDay, parisNaiveToUtc, parisToday } from '../../../src/domain/time.js';
import type { LocalDate, UsagePoint } from '../../../src/domain/types.js';
import { PRM, REAL_GATEWAY_QUIRKS } from '../../../src/gateway/simulator/index.js';
import type { Quirks } from '../../../src/gateway/simulator/types.js';
import { type DayStream, dayStreamsOf, streamHorizon } from '../../../src/sync/planner/index.js';
import { describeEachEngine, type EngineChoice } from '../store/test-databases.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const TODAY = parisToday(NOW);
const WIDE = { start: '2020-01-01', end: '2026-12-31' };

/** Days the simulator has published for `stream` within what the client can reach. */
function expectedDays(h: Harness, point: UsagePoint, stream: DayStream): LocalDate[] {
  const horizon = streamHorizon(stream, TODAY, point);
  // Consumption daily J-1 is out of the daily route's reach: the engine derives it from the curve.
  if (stream === 'consumption_daily') horizon.end = streamHorizon('consumption_curve', TODAY, point).end;
  return eachDay(horizon).filter((d) => h.sim.dataset.isPublished(point.pdl, d, NOW));
}

async function storedDays(h: Harness, pdl: string, stream: DayStream): Promise<LocalDate[]> {
  const s = h.store;
  switch (stream) {
    case 'consumption_daily':
    case 'production_daily':
      return (await s.listDaily(pdl, stream === 'consumption_daily' ? 'consumption' : 'production', WIDE)).map(
        (r) => r.date,
      );
    case 'consumption_curve':
    case 'production_curve': {
      const dir = stream === 'consumption_curve' ? 'consumption' : 'production';
      return (await s.curveCoverage(pdl, dir, WIDE)).map((c) => c.date);
    }
    case 'max_power':
      return (await s.listMaxPower(pdl, WIDE)).map((r) => r.date);
    default:
      return (await s.listTempo(WIDE)).map((r) => r.date);
  }
}

/** Stored curve energy per Paris day. */
async function curveWhByDay(h: Harness, pdl: string, dir: 'consumption' | 'production'): Promise<Map<string, number>> {
  const readings = await h.store.listCurve(pdl, dir, Date.parse(`${WIDE.start}T00:00:00Z`), NOW + 86_400_000);
  const byDay = new Map<string, typeof readings>();
  for (const r of readings) {
    const day = parisDateQuick(r.start);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  return new Map([...byDay].map(([d, rs]) => [d, sumWh(rs)]));
}

const GATEWAYS: [string, Partial<Quirks>][] = [
  ['the ideal gateway', {}],
  ['the real gateway quirks', REAL_GATEWAY_QUIRKS],
];

// Both gateways on SQLite; the server engines run the realistic one (same code path, half the time).
describeEachEngine('full sync of every simulated PDL', (engine) => {
  describe.each(engine.name === 'sqlite' ? GATEWAYS : GATEWAYS.slice(1))('against %s', (_name, quirks) =>
    fullSyncTests(engine, quirks),
  );
});

function fullSyncTests(engine: EngineChoice, quirks: Partial<Quirks>): void {
  let h: Harness;
  let points: UsagePoint[];
  beforeAll(async () => {
    h = await startHarness(NOW, { quirks }, [], undefined, { engine });
    const outcome = await h.engine.run('full');
    expect(outcome).toMatchObject({ status: 'ok', failedTasks: 0 });
    points = await h.store.listUsagePoints();
  }, 60_000);
  afterAll(() => h.close());

  it('stores the five usage points', () => {
    expect(points.map((p) => p.pdl).sort()).toEqual(Object.values(PRM).sort());
  });

  it.each(Object.entries(PRM).filter(([k]) => k !== 'oldFlat'))(
    'holds the complete history of %s (%s) on every stream it has',
    async (_key, prm) => {
      const point = points.find((p) => p.pdl === prm);
      if (!point) throw new Error(`${prm} not stored`);
      const streams = dayStreamsOf(point);
      expect(streams.length).toBeGreaterThan(0);
      for (const stream of streams) {
        const expected = expectedDays(h, point, stream);
        expect(expected.length).toBeGreaterThan(300);
        expect([stream, await storedDays(h, prm, stream)]).toEqual([stream, expected]);
      }
    },
  );

  it('stores exactly the simulated values (daily Wh, max power VA)', async () => {
    for (const p of points.filter((x) => x.isActive)) {
      const dir = p.hasConsumption ? 'consumption' : 'production';
      for (const row of await h.store.listDaily(p.pdl, dir, WIDE)) {
        if (row.wh !== h.sim.dataset.dailyWh(p.pdl, row.date)) throw new Error(`${p.pdl} ${row.date}: ${row.wh} Wh`);
      }
      for (const row of await h.store.listMaxPower(p.pdl, WIDE)) {
        expect([row.date, row.va]).toEqual([row.date, h.sim.dataset.maxPower(p.pdl, row.date).va]);
      }
    }
  });

  it('conserves energy on every PDL: each daily Wh equals the sum of its curve Wh', async () => {
    let compared = 0;
    for (const p of points.filter((x) => x.isActive)) {
      const dir = p.hasConsumption ? 'consumption' : 'production';
      const curve = await curveWhByDay(h, p.pdl, dir);
      for (const row of await h.store.listDaily(p.pdl, dir, WIDE)) {
        const wh = curve.get(row.date);
        if (wh === undefined) continue;
        compared += 1;
        if (wh !== row.wh) throw new Error(`${p.pdl} ${row.date}: daily ${row.wh} Wh, curve ${wh} Wh`);
      }
    }
    expect(compared).toBeGreaterThan(4 * 400);
    // Reads years of curve from PostgreSQL/MariaDB for five PDLs: more than jest's 5 s on a busy machine.
  }, 60_000);

  it('skips the inactive PDL: stored, but never asked for data', async () => {
    expect(points.find((p) => p.pdl === PRM.oldFlat)?.isActive).toBe(false);
    expect(h.sim.requestLog.filter((r) => r.path.includes(PRM.oldFlat))).toEqual([]);
  });

  it('never asks the recently activated PDLs for days before their activation', async () => {
    for (const prm of [PRM.newHouse, PRM.newHouseSolar]) {
      const activation = points.find((p) => p.pdl === prm)?.activationDate ?? '';
      expect(activation > '2025-01-01').toBe(true);
      const calls = h.sim.requestLog.filter((r) => r.path.includes(`/enedis/`) && r.path.includes(prm));
      expect(calls.length).toBeGreaterThan(2);
      const starts = calls.map((r) => r.query.start).filter((s): s is string => typeof s === 'string');
      expect(starts.filter((s) => s < activation)).toEqual([]);
    }
  });
}
