/** The daily cost series: one sample per Paris day in euros, from the tariff engine; none without a price. */
import { parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import { importLines } from '../../../src/exporters/victoriametrics/build-import-lines.js';
import { costSeries } from '../../../src/exporters/victoriametrics/cost-series.js';

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
  expect(more).toEqual([]);
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
