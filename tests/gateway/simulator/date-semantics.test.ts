import { addDays } from '../../../src/domain/time.js';
import { PRM, type RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { call, dates, start, TODAY } from './helpers.js';

const J1 = addDays(TODAY, -1);

function uniqueDays(list: string[]): string[] {
  return list.map((d) => d.slice(0, 10)).filter((d, i, a) => a.indexOf(d) === i);
}

describe('simulator date semantics (ideal vs quirks)', () => {
  let sim: RunningSimulator;
  let clock: Awaited<ReturnType<typeof start>>['clock'];
  beforeEach(async () => {
    ({ sim, clock } = await start());
  });
  afterEach(() => sim.close());

  const daily = (s: string, e: string) =>
    call(sim, `/enedis/consumption/daily/${PRM.house}?start=${s}&end=${e}&use_cache=true`);

  it('consumption daily: ideal [start, min(end, today)) includes J-1', async () => {
    const r = await daily('2026-11-20', '2026-12-05');
    expect(dates(r.body)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      J1,
    ]);
    expect(r.body.data.meter_reading.interval_reading[0].value).toBe(
      String(sim.dataset.dailyWh(PRM.house, '2026-11-20')),
    );
    expect(Object.keys(r.body.data.meter_reading)).toEqual(['reading_type', 'interval_reading']);
  });

  it('consumption daily quirk: J-1 never returned and a one-day gap cannot be fetched', async () => {
    sim.quirks.dailyEndCappedExclusive = true;
    const other = await call(
      sim,
      `/enedis/consumption/daily/${PRM.newHouse}?start=2026-11-20&end=2026-11-27&use_cache=true`,
    );
    expect(dates(other.body).at(-1)).toBe('2026-11-25');
    await daily('2026-11-20', '2026-11-23');
    await daily('2026-11-24', '2026-11-26');
    expect(dates((await daily('2026-11-20', '2026-11-25')).body)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-24',
      '2026-11-25',
    ]); // the cached end day is served
    sim.quirks.dailyEndCappedExclusive = false;
    expect(dates((await daily('2026-11-20', '2026-11-25')).body)).toContain('2026-11-23');
  });

  it('consumption daily: empty result keeps Wh ideally, falls back to W with the quirk', async () => {
    clock.set(Date.parse('2026-11-27T06:00:00Z')); // 07:00 Paris: J-1 not yet published
    const ideal = await daily(J1, TODAY);
    expect(ideal.body.data.meter_reading).toEqual({
      reading_type: expect.objectContaining({ unit: 'Wh' }),
      interval_reading: [],
    });
    sim.quirks.readingTypeFallbackW = true;
    expect((await daily(J1, TODAY)).body.data.meter_reading.reading_type.unit).toBe('W');
  });

  it('consumption detail: ideal splits into 7-day chunks, quirk fails beyond 7 days and is unsorted', async () => {
    const path = (s: string, e: string) => `/enedis/consumption/detail/${PRM.house}?start=${s}&end=${e}&use_cache=true`;
    const ideal = await call(sim, path('2026-11-10', '2026-11-30'));
    const days = uniqueDays(dates(ideal.body));
    expect(days).toHaveLength(17);
    expect(days.at(-1)).toBe(J1);
    expect([...dates(ideal.body)].sort()).toEqual(dates(ideal.body));
    const fresh = await start({ quirks: { detailNoSplitUnsorted: true } });
    try {
      const p2 = (s: string, e: string) => `/enedis/consumption/detail/${PRM.house}?start=${s}&end=${e}&use_cache=true`;
      expect((await call(fresh.sim, p2('2026-11-10', '2026-11-20'))).body.error.code).toBe('NO_DATA');
      await call(fresh.sim, p2('2026-11-22', '2026-11-24'));
      const r = await call(fresh.sim, p2('2026-11-20', '2026-11-25'));
      expect(uniqueDays(dates(r.body))).toEqual(['2026-11-20', '2026-11-24', '2026-11-22', '2026-11-23']);
    } finally {
      await fresh.sim.close();
    }
  });

  it('consumption detail before activation answers ADAM-ERR0123 and sets oldest_available_data_date', async () => {
    const spec = sim.dataset.pdl(PRM.newHouse)!;
    const s = addDays(spec.activationDate, -3);
    const r = await call(
      sim,
      `/enedis/consumption/detail/${PRM.newHouse}?start=${s}&end=${addDays(s, 5)}&use_cache=true`,
    );
    expect(r.body).toMatchObject({ success: false, error: { code: 'ADAM-ERR0123' } });
    const pdls = await call(sim, '/pdl');
    const p = pdls.body.data.find((x: { usage_point_id: string }) => x.usage_point_id === PRM.newHouse);
    expect(p.oldest_available_data_date).toBe(spec.activationDate);
  });

  it('passthrough routes follow Enedis rules: end exclusive, end=today gives J-1, limits as ENEDIS_ERROR', async () => {
    const prod = (s: string, e: string, kind = 'daily') =>
      call(sim, `/enedis/production/${kind}/${PRM.solarFarm}?start=${s}&end=${e}&use_cache=true`);
    clock.set(Date.parse('2026-11-28T09:00:00Z')); // the farm publishes one day late: 26 Nov is visible on the 28th
    const ok = await prod('2026-11-20', '2026-11-27');
    expect(ok.body.data.meter_reading).toMatchObject({
      usage_point_id: PRM.solarFarm,
      start: '2026-11-20',
      end: '2026-11-27',
      quality: 'BRUT',
    });
    expect(dates(ok.body).at(-1)).toBe('2026-11-26');
    expect((await prod('2026-11-20', '2026-11-20')).body.error.message).toMatch(/^invalid_request: /);
    expect((await prod('2026-11-20', '2026-11-30')).body.error.code).toBe('ENEDIS_ERROR');
    expect((await prod('2025-01-01', '2026-11-20')).body.error.code).toBe('ENEDIS_ERROR');
    expect((await prod('2026-11-10', '2026-11-20', 'detail')).body.error.message).toMatch(/^ADAM-DC-0015: /);
    const wrongWay = await call(sim, `/enedis/power/${PRM.solarFarm}?start=2026-11-20&end=2026-11-25&use_cache=true`);
    expect(wrongWay.body.error.message).toMatch(/^ADAM-ERR0069: /);
  });

  it('passthrough ADAM-ERR0123: ENEDIS_ERROR ideally, success with data.error with the quirk', async () => {
    const s = addDays(sim.dataset.pdl(PRM.newHouse)!.activationDate, -5);
    const path = `/enedis/power/${PRM.newHouse}?start=${s}&end=${addDays(s, 30)}&use_cache=true`;
    expect((await call(sim, path)).body.error.message).toMatch(/^ADAM-ERR0123: /);
    sim.quirks.passthroughErr0123AsSuccess = true;
    const r = await call(sim, path);
    expect(r.body).toMatchObject({ success: true, error: null, data: { error: 'ADAM-ERR0123' } });
  });

  it('29 February quirk: daily INVALID_DATE_FORMAT, batch HTTP 500; fine without it', async () => {
    clock.set(Date.parse('2028-02-29T10:00:00Z'));
    const d = `/enedis/consumption/daily/${PRM.house}?start=2028-02-01&end=2028-02-10&use_cache=true`;
    const b = `/enedis/consumption/detail/batch/${PRM.house}?start=2028-02-20&end=2028-02-21`;
    expect((await call(sim, d)).body.success).toBe(true);
    sim.quirks.feb29Failures = true;
    expect((await call(sim, d)).body.error.code).toBe('INVALID_DATE_FORMAT');
    const batch = await call(sim, b);
    expect(batch.status).toBe(500);
    expect(batch.body.error.code).toBe('INTERNAL_ERROR');
  });

  it('malformed dates: daily INVALID_DATE_FORMAT, single detail HTTP 500, passthrough ENEDIS_ERROR', async () => {
    expect((await daily('2026-13-01', '2026-11-02')).body.error.code).toBe('INVALID_DATE_FORMAT');
    expect((await call(sim, `/enedis/consumption/detail/${PRM.house}?start=x&end=y`)).status).toBe(500);
    expect((await call(sim, `/enedis/power/${PRM.house}?start=x&end=y`)).body.error.code).toBe('ENEDIS_ERROR');
  });
});
