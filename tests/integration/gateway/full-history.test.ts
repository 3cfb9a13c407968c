import { sumWh } from '../../../src/domain/energy.js';
import { minDate, parisDate } from '../../../src/domain/time.js';
import type { CurveReading, DateRange, UsagePoint } from '../../../src/domain/types.js';
import type { MedGatewayClient } from '../../../src/gateway/client.js';
import { curveEndpoint, dailyEndpoint, planRequests, reachableRange } from '../../../src/gateway/plan-requests.js';
import { PRM, type RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { logLines, simulatedGateway, TODAY } from './harness.js';

let sim: RunningSimulator;
let client: MedGatewayClient;
let points: UsagePoint[];

beforeAll(async () => {
  ({ sim, client } = await simulatedGateway());
  points = await client.listUsagePoints();
});
afterAll(async () => sim.close());

/** Everything from the meter's activation on, as the sync engine asks on a first run. */
const history = (up: UsagePoint): DateRange => ({ start: up.activationDate ?? '2000-01-01', end: '2030-01-01' });

function byDay(readings: CurveReading[]): Map<string, CurveReading[]> {
  const out = new Map<string, CurveReading[]>();
  for (const r of readings) {
    const day = parisDate(r.start);
    out.set(day, [...(out.get(day) ?? []), r]);
  }
  return out;
}

describe('full history of every simulated PDL', () => {
  it('lists the PDLs with their flags and every offpeak shape', () => {
    expect(points.map((p) => [p.pdl, p.isActive, p.hasConsumption, p.hasProduction])).toEqual([
      [PRM.house, true, true, false],
      [PRM.newHouse, true, true, false],
      [PRM.newHouseSolar, true, false, true],
      [PRM.solarFarm, true, false, true],
      [PRM.oldFlat, false, true, false],
    ]);
    expect(points.map((p) => p.offpeakHours.length)).toEqual([1, 2, 0, 0, 1]);
    expect(points[1]?.linkedProductionPdlId).toBe(points[2]?.id);
  });

  it('fetches everything with exactly the planned calls, the fewest possible', async () => {
    const from = sim.requestLog.length;
    const expected: string[] = [];
    const plan = (calls: ReturnType<typeof planRequests>) =>
      expected.push(...calls.map((c) => `/api${c.path}?${new URLSearchParams(c.query)}`));
    let calls = 0;
    for (const up of points.filter((p) => p.isActive)) {
      const range = history(up);
      for (const direction of ['consumption', 'production'] as const) {
        if (direction === 'consumption' ? !up.hasConsumption : !up.hasProduction) continue;
        plan(planRequests(dailyEndpoint(direction), up.pdl, range, TODAY));
        calls += (await client.getDailyEnergy(up.pdl, direction, range)).calls;
        // Curve days older than the batch route's 729: the single-window route, first.
        const batchStart = reachableRange(curveEndpoint(direction), TODAY).start;
        const older = { start: range.start, end: minDate(batchStart, range.end) };
        if (older.start < older.end) plan(planRequests(curveEndpoint(direction, 'detail'), up.pdl, older, TODAY));
        plan(planRequests(curveEndpoint(direction), up.pdl, range, TODAY));
        calls += (await client.getLoadCurve(up.pdl, direction, range)).calls;
      }
      if (up.hasConsumption) {
        plan(planRequests('maxPower', up.pdl, range, TODAY));
        calls += (await client.getMaxPower(up.pdl, range)).calls;
      }
    }
    expect(logLines(sim, from)).toEqual(expected);
    expect(calls).toBe(expected.length);
    // House: 3 daily + 3 single-window + 1 batch + 4 power; new house (14 months): 2 + 1 + 2; its panels
    // 2 + 1; solar farm 4 + 3 + 1.
    expect(expected).toHaveLength(27);
    expect(
      sim.requestLog
        .slice(from)
        .map((r) => r.code)
        .filter(Boolean),
    ).toEqual([]);
  }, 60_000);

  it('returns every reachable day with the simulator’s exact values, DST days included', async () => {
    const house = points[0]!;
    const dailyRes = await client.getDailyEnergy(house.pdl, 'consumption', history(house));
    expect(dailyRes.data).toHaveLength(1095);
    expect(dailyRes.data.at(-1)?.date).toBe('2026-11-25');
    for (const d of dailyRes.data) expect(d.wh).toBe(sim.dataset.dailyWh(house.pdl, d.date));

    const curve = byDay((await client.getLoadCurve(house.pdl, 'consumption', history(house))).data);
    // The batch route's 729 days and the 16 before them that the single-window route reaches.
    expect(curve.size).toBe(745);
    expect([...curve.keys()].sort()[0]).toBe('2024-11-12');
    expect([...curve.keys()].at(-1)).toBe('2026-11-26');
    expect(['2025-03-30', '2026-03-29', '2025-10-26', '2026-10-25'].map((d) => curve.get(d)?.length)).toEqual([
      46, 46, 50, 50,
    ]);
    for (const d of dailyRes.data.filter((x) => curve.has(x.date))) {
      expect(sumWh(curve.get(d.date)!)).toBe(d.wh);
    }
    const starts = [...curve.values()].flat().map((r) => r.start);
    expect(new Set(starts).size).toBe(starts.length);
  }, 60_000);
});
