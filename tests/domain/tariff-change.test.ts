/** Finding the first day two tariffs price differently, and the energy-dashboard flows of the periods. */

import { consumptionTariff } from '../../src/domain/tariff.js';
import { buildTariff, firstChangedDay } from '../../src/domain/tariff-build.js';
import { mergeEnergySources } from '../../src/exporters/home-assistant/energy-prefs.js';

const POINT = { pricingOption: 'HC_HP' as const, offpeakHours: [{ start: '22:00', end: '06:00' }] };
const TEMPO = { blue_hc: 0.1, blue_hp: 0.2, white_hc: 0.3, white_hp: 0.4, red_hc: 0.5, red_hp: 0.6 };

describe('firstChangedDay', () => {
  const base = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3 }, POINT)!;

  it('is null for the same tariff, and survives a stored spec (JSON round trip)', () => {
    const again = buildTariff(JSON.parse(JSON.stringify(base.spec)));
    expect(firstChangedDay(base, again, '2025-01-01', '2026-12-31')).toBeNull();
  });

  it('finds a dated price, a schedule change and a kind change', () => {
    const dated = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3, dated: [{ from: '2026-02-01', hpKwh: 0.31 }] }, POINT)!;
    expect(firstChangedDay(base, dated, '2025-01-01', '2026-12-31')).toBe('2026-02-01');
    const schedules = [
      { from: null, ranges: [{ start: '22:00', end: '06:00' }] },
      { from: '2025-11-20', ranges: [{ start: '23:00', end: '07:00' }] },
    ];
    const moved = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3 }, POINT, { schedules })!;
    expect(firstChangedDay(base, moved, '2025-01-01', '2026-12-31')).toBe('2025-11-20');
    const flat = consumptionTariff({ tariff: 'base', baseKwh: 0.25 }, POINT)!;
    expect(firstChangedDay(base, flat, '2025-01-01', '2026-12-31')).toBe('2025-01-01');
    const withSub = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3, subscriptionEurMonth: 10 }, POINT)!;
    const sub = consumptionTariff(
      { hcKwh: 0.2, hpKwh: 0.3, subscriptionEurMonth: 10, dated: [{ from: '2026-03-15', subscriptionEurMonth: 12 }] },
      POINT,
    )!;
    // A month's subscription is the one in force on its 1st: a change on 15 March counts from April.
    expect(firstChangedDay(withSub, sub, '2025-01-01', '2026-12-31')).toBe('2026-04-01');
    expect(firstChangedDay(base, withSub, '2025-01-01', '2026-12-31')).toBe('2025-01-01');
  });

  it('a new or corrected Tempo colour affects its own day first', () => {
    const a = consumptionTariff({ tariff: 'tempo', tempo: TEMPO }, POINT, { tempo: { '2026-01-10': 'BLUE' } })!;
    const b = consumptionTariff({ tariff: 'tempo', tempo: TEMPO }, POINT, {
      tempo: { '2026-01-10': 'BLUE', '2026-01-12': 'RED', '2026-01-20': 'WHITE' },
    })!;
    expect(firstChangedDay(a, b, '2025-01-01', '2026-12-31')).toBe('2026-01-12');
    expect(firstChangedDay(a, b, '2026-01-13', '2026-12-31')).toBe('2026-01-13'); // its night of the 13th
    expect(firstChangedDay(a, b, '2026-01-21', '2026-12-31')).toBe('2026-01-21'); // the 20th's night
    expect(firstChangedDay(a, b, '2026-01-22', '2026-12-31')).toBeNull();
  });
});

describe('energy dashboard with periods', () => {
  it('adds one grid flow per period with its cost twin instead of the total', () => {
    const ids = {
      consumption: 'myelectricaldata:1_consumption',
      production: null,
      consumptionCost: 'myelectricaldata:1_consumption_cost',
      productionCompensation: null,
      periods: [
        { energy: 'myelectricaldata:1_consumption_hc', cost: 'myelectricaldata:1_consumption_hc_cost' },
        { energy: 'myelectricaldata:1_consumption_hp', cost: 'myelectricaldata:1_consumption_hp_cost' },
      ],
    };
    const unified = mergeEnergySources(null, ids, '2026.11.0')!;
    expect(unified.map((s) => [s.stat_energy_from, s.stat_cost])).toEqual(ids.periods.map((p) => [p.energy, p.cost]));
    const legacy = mergeEnergySources(
      { energy_sources: [{ type: 'grid', flow_from: [], flow_to: [] }] },
      ids,
      '2025.12.0',
    )!;
    expect((legacy[0]!.flow_from as { stat_energy_from: string }[]).map((f) => f.stat_energy_from)).toEqual(
      ids.periods.map((p) => p.energy),
    );
    expect(mergeEnergySources({ energy_sources: unified }, ids, '2026.11.0')).toBeNull();
  });
});
