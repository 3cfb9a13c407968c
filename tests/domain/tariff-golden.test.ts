/**
 * Golden cost computations of the tariff engine: DST days (46 and 50 half-hours), a Tempo colour change
 * at 06:00, an off-peak schedule change mid-history, a price change at a period boundary; energy and
 * cost per period add up to the totals.
 */
import { buildHourlyEnergyCost, HOUR_MS } from '../../src/domain/hourly.js';
import type { Tariff } from '../../src/domain/pricing.js';
import { consumptionTariff, type Prices, type TariffPeriod } from '../../src/domain/tariff.js';
import { addDays, parisMidnightUtc, parisNaiveToUtc } from '../../src/domain/time.js';
import type { CurveReading, DailyEnergy } from '../../src/domain/types.js';

const HALF = HOUR_MS / 2;
const HC_POINT = { pricingOption: 'HC_HP' as const, offpeakHours: [{ start: '22:00', end: '06:00' }] };
const TEMPO_POINT = { pricingOption: 'TEMPO' as const, offpeakHours: [{ start: '22:00', end: '06:00' }] };
const TEMPO = { blue_hc: 0.1, blue_hp: 0.2, white_hc: 0.3, white_hp: 0.4, red_hc: 0.5, red_hp: 0.6 };

function dayCurve(date: string, w: number): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(date); t < parisMidnightUtc(addDays(date, 1)); t += HALF) {
    out.push({ start: t, minutes: 30, w });
  }
  return out;
}

/** Per period: Wh and micro-euros over every hour; plus the totals. */
function split(curve: CurveReading[], tariff: Tariff, daily: DailyEnergy[] = []) {
  const hours = buildHourlyEnergyCost({ curve, daily }, tariff);
  const periods: Partial<Record<TariffPeriod, { wh: number; micro: number }>> = {};
  let wm = 0;
  let micro = 0;
  for (const h of hours) {
    wm += h.wattMinutes;
    micro += h.microEur;
    let hourWm = 0;
    let hourMicro = 0;
    for (const p of h.periods) {
      const bucket = periods[p.period] ?? { wh: 0, micro: 0 };
      periods[p.period] = bucket;
      bucket.wh += p.wattMinutes / 60;
      bucket.micro += p.microEur;
      hourWm += p.wattMinutes;
      hourMicro += p.microEur;
    }
    // Every hour: its periods add up to it exactly.
    expect([hourWm, hourMicro]).toEqual([h.wattMinutes, h.microEur]);
  }
  return { periods, wh: wm / 60, micro };
}

const at = (naive: string) => parisNaiveToUtc(naive);

describe('HC/HP on the DST days', () => {
  const tariff = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3 }, HC_POINT)!;

  it('spring forward: 46 half-hours, 14 of them off-peak (00:00–02:00, 03:00–06:00, 22:00–24:00)', () => {
    const curve = dayCurve('2026-03-29', 1000);
    expect(curve).toHaveLength(46);
    const s = split(curve, tariff);
    expect(s.periods).toEqual({ hc: { wh: 7000, micro: 1_400_000 }, hp: { wh: 16_000, micro: 4_800_000 } });
    expect(s).toMatchObject({ wh: 23_000, micro: 6_200_000 });
  });

  it('fall back: 50 half-hours, 18 off-peak (the repeated 02:00 hour is off-peak twice)', () => {
    const curve = dayCurve('2026-10-25', 1000);
    expect(curve).toHaveLength(50);
    const s = split(curve, tariff);
    expect(s.periods).toEqual({ hc: { wh: 9000, micro: 1_800_000 }, hp: { wh: 16_000, micro: 4_800_000 } });
    expect(s).toMatchObject({ wh: 25_000, micro: 6_600_000 });
  });

  it('a daily-only DST day is split by its minutes (23 h: 7/23 off-peak) and adds up to the Wh', () => {
    const s = split([], tariff, [{ date: '2026-03-29', wh: 23_000 }]);
    expect(s.periods).toEqual({ hc: { wh: 7000, micro: 1_400_000 }, hp: { wh: 16_000, micro: 4_800_000 } });
    const odd = split([], tariff, [{ date: '2026-10-25', wh: 10_001 }]);
    expect(odd.wh).toBe(10_001);
    expect(odd.periods.hc!.wh + odd.periods.hp!.wh).toBe(10_001);
  });
});

describe('Tempo', () => {
  const tempo = { '2026-01-13': 'WHITE', '2026-01-14': 'RED', '2026-01-15': 'BLUE' } as const;
  const tariff = consumptionTariff({ tempo: TEMPO }, TEMPO_POINT, { tempo })!;

  it('a Tempo day runs 06:00 to 06:00: the night before 06:00 has the previous day colour', () => {
    expect(tariff.kind).toBe('tempo');
    expect(tariff.periodAt(at('2026-01-14 05:30:00'))).toBe('white_hc');
    expect(tariff.periodAt(at('2026-01-14 06:00:00'))).toBe('red_hp');
    expect(tariff.periodAt(at('2026-01-14 21:30:00'))).toBe('red_hp');
    expect(tariff.periodAt(at('2026-01-14 22:00:00'))).toBe('red_hc');
    expect(tariff.periodAt(at('2026-01-15 05:59:00'))).toBe('red_hc');
    expect(tariff.periodAt(at('2026-01-15 06:00:00'))).toBe('blue_hp');
    expect(tariff.priceAt(at('2026-01-15 05:30:00'))).toBe(0.5);
    expect(tariff.priceAt(at('2026-01-15 06:00:00'))).toBe(0.2);
  });

  it('golden day 15 January: 12 red off-peak half-hours, 32 blue peak, 4 blue off-peak', () => {
    const s = split(dayCurve('2026-01-15', 2000), tariff);
    expect(s.periods).toEqual({
      blue_hc: { wh: 4000, micro: 400_000 },
      blue_hp: { wh: 32_000, micro: 6_400_000 },
      red_hc: { wh: 12_000, micro: 6_000_000 },
    });
    expect(s).toMatchObject({ wh: 48_000, micro: 12_800_000 });
  });

  it('is chosen from a Tempo contract only when the six prices are set', () => {
    expect(consumptionTariff({ tempo: { ...TEMPO, red_hp: undefined }, baseKwh: 0.2 }, TEMPO_POINT)?.kind).toBe('base');
    expect(consumptionTariff({ tempo: TEMPO, hcKwh: 0.2, hpKwh: 0.3 }, HC_POINT)?.kind).toBe('hc_hp');
  });
});

