/**
 * The per-period split of GET /api/pdls/{pdl}/{direction}/aggregate: with HC/HP or Tempo prices every
 * bucket carries its energy per period (whole Wh, adding up to the bucket) and its cost, the same as the
 * cost route's for those days; expected amounts are also worked out here by a half-hour loop.
 * Fixtures: contract off-peak hours 22:00-06:00; three daily values in November (one with a partial
 * 10-minute curve), full curves on the spring-forward and fall-back days.
 */
import type { ApiServer } from '../../src/api/server.js';
import type { Prices } from '../../src/domain/tariff.js';
import {
  curveWatts,
  FALL_DAY,
  openFilledStore,
  PDL_HOME,
  PDL_SOLAR,
  pricedApi,
  SPRING_DAY,
  type TestStore,
} from './fixtures.js';
import { openApiValidator, type Validator } from './openapi-validator.js';

const HC_HP: Prices = { hcKwh: 0.2, hpKwh: 0.3 };
const TEMPO: Prices = {
  tariff: 'tempo',
  tempo: { blue_hc: 0.1325, blue_hp: 0.1612, white_hc: 0.1499, white_hp: 0.1871, red_hc: 0.1575, red_hp: 0.706 },
};

interface Share {
  wh: number;
  eur: number;
}
interface AggBucket {
  start: string;
  end: string;
  wh: number;
  eur?: number;
  periods?: Record<string, Share>;
}

let filled: TestStore;
let validator: Validator;
beforeAll(async () => {
  filled = await openFilledStore();
  // The Tempo day before the fall-back day is red (it prices 00:00-06:00 of 25 October), that day white.
  await filled.store.upsertTempo([
    { date: '2026-10-24', color: 'RED' },
    { date: FALL_DAY, color: 'WHITE' },
  ]);
  const server = api(undefined);
  validator = openApiValidator((await server.inject('/api/openapi.json')).json());
  await server.close();
});
afterAll(() => filled.cleanup());

const api = (prices: Prices | undefined): ApiServer => pricedApi(filled.store, prices);

async function get(prices: Prices | undefined, url: string) {
  const server = api(prices);
  try {
    const res = await server.inject(url);
    const documented = url.split('?')[0]!.replace(/\d{14}/, '{pdl}');
    validator.check('GET', documented, res);
    return res.json();
  } finally {
    await server.close();
  }
}

const micro = (eur: number) => Math.round(eur * 1e6);
const sumShares = (periods: Record<string, Share>) =>
  Object.values(periods).reduce((n, p) => ({ wh: n.wh + p.wh, micro: n.micro + micro(p.eur) }), { wh: 0, micro: 0 });

/** Wh per period of a full curve day, by local half-hour: `periodOf(localMinute)`. */
function curveDaySplit(halfHours: number, localMinute: (i: number) => number, periodOf: (m: number) => string) {
  const out: Record<string, number> = {};
  for (let i = 0; i < halfHours; i++) {
    const p = periodOf(localMinute(i));
    out[p] = (out[p] ?? 0) + curveWatts(i) / 2;
  }
  return out;
}
const offpeak = (m: number) => m < 360 || m >= 1320;

describe('HC/HP split of the aggregate buckets', () => {
  const year = `/api/pdls/${PDL_HOME}/consumption/aggregate?period=month&start=2026-01-01&end=2027-01-01`;

  it('every bucket: periods add up to its energy to the Wh and to its cost; the range to the sum of the buckets', async () => {
    const body = await get(HC_HP, year);
    expect([body.tariff, body.tariff_kind]).toEqual(['hc_hp:0.2:0.3:22:00-06:00', 'hc_hp']);
    const buckets = body.buckets as AggBucket[];
    expect(buckets).toHaveLength(12);
    for (const b of buckets) {
      const sum = sumShares(b.periods!);
      expect([b.start, sum.wh, sum.micro]).toEqual([b.start, b.wh, micro(b.eur!)]);
      for (const share of Object.values(b.periods!)) expect(Number.isInteger(share.wh)).toBe(true);
    }
    expect(Object.keys(body.periods)).toEqual(['hc', 'hp']);
    expect(sumShares(body.periods).wh).toBe(body.wh);
    const hc = buckets.reduce((n, b) => n + (b.periods!.hc?.wh ?? 0), 0);
    expect(body.periods.hc.wh).toBe(hc);
    // Months without data have no periods and cost nothing.
    expect(buckets.find((b) => b.start === '2026-05-01')).toMatchObject({ wh: 0, eur: 0, periods: {} });
  });

  it('costs equal the cost route, bucket by bucket and period by period', async () => {
    const agg = await get(HC_HP, year);
    const cost = await get(HC_HP, `/api/pdls/${PDL_HOME}/consumption/cost?start=2026-01-01&end=2027-01-01`);
    expect(micro(agg.eur)).toBe(micro(cost.total_eur));
    for (const p of ['hc', 'hp']) expect([p, micro(agg.periods[p].eur)]).toEqual([p, micro(cost.periods[p].eur)]);
    for (const b of agg.buckets as AggBucket[]) {
      const days = (cost.days as { date: string; eur: number; periods: Record<string, Share> }[]).filter(
        (d) => d.date >= b.start && d.date < b.end,
      );
      const perPeriod = (p: string) => days.reduce((n, d) => n + micro(d.periods[p]?.eur ?? 0), 0);
      expect([b.start, micro(b.eur!), micro(b.periods!.hc?.eur ?? 0), micro(b.periods!.hp?.eur ?? 0)]).toEqual([
        b.start,
        days.reduce((n, d) => n + micro(d.eur), 0),
        perPeriod('hc'),
        perPeriod('hp'),
      ]);
    }
  });

  it('the spring-forward day (46 half-hours) split reading by reading, each period within a Wh of the exact energy', async () => {
    const body = await get(
      HC_HP,
      `/api/pdls/${PDL_HOME}/consumption/aggregate?period=day&start=${SPRING_DAY}&end=2026-03-30`,
    );
    const exact = curveDaySplit(
      46,
      (i) => (i < 4 ? i : i + 2) * 30,
      (m) => (offpeak(m) ? 'hc' : 'hp'),
    );
    const [bucket] = body.buckets as AggBucket[];
    expect(bucket!.periods!.hc!.wh + bucket!.periods!.hp!.wh).toBe(bucket!.wh);
    expect(Math.abs(bucket!.periods!.hc!.wh - exact.hc!)).toBeLessThan(1);
    expect(bucket!.periods!.hc!.eur).toBeCloseTo((exact.hc! / 1000) * 0.2, 5);
    expect(bucket!.periods!.hp!.eur).toBeCloseTo((exact.hp! / 1000) * 0.3, 5);
  });
});

