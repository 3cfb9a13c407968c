import { barTotals, buildSeries, chooseLayout, idsToFetch, stackBar } from '../../../lovelace-cards/energy/stacking.js';
import { tempoColourAt } from '../../../lovelace-cards/energy/tempo-colour.js';
import { aggregate, total } from '../../../lovelace-cards/shared/aggregate.js';
import { windowEndingAt } from '../../../lovelace-cards/shared/periods.js';

const PARIS = 'Europe/Paris';
const PDL = '12345678901234';
const day = (d: number) => Date.parse(`2026-01-${String(d).padStart(2, '0')}T00:00:00+01:00`);
const w = windowEndingAt(day(3), 'day', 3, PARIS);
const id = (suffix: string) => `myelectricaldata:${PDL}_${suffix}`;

describe('aggregation into card buckets', () => {
  it('sums hourly rows per Paris day and keeps a day without rows missing (null, not 0)', () => {
    const rows = [
      { start: day(1), change: 1.5 },
      { start: day(1) + 23 * 3_600_000, change: 0.25 },
      { start: day(3) + 3_600_000, change: 2 },
      { start: day(4), change: 99 },
      { start: day(1) - 3_600_000, change: 99 },
    ];
    expect(aggregate(rows, w)).toEqual([1.75, null, 2]);
    expect(total(aggregate(rows, w))).toBe(3.75);
  });

  it('years are summed from monthly rows', () => {
    const y = windowEndingAt(Date.parse('2026-06-01T12:00:00Z'), 'year', 2, PARIS);
    const month = (iso: string, change: number) => ({ start: Date.parse(iso), change });
    expect(
      aggregate(
        [month('2024-12-31T23:00:00Z', 10), month('2025-05-31T22:00:00Z', 5), month('2025-12-31T23:00:00Z', 7)],
        y,
      ),
    ).toEqual([15, 7]);
  });
});

describe('stacking', () => {
  const result = {
    [id('consumption')]: [{ start: day(1), change: 10 }],
    [id('consumption_blue_hp')]: [
      { start: day(1), change: 4 },
      { start: day(2), change: 1 },
    ],
    [id('consumption_blue_hc')]: [{ start: day(1), change: 2 }],
    [id('consumption_red_hp')]: [{ start: day(2), change: 6 }],
  };

  it('asks for the totals and, in auto mode, every HP/HC and Tempo bucket', () => {
    const ids = idsToFetch([PDL], 'consumption', 'cost', 'auto');
    expect(ids).toContain(id('consumption_cost'));
    expect(ids).toContain(id('consumption_hp_cost'));
    expect(ids).toContain(id('consumption_red_hc_cost'));
    expect(ids).toHaveLength(9);
    expect(idsToFetch([PDL], 'production', 'cost', 'auto')).toEqual([id('production_compensation')]);
  });

  it('auto picks Tempo when Tempo rows exist, HP/HC when only those exist, else the total', () => {
    expect(chooseLayout(result, [PDL], 'energy', 'auto')).toBe('tempo');
    expect(chooseLayout({ [id('consumption_hc')]: [{ start: day(1), change: 1 }] }, [PDL], 'energy', 'auto')).toBe(
      'hp_hc',
    );
    expect(chooseLayout({ [id('consumption')]: [{ start: day(1), change: 1 }] }, [PDL], 'energy', 'auto')).toBe('none');
    expect(chooseLayout(result, [PDL], 'energy', 'hp_hc')).toBe('hp_hc');
  });

  it('stacks positive segments and totals each bar', () => {
    const series = buildSeries(result, w, [PDL], 'consumption', 'energy', 'tempo');
    expect(series.map((s) => s.key)).toEqual(['blue_hp', 'blue_hc', 'white_hp', 'white_hc', 'red_hp', 'red_hc']);
    expect(stackBar(series, 0)).toEqual([
      { series: 0, from: 0, to: 4 },
      { series: 1, from: 4, to: 6 },
    ]);
    expect(barTotals(series, 3)).toEqual([6, 7, null]);
  });

  it('in auto mode each PDL keeps its own split (one on Tempo, one on HP/HC)', () => {
    const other = '98765432109876';
    const both = { ...result, [`myelectricaldata:${other}_consumption_hp`]: [{ start: day(1), change: 3 }] };
    const series = buildSeries(both, w, [PDL, other], 'consumption', 'energy', 'auto');
    expect(series.filter((s) => s.pdl === other).map((s) => s.key)).toEqual(['hp', 'hc']);
    expect(series.filter((s) => s.pdl === PDL)).toHaveLength(6);
    expect(barTotals(series, 3)).toEqual([9, 7, null]);
  });

  it('colours each day by its Tempo buckets', () => {
    const series = buildSeries(result, w, [PDL], 'consumption', 'energy', 'tempo');
    expect([0, 1, 2].map((i) => tempoColourAt(series, i))).toEqual(['blue', 'red', null]);
  });
});