describe('dated schedules and prices', () => {
  it('uses the off-peak schedule in force on each day', () => {
    const schedules = [
      { from: null, ranges: [{ start: '22:00', end: '06:00' }] },
      { from: '2026-03-01', ranges: [{ start: '23:00', end: '07:00' }] },
    ];
    const tariff = consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3 }, HC_POINT, { schedules })!;
    expect(tariff.periodAt(at('2026-02-28 22:30:00'))).toBe('hc');
    expect(tariff.periodAt(at('2026-03-01 06:30:00'))).toBe('hc');
    expect(tariff.periodAt(at('2026-03-01 22:30:00'))).toBe('hp');
    const feb = split(dayCurve('2026-02-28', 1000), tariff);
    const mar = split(dayCurve('2026-03-01', 1000), tariff);
    // 28 Feb: 00:00–06:00 + 22:00–24:00 = 16 half-hours; 1 Mar: 00:00–07:00 + 23:00–24:00 = 16 as well,
    // but not the same ones.
    expect(feb.periods.hc!.wh).toBe(8000);
    expect(mar.periods.hc!.wh).toBe(8000);
    const evening = dayCurve('2026-03-01', 1000).filter((r) => r.start >= at('2026-03-01 22:00:00'));
    expect(split(evening, tariff).periods).toEqual({
      hc: { wh: 1000, micro: 200_000 },
      hp: { wh: 1000, micro: 300_000 },
    });
  });

  it('a price change on 1 February applies from 00:00 Paris; a row changes only the prices it names', () => {
    const prices: Prices = { hcKwh: 0.2, hpKwh: 0.3, dated: [{ from: '2026-02-01', hpKwh: 0.35 }] };
    const tariff = consumptionTariff(prices, HC_POINT)!;
    const curve: CurveReading[] = [
      { start: at('2026-01-31 21:30:00'), minutes: 30, w: 1000 }, // hp, old price
      { start: at('2026-01-31 23:30:00'), minutes: 30, w: 1000 }, // hc
      { start: at('2026-02-01 00:00:00'), minutes: 30, w: 1000 }, // hc, hc price unchanged
      { start: at('2026-02-01 05:30:00'), minutes: 30, w: 1000 }, // hc
      { start: at('2026-02-01 06:00:00'), minutes: 30, w: 1000 }, // hp, new price
    ];
    const s = split(curve, tariff);
    expect(s.periods).toEqual({ hc: { wh: 1500, micro: 300_000 }, hp: { wh: 1000, micro: 325_000 } });
    expect(s.micro).toBe(625_000);
    expect(tariff.priceOf('2026-01-31', 'hp')).toBe(0.3);
    expect(tariff.priceOf('2026-02-01', 'hp')).toBe(0.35);
  });

  it('the earliest dated price also covers the days before it (no simple setting)', () => {
    const tariff = consumptionTariff(
      {
        dated: [
          { from: '2025-02-01', baseKwh: 0.2 },
          { from: '2025-08-01', baseKwh: 0.25 },
        ],
      },
      HC_POINT,
    )!;
    expect(tariff.kind).toBe('base');
    expect([
      tariff.priceOf('2024-06-01', 'base'),
      tariff.priceOf('2025-07-31', 'base'),
      tariff.priceOf('2025-08-01', 'base'),
    ]).toEqual([0.2, 0.2, 0.25]);
  });
});

describe('monthly subscription', () => {
  it('is spread over the hours of each Paris month and adds up to it exactly (March: 743 hours)', () => {
    const tariff = consumptionTariff(
      { baseKwh: 0.2, subscriptionEurMonth: 15.65, dated: [{ from: '2026-04-01', subscriptionEurMonth: 16 }] },
      HC_POINT,
    )!;
    let march = 0;
    let hours = 0;
    for (let h = parisMidnightUtc('2026-03-01'); h < parisMidnightUtc('2026-04-01'); h += HOUR_MS) {
      march += tariff.subscriptionMicro(h);
      hours++;
    }
    expect(hours).toBe(743);
    expect(march).toBe(15_650_000);
    let april = 0;
    for (let h = parisMidnightUtc('2026-04-01'); h < parisMidnightUtc('2026-05-01'); h += HOUR_MS)
      april += tariff.subscriptionMicro(h);
    expect(april).toBe(16_000_000);
    expect(consumptionTariff({ baseKwh: 0.2 }, HC_POINT)!.subscriptionMicro(parisMidnightUtc('2026-03-01'))).toBe(0);
  });
});