describe('Tempo split', () => {
  it('the fall-back day (50 half-hours): red HC before 06:00 (the previous Tempo day), then white HP and HC', async () => {
    const body = await get(
      TEMPO,
      `/api/pdls/${PDL_HOME}/consumption/aggregate?period=day&start=${FALL_DAY}&end=2026-10-26`,
    );
    // Local minute of half-hour i: 02:00-03:00 happens twice (i = 4..7 are 02:00, 02:30, 02:00, 02:30).
    const localMinute = (i: number) => (i < 6 ? i * 30 : (i - 2) * 30);
    const colour = (m: number) => (m < 360 ? 'red' : 'white');
    const exact = curveDaySplit(50, localMinute, (m) => `${colour(m)}_${offpeak(m) ? 'hc' : 'hp'}`);
    const [bucket] = body.buckets as AggBucket[];
    expect(body.tariff_kind).toBe('tempo');
    expect(Object.keys(bucket!.periods!)).toEqual(['white_hc', 'white_hp', 'red_hc']);
    expect(sumShares(bucket!.periods!).wh).toBe(bucket!.wh);
    const prices = TEMPO.tempo!;
    for (const p of ['white_hc', 'white_hp', 'red_hc'] as const) {
      expect(Math.abs(bucket!.periods![p]!.wh - exact[p]!)).toBeLessThan(1);
      expect(bucket!.periods![p]!.eur).toBeCloseTo((exact[p]! / 1000) * prices[p]!, 5);
    }
  });
});

describe('no split without a tariff with periods', () => {
  it.each([
    ['no price', undefined, PDL_HOME, 'consumption'],
    ['a Base price', { baseKwh: 0.25 }, PDL_HOME, 'consumption'],
    ['production', { productionKwh: 0.1, ...HC_HP }, PDL_SOLAR, 'production'],
  ] as const)('%s: the buckets as before', async (_, prices, pdl, direction) => {
    const body = await get(
      prices,
      `/api/pdls/${pdl}/${direction}/aggregate?period=year&start=2026-01-01&end=2027-01-01`,
    );
    expect([body.tariff, body.periods, body.buckets[0].periods, body.buckets[0].eur]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(body.wh).toBeGreaterThan(0);
  });
});

describe('the split in the aggregate CSV', () => {
  const url = (q: string) =>
    `/api/pdls/${PDL_HOME}/consumption/aggregate?period=month&start=2026-01-01&end=2027-01-01&format=csv${q}`;

  async function csv(prices: Prices | undefined) {
    const server = api(prices);
    try {
      const res = await server.inject(url(''));
      expect(res.statusCode).toBe(200);
      const [head, ...lines] = res.body.trimEnd().split('\r\n');
      return { columns: head!.split(','), rows: lines.map((l) => l.split(',')) };
    } finally {
      await server.close();
    }
  }

  it.each([
    ['HC/HP', HC_HP, ['hc', 'hp']],
    ['Tempo', TEMPO, ['blue_hc', 'blue_hp', 'white_hc', 'white_hp', 'red_hc', 'red_hp']],
  ] as const)('%s: eur and each period’s Wh and EUR, equal to the JSON buckets', async (_, prices, periods) => {
    const json = (await get(prices, url('').replace('&format=csv', ''))).buckets as AggBucket[];
    const { columns, rows } = await csv(prices);
    expect(columns).toEqual([
      'start',
      'end',
      'wh',
      'daily_days',
      'curve_days',
      'missing_days',
      'eur',
      ...periods.flatMap((p) => [`${p}_wh`, `${p}_eur`]),
    ]);
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, i) => {
      const cell = (name: string) => Number(row[columns.indexOf(name)]);
      const b = json[i]!;
      expect([row[0], cell('wh'), cell('eur')]).toEqual([b.start, b.wh, b.eur]);
      for (const p of periods) {
        expect([cell(`${p}_wh`), cell(`${p}_eur`)]).toEqual([b.periods![p]?.wh ?? 0, b.periods![p]?.eur ?? 0]);
      }
      expect(periods.reduce((n, p) => n + cell(`${p}_wh`), 0)).toBe(cell('wh'));
    });
  });

  it('without a tariff with periods: the plain columns', async () => {
    expect((await csv(undefined)).columns).toEqual(['start', 'end', 'wh', 'daily_days', 'curve_days', 'missing_days']);
  });
});
