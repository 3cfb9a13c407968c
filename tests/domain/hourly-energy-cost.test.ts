/**
 * The one-pass builder (energy and cost together) against the two separate passes it replaced, copied
 * here verbatim as the reference: DST days, partial-curve days (gap filling), daily-only days, readings
 * that cross an hour, and a tariff whose price changes inside an hour.
 */
import { fillCurveGaps } from '../../src/domain/fill-curve-gaps.js';
import {
  buildHourlyEnergy,
  buildHourlyEnergyCost,
  dailyOnlyDays,
  type EnergyInput,
  sliceReading,
} from '../../src/domain/hourly.js';
import { buildHourlyCost, flatTariff, offpeakTariff, type Tariff } from '../../src/domain/pricing.js';
import { addDays, eachDay, parisMidnightUtc } from '../../src/domain/time.js';
import type { CurveReading, DailyEnergy } from '../../src/domain/types.js';

/** The energy pass as it was before the one-pass builder. */
function oldEnergy(input: EnergyInput) {
  const hours = new Map<number, { hourStart: number; wattMinutes: number; source: string }>();
  const add = (hourStart: number, wm: number, source: string) => {
    const hit = hours.get(hourStart);
    if (hit) hit.wattMinutes += wm;
    else hours.set(hourStart, { hourStart, wattMinutes: wm, source });
  };
  for (const r of input.curve) for (const s of sliceReading(r)) add(s.hourStart, s.wattMinutes, 'curve');
  for (const d of dailyOnlyDays(input)) add(parisMidnightUtc(d.date), d.wh * 60, 'daily');
  for (const s of fillCurveGaps(input)) add(s.hourStart, s.wattMinutes, 'estimated');
  return [...hours.values()].sort((a, b) => a.hourStart - b.hourStart);
}

/** The cost pass as it was before the one-pass builder. */
function oldCost(input: EnergyInput, tariff: Tariff) {
  const hours = new Map<number, number>();
  const add = (hourStart: number, x: number) => {
    const micro = Math.round((x / 60_000) * 1e6);
    hours.set(hourStart, (hours.get(hourStart) ?? 0) + micro);
  };
  for (const r of input.curve)
    for (const s of sliceReading(r)) add(s.hourStart, s.wattMinutes * tariff.priceAt(s.start));
  for (const d of dailyOnlyDays(input)) add(parisMidnightUtc(d.date), d.wh * 60 * tariff.dailyPrice(d.date));
  for (const g of fillCurveGaps(input)) add(g.hourStart, g.wattMinutes * tariff.priceAt(g.start));
  return [...hours.entries()]
    .map(([hourStart, microEur]) => ({ hourStart, microEur }))
    .sort((a, b) => a.hourStart - b.hourStart);
}

function day(date: string, minutes: number, seed: number, keep: (i: number) => boolean = () => true): CurveReading[] {
  const out: CurveReading[] = [];
  const end = parisMidnightUtc(addDays(date, 1));
  for (
    let t = parisMidnightUtc(date) + (minutes === 20 ? 10 * 60_000 : 0), i = 0;
    t < end;
    t += minutes * 60_000, i++
  ) {
    if (keep(i))
      out.push({ start: t, minutes: Math.min(minutes, (end - t) / 60_000), w: 150 + ((i * 37 + seed) % 2900) });
  }
  return out;
}

/** Spring-forward (23 h) and fall-back (25 h) days, partial days, daily-only days and an hour-crossing curve. */
function input(): EnergyInput {
  const curve = [
    ...day('2026-03-28', 30, 1),
    ...day('2026-03-29', 30, 2), // 23 hours
    ...day('2026-03-30', 30, 3, (i) => i % 7 !== 3 && (i < 10 || i > 20)), // partial: gaps filled
    ...day('2026-10-24', 15, 4),
    ...day('2026-10-25', 30, 5, (i) => i !== 4 && i !== 5), // 25 hours, partial
    ...day('2026-10-26', 20, 6), // readings starting at :10 and :30, crossing hours
  ];
  const daily: DailyEnergy[] = [
    ...eachDay({ start: '2026-03-20', end: '2026-03-28' }).map((date, i) => ({ date, wh: 7_000 + i * 131 })),
    { date: '2026-03-28', wh: 1 }, // curve already holds more: left as it is
    { date: '2026-03-30', wh: 60_000 },
    { date: '2026-10-25', wh: 45_321 },
    { date: '2026-10-27', wh: 9_999 }, // daily-only, after the curve
  ];
  return { curve, daily };
}

const tariffs: [string, Tariff][] = [
  ['flat', flatTariff(0.2516)],
  ['HC/HP with a 22:30 start', offpeakTariff({ hc: 0.2068, hp: 0.27, offpeak: [{ start: '22:30', end: '06:30' }] })],
  [
    'HC/HP with two ranges',
    offpeakTariff({
      hc: 0.1,
      hp: 0.3,
      offpeak: [
        { start: '01:00', end: '07:00' },
        { start: '12:00', end: '14:00' },
      ],
    }),
  ],
];

describe('buildHourlyEnergyCost (one pass)', () => {
  it.each(tariffs)('equals the old energy and cost passes exactly (%s)', (_name, tariff) => {
    const data = input();
    const one = buildHourlyEnergyCost(data, tariff);
    const energy = oldEnergy(data);
    const cost = oldCost(data, tariff);
    expect(one.map(({ hourStart, wattMinutes, source }) => ({ hourStart, wattMinutes, source }))).toEqual(energy);
    expect(one.map(({ hourStart, microEur }) => ({ hourStart, microEur }))).toEqual(cost);
    expect(one.some((h) => h.source === 'estimated')).toBe(true);
    expect(one.some((h) => h.source === 'daily')).toBe(true);
  });

  it('keeps buildHourlyEnergy and buildHourlyCost as they were', () => {
    const data = input();
    const tariff = tariffs[1]![1];
    expect(buildHourlyEnergy(data)).toEqual(oldEnergy(data));
    expect(buildHourlyCost(data, tariff)).toEqual(oldCost(data, tariff));
  });

  it('gives 0 micro-euros without a tariff and 23/25 hours on DST days', () => {
    const data = input();
    const hours = buildHourlyEnergyCost(data, null);
    expect(hours.every((h) => h.microEur === 0)).toBe(true);
    const inDay = (date: string) =>
      hours.filter((h) => h.hourStart >= parisMidnightUtc(date) && h.hourStart < parisMidnightUtc(addDays(date, 1)));
    expect(inDay('2026-03-29')).toHaveLength(23);
    expect(inDay('2026-10-25')).toHaveLength(25);
  });
});
