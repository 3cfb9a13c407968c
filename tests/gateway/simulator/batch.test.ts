import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, addYears } from '../../../src/domain/time.js';
import { PRM, type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { call, dates, start, TODAY } from './helpers.js';

const days = (list: string[]) => [...new Set(list.map((d) => d.slice(0, 10)))];

describe('simulator batch load-curve routes', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    ({ sim } = await start());
  });
  afterEach(() => sim.close());

  const batch = (prm: string, s: string, e: string, dir = 'consumption') =>
    call(sim, `/enedis/${dir}/detail/batch/${prm}?start=${s}&end=${e}`);

  it('treats start and end as inclusive, caps end to J-1, raises start to today-2y, serves 729 days at most', async () => {
    const r = await batch(PRM.house, '2020-01-01', '2030-01-01');
    expect(r.body).toMatchObject({ success: true, error: null });
    const d = days(dates(r.body));
    // today-2y..J-1 is 730 days: the real server cuts it to 729 from the start, without saying so.
    expect(d[0]).toBe(addDays(addYears(TODAY, -2), 1));
    expect(d.at(-1)).toBe(addDays(TODAY, -1));
    expect(d).toHaveLength(729);
    const first = r.body.data.meter_reading.interval_reading[0];
    expect(first).toEqual({
      value: expect.stringMatching(/^\d+$/),
      date: '2024-11-28 00:00:00',
      interval_length: 'PT30M',
      measure_type: 'B',
    });
  }, 20_000);

  it('cuts spans over 729 days from the start (leap year window)', async () => {
    const leap = await startSimulator({ clock: fixedClock(Date.parse('2028-03-01T10:00:00Z')) });
    try {
      const r = await call(leap, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-01-01&end=2028-03-01`);
      const d = days(dates(r.body));
      expect([d[0], d.at(-1), d.length]).toEqual(['2026-03-03', '2028-02-29', 729]);
    } finally {
      await leap.close();
    }
  }, 20_000);

  it('answers PARTIAL_DATA when an upstream chunk fails, and refetches only the missing days', async () => {
    sim.faults.add('/enedis/consumption/detail/batch/*', { kind: 'enedisError', times: 1 });
    const r = await batch(PRM.house, '2026-11-01', '2026-11-26');
    expect(r.body.success).toBe(true);
    expect(r.body.error.code).toBe('PARTIAL_DATA');
    expect(days(dates(r.body))[0]).toBe('2026-11-08');
    const again = await batch(PRM.house, '2026-11-01', '2026-11-26');
    expect(again.body.error).toBeNull();
    expect(days(dates(again.body))).toHaveLength(26);
    expect(sim.usage().cached).toBe(2);
    const third = await batch(PRM.house, '2026-11-01', '2026-11-26');
    expect(third.body.error).toBeNull();
    expect(sim.usage().cached).toBe(2);
  });

  it('moves chunk starts past the activation date and reports the failed chunks', async () => {
    const activation = sim.dataset.pdl(PRM.newHouse)!.activationDate;
    const r = await batch(PRM.newHouse, addDays(activation, -20), addDays(activation, 10));
    expect(r.body.error.code).toBe('PARTIAL_DATA');
    expect(days(dates(r.body))[0]).toBe(activation);
  });

  it('serves production curves, NO_DATA when nothing exists, and ACCESS_DENIED on inactive PDLs', async () => {
    const prod = await batch(PRM.newHouseSolar, '2026-06-21', '2026-06-21', 'production');
    const values = prod.body.data.meter_reading.interval_reading.map((x: { value: string }) => Number(x.value));
    expect(values[0]).toBe(0);
    expect(Math.max(...values)).toBeGreaterThan(1000);
    expect((await batch(PRM.solarFarm, '2026-11-01', '2026-11-02')).body.error.code).toBe('NO_DATA');
    expect((await batch(PRM.oldFlat, '2026-11-01', '2026-11-02')).body.error.code).toBe('ACCESS_DENIED');
  });

  it('blacklist quirk: a day asked before publication stays empty for 24 h', async () => {
    const early = await start({ quirks: { batchBlacklist: true } });
    try {
      early.clock.set(Date.parse('2026-11-27T06:00:00Z'));
      const path = `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-26&end=2026-11-26`;
      const r1 = await call(early.sim, path);
      expect(r1.body).toMatchObject({ success: true, error: null, data: { meter_reading: { interval_reading: [] } } });
      early.clock.set(Date.parse('2026-11-27T09:00:00Z'));
      expect((await call(early.sim, path)).body.data.meter_reading.interval_reading).toEqual([]);
      early.clock.set(Date.parse('2026-11-28T07:00:00Z'));
      expect((await call(early.sim, path)).body.data.meter_reading.interval_reading).toHaveLength(48);
    } finally {
      await early.sim.close();
    }
  });
});
