import { sumWh } from '../../../src/domain/energy.js';
import { addDays, eachDay, parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import { describeEachEngine } from '../store/test-databases.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const DAY = 86_400_000;

describeEachEngine('sync against the simulator with a real store', (engine) => {
  let h: Harness;
  let pdl: string;
  beforeAll(async () => {
    h = await startHarness(NOW);
    const points = await h.engine.options.client.listUsagePoints();
    pdl = points.find((p) => p.hasConsumption && p.isActive)?.pdl ?? '';
    await h.close();
    h = await startHarness(NOW, {}, [pdl], undefined, { engine });
  }, 30_000);
  afterAll(() => h.close());

  it('backfills the whole curve and daily history of a PDL, DST days with 46/50 readings', async () => {
    const outcome = await h.engine.run('full');
    expect(outcome).toMatchObject({ status: 'ok' });
    const range = { start: '2024-11-28', end: '2026-11-27' };
    const coverage = await h.store.curveCoverage(pdl, 'consumption', range);
    const point = await h.store.getUsagePoint(pdl);
    const first = point?.activationDate && point.activationDate > range.start ? point.activationDate : range.start;
    expect(coverage.map((c) => c.date)).toEqual(eachDay({ start: first, end: range.end }));
    const byDate = new Map(coverage.map((c) => [c.date, c.readings]));
    if (first <= '2026-03-29') expect(byDate.get('2026-03-29')).toBe(46);
    if (first <= '2025-10-26') expect(byDate.get('2025-10-26')).toBe(50);
    const daily = await h.store.listDaily(pdl, 'consumption', range);
    expect(daily.map((d) => d.date)).toEqual(eachDay({ start: first, end: range.end }));
  }, 60_000);

  it('conserves energy: each daily value equals the sum of its curve', async () => {
    const range = { start: '2026-09-01', end: '2026-11-27' };
    const daily = await h.store.listDaily(pdl, 'consumption', range);
    for (const d of daily) {
      const readings = await h.store.listCurve(
        pdl,
        'consumption',
        parisMidnightUtc(d.date),
        parisMidnightUtc(addDays(d.date, 1)),
      );
      expect([d.date, Math.round(sumWh(readings))]).toEqual([d.date, d.wh]);
    }
  });

  it('makes only the few calls it needs on the next day', async () => {
    h.clock.set(NOW + DAY);
    const before = h.sim.requestLog.length;
    const outcome = await h.engine.run('full');
    const calls = h.sim.requestLog.slice(before).map((r) => r.path.replace(`/${pdl}`, ''));
    // /pdl, contract, address, daily, batch curve, power (trailing window), tempo, ecowatt, and the usage
    // stats before and after the run (free calls: what the run cost in quota units).
    expect(calls.sort()).toEqual(
      [
        '/api/pdl',
        '/api/enedis/contract',
        '/api/enedis/address',
        '/api/enedis/consumption/daily',
        '/api/enedis/consumption/detail/batch',
        '/api/enedis/power',
        '/api/tempo/days',
        '/api/ecowatt/forecast',
        '/api/accounts/usage-stats',
        '/api/accounts/usage-stats',
      ].sort(),
    );
    expect(outcome).toMatchObject({ status: 'ok', calls: 7 });
  }, 30_000);

  it('refuses a second concurrent run', async () => {
    const first = h.engine.run('tempo');
    expect(h.engine.start()).toBe('already-running');
    await first;
  });
});
