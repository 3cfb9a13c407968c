/**
 * The daily cost series: one sample per Paris day in euros, from the tariff engine; none without a price.
 * With periods, an energy and a cost series per period that add up to the day's total.
 */
import { parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import { importLines } from '../../../src/exporters/victoriametrics/build-import-lines.js';
import { COST, costSeries } from '../../../src/exporters/victoriametrics/cost-series.js';
import { PERIOD_COST, PERIOD_ENERGY } from '../../../src/exporters/victoriametrics/period-series.js';

const PDL = '12345678901234';
const point = { pdl: PDL, pricingOption: 'HC_HP' as const, offpeakHours: [{ start: '22:00', end: '06:00' }] };
const day = parisMidnightUtc('2026-03-29'); // 23 hours: the spring DST day
// 21:30–22:30 Paris: 1 kWh at full price then 1 kWh off-peak (2 000 W for half an hour each).
const at = parisNaiveToUtc('2026-03-29 21:30:00');
const curve = [0, 1].map((i) => ({ start: at + i * 1_800_000, minutes: 30, w: 2000 }));
const daily = [{ date: '2026-03-30', wh: 10_000 }];

it('renders the cost of each day at its Paris midnight, in euros, exact to the micro-euro', () => {
  const [s, ...more] = costSeries(
    point,
    'consumption',
    { curve, daily },
    { hcKwh: 0.2068, hpKwh: 0.27 },
    { site: 'a' },
  );
  expect(more.map((m) => [m.name, m.labels.tariff_period])).toEqual([
    [PERIOD_ENERGY, 'hc'],
    [PERIOD_COST, 'hc'],
    [PERIOD_ENERGY, 'hp'],
    [PERIOD_COST, 'hp'],
  ]);
  expect(s!.alsoStreams).toEqual(['consumption_daily']);
  expect(s!.stream).toBe('consumption_curve');
  // 1 kWh × 0.27 + 1 kWh × 0.2068; the daily-only day at the day-weighted price (8 h HC, 16 h HP).
  const weighted = (10 * (0.2068 * 8 + 0.27 * 16)) / 24;
  expect(importLines(s!, s!.samples)).toBe(
    `myelectricaldata_cost_euros{direction="consumption",pdl="${PDL}",resolution="day",site="a"} 0.4768 ${day}\n` +
      `myelectricaldata_cost_euros{direction="consumption",pdl="${PDL}",resolution="day",site="a"} ${Math.round(weighted * 1e6) / 1e6} ${parisMidnightUtc('2026-03-30')}\n`,
  );
});

it('has no series without a price for the direction, and a fingerprint that follows the prices', () => {
  expect(costSeries(point, 'consumption', { curve, daily }, { productionKwh: 0.1 })).toEqual([]);
  expect(costSeries(point, 'production', { curve, daily }, { hcKwh: 0.2, hpKwh: 0.3 })).toEqual([]);
  const a = costSeries(point, 'production', { curve, daily: [] }, { productionKwh: 0.1 })[0]!;
  const b = costSeries(point, 'production', { curve, daily: [] }, { productionKwh: 0.11 })[0]!;
  expect(a.labels).toEqual({ pdl: PDL, direction: 'production', resolution: 'day' });
  expect(a.samples).toEqual([{ t: day, v: 0.2 }]);
  expect(a.fingerprint).not.toBe(b.fingerprint);
});

const samplesOf = (series: ReturnType<typeof costSeries>, name: string, period: string) =>
  series.find((x) => x.name === name && x.labels.tariff_period === period)!.samples;

it('per period: HC/HP energy and cost of each day, adding up to its daily value and to its cost', () => {
  const series = costSeries(point, 'consumption', { curve, daily }, { hcKwh: 0.2068, hpKwh: 0.27 });
  expect(samplesOf(series, PERIOD_COST, 'hp')[0]).toEqual({ t: day, v: 0.27 });
  expect(samplesOf(series, PERIOD_COST, 'hc')[0]).toEqual({ t: day, v: 0.2068 });
  // 29 March has no daily value: its curve, 1 000 Wh in each period; 30 March: its 10 000 Wh, 8 h of 24 HC.
  expect(samplesOf(series, PERIOD_ENERGY, 'hc')).toEqual([
    { t: day, v: 1000 },
    { t: parisMidnightUtc('2026-03-30'), v: 3333 },
  ]);
  expect(samplesOf(series, PERIOD_ENERGY, 'hp')[1]).toEqual({ t: parisMidnightUtc('2026-03-30'), v: 6667 });
  const total = series.find((x) => x.name === COST)!.samples;
  for (const [i, s] of total.entries()) {
    const micro = ['hc', 'hp'].reduce((n, p) => n + Math.round(samplesOf(series, PERIOD_COST, p)[i]!.v * 1e6), 0);
    expect(micro).toBe(Math.round(s.v * 1e6));
  }
  expect(series.every((x) => x.labels.resolution === 'day' && x.fingerprint === series[0]!.fingerprint)).toBe(true);
});

it('Tempo: the stored colours price the days (00:00-06:00 the previous Tempo day), six periods, zeros included', () => {
  const tempoPoint = { ...point, pricingOption: 'TEMPO' as const };
  const prices = {
    tempo: { blue_hc: 0.1325, blue_hp: 0.1612, white_hc: 0.1499, white_hp: 0.1871, red_hc: 0.1575, red_hp: 0.706 },
  };
  // 2 kW for an hour from 05:30 on 30 March: 1 kWh red HC (29 March's Tempo day), 1 kWh white HP.
  const start = parisNaiveToUtc('2026-03-30 05:30:00');
  const readings = [0, 1].map((i) => ({ start: start + i * 1_800_000, minutes: 30, w: 2000 }));
  const context = { tempo: { '2026-03-29': 'RED', '2026-03-30': 'WHITE' } as const };
  const series = costSeries(tempoPoint, 'consumption', { curve: readings, daily: [] }, prices, {}, context);
  expect(series.filter((x) => x.name === PERIOD_ENERGY).map((x) => [x.labels.tariff_period, x.samples[0]!.v])).toEqual([
    ['blue_hc', 0],
    ['blue_hp', 0],
    ['white_hc', 0],
    ['white_hp', 1000],
    ['red_hc', 1000],
    ['red_hp', 0],
  ]);
  expect(series.find((x) => x.name === COST)!.samples).toEqual([
    { t: parisMidnightUtc('2026-03-30'), v: 0.1575 + 0.1871 },
  ]);
  // Without the colours every day would be blue: the fingerprint marks the coloured pricing.
  expect(series[0]!.fingerprint).toMatch(/\+colours$/);
});

it('no per-period series for a single-price tariff or for production', () => {
  expect(costSeries(point, 'consumption', { curve, daily }, { baseKwh: 0.2 }).map((s) => s.name)).toEqual([COST]);
  expect(costSeries(point, 'production', { curve, daily }, { productionKwh: 0.1 }).map((s) => s.name)).toEqual([COST]);
});
