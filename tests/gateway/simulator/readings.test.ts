import { addDays, eachDay, parisNaive, parisNaiveToUtc, parisOffsetMinutes } from '../../../src/domain/time.js';
import {
  defaultPdlSpecs,
  PRM,
  REALISTIC_HOLES,
  type RunningSimulator,
  SimulatedDataset,
} from '../../../src/gateway/simulator/index.js';
import { parisMidnightFast, parisOffsetFast } from '../../../src/gateway/simulator/paris-fast.js';
import { call, dates, NOW, start, TODAY } from './helpers.js';

interface JsonReading {
  value: string;
  interval_length: string;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON body
const curveWh = (body: any) =>
  (body.data.meter_reading.interval_reading as JsonReading[]).reduce((s: number, r) => {
    const minutes = Number(r.interval_length.slice(2, -1));
    return s + (Number(r.value) * minutes) / 60;
  }, 0);

describe('simulated readings', () => {
  let sim: RunningSimulator;
  let clock: Awaited<ReturnType<typeof start>>['clock'];
  beforeEach(async () => {
    ({ sim, clock } = await start());
  });
  afterEach(() => sim.close());

  it('DST: 46 readings in March with a non-existent label, 50 in October with duplicated 01:30 and 02:00', async () => {
    const spring = dates(
      (await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-03-29&end=2026-03-29`)).body,
    );
    expect(spring).toHaveLength(46);
    expect(spring).toContain('2026-03-29 02:30:00');
    expect(spring).not.toContain('2026-03-29 02:00:00');
    const fall = dates(
      (await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-10-25&end=2026-10-25`)).body,
    );
    expect(fall).toHaveLength(50);
    const dup = fall.filter((d, i) => fall.indexOf(d) !== i);
    expect(dup).toEqual(['2026-10-25 01:30:00', '2026-10-25 02:00:00']);
    expect(fall[0]).toBe('2026-10-25 00:00:00');
    expect(fall.at(-1)).toBe('2026-10-25 23:30:00');
    expect(sim.dataset.frame(PRM.house, '2026-10-25').count * 30).toBe(25 * 60);
    expect(sim.dataset.frame(PRM.house, '2026-03-29').count * 30).toBe(23 * 60);
  });

  it('endLabels quirk returns raw Enedis end labels', async () => {
    sim.quirks.endLabels = true;
    const d = dates(
      (await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-20&end=2026-11-20`)).body,
    );
    expect([d[0], d.at(-1)]).toEqual(['2026-11-20 00:30:00', '2026-11-21 00:00:00']);
  });

  it('conservation: daily Wh equals the sum of the curve for every PDL over 3 years', () => {
    const t0 = performance.now();
    const ds = new SimulatedDataset(
      7,
      defaultPdlSpecs(7, TODAY),
      { ...REALISTIC_HOLES, missingDayRate: 0, missingReadingRate: 0, zeroReadingRate: 0 },
      8,
    );
    for (const spec of ds.pdls) {
      let mismatches = 0;
      for (const day of eachDay({ start: addDays(TODAY, -3 * 365), end: TODAY })) {
        const sum = ds.readings(spec.usagePointId, day).reduce((s, r) => s + (r.w * r.minutes) / 60, 0);
        if (sum !== ds.dailyWh(spec.usagePointId, day)) mismatches++;
      }
      expect([spec.name, mismatches]).toEqual([spec.name, 0]);
    }
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 30_000);

  it('conservation over HTTP: consumption daily equals the batch curve, DST days are 23 h / 25 h', async () => {
    const daily = await call(
      sim,
      `/enedis/consumption/daily/${PRM.house}?start=2026-10-20&end=2026-10-30&use_cache=true`,
    );
    for (const r of daily.body.data.meter_reading.interval_reading) {
      const curve = await call(sim, `/enedis/consumption/detail/batch/${PRM.house}?start=${r.date}&end=${r.date}`);
      expect([r.date, curveWh(curve.body)]).toEqual([r.date, Number(r.value)]);
    }
    const prod = await call(
      sim,
      `/enedis/production/daily/${PRM.newHouseSolar}?start=2026-03-28&end=2026-03-30&use_cache=true`,
    );
    const prodCurve = await call(
      sim,
      `/enedis/production/detail/batch/${PRM.newHouseSolar}?start=2026-03-29&end=2026-03-29`,
    );
    expect(curveWh(prodCurve.body)).toBe(Number(prod.body.data.meter_reading.interval_reading[1].value));
  });

  it('supports PT60M/PT15M/PT10M and interval changes mid-range', async () => {
    const custom = await start({
      dataset: {
        overrides: {
          [PRM.house]: {
            intervalMinutes: 60,
            intervalChanges: [
              { from: '2026-11-21', minutes: 15 },
              { from: '2026-11-23', minutes: 10 },
            ],
          },
        },
      },
    });
    try {
      const r = await call(custom.sim, `/enedis/consumption/detail/batch/${PRM.house}?start=2026-11-20&end=2026-11-23`);
      // biome-ignore lint/suspicious/noExplicitAny: JSON
      const byLength = r.body.data.meter_reading.interval_reading.reduce((m: Record<string, number>, x: any) => {
        m[x.interval_length] = (m[x.interval_length] ?? 0) + 1;
        return m;
      }, {});
      expect(byLength).toEqual({ PT60M: 24, PT15M: 192, PT10M: 144 });
      const daily = await call(
        custom.sim,
        `/enedis/consumption/daily/${PRM.house}?start=2026-11-20&end=2026-11-24&use_cache=true`,
      );
      const total = daily.body.data.meter_reading.interval_reading.reduce(
        (s: number, x: { value: string }) => s + Number(x.value),
        0,
      );
      expect(curveWh(r.body)).toBe(total);
    } finally {
      await custom.sim.close();
    }
  });

  it('publishes day D after the publication hour on D+1, late meters a day later', async () => {
    const batch = (prm: string, dir: string) =>
      call(sim, `/enedis/${dir}/detail/batch/${prm}?start=2026-11-26&end=2026-11-26`);
    clock.set(Date.parse('2026-11-27T06:59:00Z'));
    expect((await batch(PRM.house, 'consumption')).body.error.code).toBe('NO_DATA');
    clock.set(Date.parse('2026-11-27T07:00:00Z'));
    expect(dates((await batch(PRM.house, 'consumption')).body)).toHaveLength(48);
    expect((await batch(PRM.solarFarm, 'production')).body.error.code).toBe('NO_DATA');
    expect(sim.dataset.publishedAt(PRM.solarFarm, '2026-11-26')).toBe(Date.parse('2026-11-28T07:00:00Z'));
  });

  it('holes: missing readings and zeros in the curve, missing days everywhere', () => {
    const holes = {
      missingReadingRate: 0.01,
      missingDayRate: 0,
      zeroReadingRate: 0.01,
      missingDays: { [PRM.house]: ['2026-11-10'] },
    };
    const ds = new SimulatedDataset(3, defaultPdlSpecs(3, TODAY), holes, 8);
    expect(ds.readings(PRM.house, '2026-11-10')).toEqual([]);
    expect(ds.isMissingDay(PRM.house, '2026-11-10')).toBe(true);
    let dropped = 0;
    let zeros = 0;
    for (const day of eachDay({ start: '2026-01-01', end: '2026-11-01' })) {
      const r = ds.readings(PRM.house, day);
      dropped += ds.frame(PRM.house, day).count - r.length;
      zeros += r.filter((x) => x.w === 0).length;
    }
    expect(dropped).toBeGreaterThan(50);
    expect(zeros).toBeGreaterThan(50);
  });

  it('max power in VA at the local time of the peak, full meter_reading', async () => {
    const r = await call(sim, `/enedis/power/${PRM.house}?start=2026-01-10&end=2026-01-17&use_cache=true`);
    const mr = r.body.data.meter_reading;
    expect(mr.reading_type).toEqual({
      unit: 'VA',
      measurement_kind: 'power',
      aggregate: 'maximum',
      measuring_period: 'P1D',
    });
    expect(mr.interval_reading).toHaveLength(7);
    for (const x of mr.interval_reading) {
      expect(x.date).toMatch(/^2026-01-1\d \d\d:\d\d:\d\d$/);
      expect(Number(x.value)).toBeGreaterThan(1000);
      expect(Number(x.value)).toBeLessThan(9300);
    }
  });

  it('contract and address in raw Enedis shape with string values', async () => {
    const c = (await call(sim, `/enedis/contract/${PRM.house}?use_cache=true`)).body.data.customer.usage_points[0];
    expect(c.contracts).toMatchObject({ subscribed_power: '9 kVA', offpeak_hours: 'HC (22H00-6H00)' });
    expect(c.contracts.last_activation_date).toMatch(/^\d{4}-\d\d-\d\d\+0[12]:00$/);
    const linked = (await call(sim, `/enedis/contract/${PRM.newHouse}?use_cache=true`)).body.data;
    expect(linked.customer.usage_points[0].contracts.offpeak_hours).toBe('HC (22H00-6H00;12H00-14H00)');
    const a = (await call(sim, `/enedis/address/${PRM.solarFarm}?use_cache=true`)).body.data;
    const addr = a.customer.usage_points[0].usage_point.usage_point_addresses;
    expect(addr).toMatchObject({ city: 'AVIGNON', postal_code: '84000', geo_points: { latitude: '43.9493' } });
    expect(sim.usage().cached).toBe(3);
  });

  it('lists the five PDLs with list and dict offpeak forms, the link by UUID, one inactive', async () => {
    const list = (await call(sim, '/pdl')).body.data;
    expect(list).toHaveLength(5);
    const byPrm = Object.fromEntries(list.map((p: { usage_point_id: string }) => [p.usage_point_id, p]));
    expect(byPrm[PRM.house].offpeak_hours).toEqual(['22:00-06:00']);
    expect(byPrm[PRM.newHouse].offpeak_hours).toEqual({ ranges: ['22:00-06:00', '12:00-14:00'] });
    expect(byPrm[PRM.newHouse].linked_production_pdl_id).toBe(byPrm[PRM.newHouseSolar].id);
    expect(byPrm[PRM.oldFlat].is_active).toBe(false);
    expect(byPrm[PRM.solarFarm]).toMatchObject({ has_consumption: false, has_production: true });
    expect((await call(sim, `/pdl/${byPrm[PRM.house].id}`)).body.data.usage_point_id).toBe(PRM.house);
  });

  it('fast Paris arithmetic agrees with the general Paris helpers', () => {
    for (let t = Date.parse('2016-01-01T00:00:00Z'); t < Date.parse('2030-01-01T00:00:00Z'); t += 3_600_000 * 7) {
      if (parisOffsetFast(t) !== parisOffsetMinutes(t))
        throw new Error(`offset mismatch at ${new Date(t).toISOString()}`);
    }
    for (const day of eachDay({ start: '2024-01-01', end: '2027-01-01' })) {
      expect(parisMidnightFast(day)).toBe(parisNaiveToUtc(`${day} 00:00:00`));
    }
    expect(parisNaive(NOW)).toBe('2026-11-27 10:00:00');
  });
});
