/**
 * GET /api/pdls/{pdl}/{direction}/cost: priced by the tariff engine, per Paris day. Expected amounts are
 * worked out here by hand from the fixtures: contract off-peak hours 22:00-06:00, HC 0.20, HP 0.30.
 */
import type { ApiServer } from '../../src/api/server.js';
import type { Prices } from '../../src/domain/tariff.js';
import { curveWatts, openFilledStore, PDL_HOME, PDL_SOLAR, pricedApi, SPRING_DAY, type TestStore } from './fixtures.js';

let filled: TestStore;
beforeAll(async () => {
  filled = await openFilledStore();
});
afterAll(() => filled.cleanup());

const api = (prices: Prices | undefined): ApiServer => pricedApi(filled.store, prices);

async function get(prices: Prices | undefined, url: string) {
  const server = api(prices);
  try {
    const res = await server.inject(url);
    return { status: res.statusCode, body: res.json() };
  } finally {
    await server.close();
  }
}

/** Spring-forward day: 46 half-hours; local 00:00-01:30 then 03:00-23:30. HC before 06:00 and from 22:00. */
function springDayEur(hc: number, hp: number): number {
  let eur = 0;
  for (let i = 0; i < 46; i++) {
    const localMinute = (i < 4 ? i : i + 2) * 30;
    const offpeak = localMinute < 360 || localMinute >= 1320;
    eur += (curveWatts(i) / 2 / 1000) * (offpeak ? hc : hp);
  }
  return eur;
}

describe('GET /api/pdls/{pdl}/consumption/cost', () => {
  it('prices a full load-curve day reading by reading with the contract off-peak hours (46 half-hours)', async () => {
    const res = await get(
      { hcKwh: 0.2, hpKwh: 0.3 },
      `/api/pdls/${PDL_HOME}/consumption/cost?start=${SPRING_DAY}&end=2026-03-30`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      pdl: PDL_HOME,
      direction: 'consumption',
      currency: 'EUR',
      start: SPRING_DAY,
      end: '2026-03-30',
    });
    expect(res.body.tariff).toBe('hc_hp:0.2:0.3:22:00-06:00');
    expect(res.body.days).toHaveLength(1);
    expect(res.body.days[0].date).toBe(SPRING_DAY);
    expect(res.body.days[0].eur).toBeCloseTo(springDayEur(0.2, 0.3), 5);
    expect(res.body.total_eur).toBeCloseTo(springDayEur(0.2, 0.3), 5);
  });

  it('prices a day known only by its daily total at the day-weighted price', async () => {
    const res = await get(
      { hcKwh: 0.2, hpKwh: 0.3 },
      `/api/pdls/${PDL_HOME}/consumption/cost?start=2026-11-01&end=2026-11-02`,
    );
    const weighted = 0.2 * (8 / 24) + 0.3 * (16 / 24);
    // Split by minutes: 8 off-peak hours (22:00–06:00) of 24, to the Wh, each share at its own price.
    const periods = { hc: { wh: 2707.667, eur: 0.541533 }, hp: { wh: 5415.333, eur: 1.6246 } };
    expect(res.body.days).toEqual([{ date: '2026-11-01', eur: expect.closeTo(8.123 * weighted, 5), periods }]);
    expect(res.body.periods).toEqual(periods);
    expect(res.body.tariff_kind).toBe('hc_hp');
    expect(periods.hc.wh + periods.hp.wh).toBeCloseTo(8123, 6);
    expect(periods.hc.eur + periods.hp.eur).toBeCloseTo(res.body.total_eur, 6);
  });

  it('uses the Base price for a contract with off-peak hours when only the Base price is set', async () => {
    const res = await get({ baseKwh: 0.25 }, `/api/pdls/${PDL_HOME}/consumption/cost?start=2026-11-01&end=2026-11-02`);
    expect(res.body.tariff).toBe('flat:0.25');
    expect(res.body.total_eur).toBeCloseTo(8.123 * 0.25, 5);
  });

  it('answers 404 naming the settings when no price applies', async () => {
    const res = await get(undefined, `/api/pdls/${PDL_HOME}/consumption/cost`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no_price');
    expect(res.body.error.message).toMatch(/price_base_kwh.*price_hc_kwh and price_hp_kwh/);
  });

  it('rejects a bad range with the range rules of the data routes', async () => {
    const res = await get({ baseKwh: 0.25 }, `/api/pdls/${PDL_HOME}/consumption/cost?start=2026-11-05&end=2026-11-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/start \(2026-11-05\) must not be after end/);
  });
});

describe('GET /api/pdls/{pdl}/production/cost', () => {
  it('prices production at the production price, and says which setting is missing otherwise', async () => {
    const priced = await get(
      { productionKwh: 0.1 },
      `/api/pdls/${PDL_SOLAR}/production/cost?start=2026-06-21&end=2026-06-22`,
    );
    expect(priced.body.tariff).toBe('flat:0.1');
    // The day has a partial curve: its hours are rounded to the micro-euro one by one (as in Home Assistant).
    expect(priced.body.total_eur).toBeCloseTo(24.5 * 0.1, 4);
    const unpriced = await get({ baseKwh: 0.25 }, `/api/pdls/${PDL_SOLAR}/production/cost`);
    expect(unpriced.status).toBe(404);
    expect(unpriced.body.error.message).toMatch(/price_production_kwh/);
  });
});
