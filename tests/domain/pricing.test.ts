import { buildHourlyEnergy, HOUR_MS } from '../../src/domain/hourly.js';
import {
  buildHourlyCost,
  flatTariff,
  inRange,
  offpeakMinutesPerDay,
  offpeakTariff,
  parisMinuteOfDay,
} from '../../src/domain/pricing.js';
import { addDays, parisMidnightUtc, parisNaiveToUtc } from '../../src/domain/time.js';
import type { CurveReading } from '../../src/domain/types.js';

const NIGHT = [{ start: '22:30', end: '06:30' }];
const tariff = offpeakTariff({ hc: 0.2, hp: 0.3, offpeak: NIGHT });

function dayCurve(date: string, w: number): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(date); t < parisMidnightUtc(addDays(date, 1)); t += HOUR_MS / 2) {
    out.push({ start: t, minutes: 30, w });
  }
  return out;
}

describe('off-peak ranges', () => {
  it('handles a range crossing midnight, start inclusive and end exclusive', () => {
    expect(inRange(22 * 60 + 29, NIGHT[0]!)).toBe(false);
    expect(inRange(22 * 60 + 30, NIGHT[0]!)).toBe(true);
    expect(inRange(0, NIGHT[0]!)).toBe(true);
    expect(inRange(6 * 60 + 29, NIGHT[0]!)).toBe(true);
    expect(inRange(6 * 60 + 30, NIGHT[0]!)).toBe(false);
    expect(offpeakMinutesPerDay(NIGHT)).toBe(8 * 60);
  });

  it('reads Paris local time whatever the process zone, in summer and winter', () => {
    expect(parisMinuteOfDay(parisNaiveToUtc('2026-07-01 22:30:00'))).toBe(22 * 60 + 30);
    expect(parisMinuteOfDay(parisNaiveToUtc('2026-01-15 06:00:00'))).toBe(6 * 60);
    expect(tariff.priceAt(parisNaiveToUtc('2026-07-01 23:00:00'))).toBe(0.2);
    expect(tariff.priceAt(parisNaiveToUtc('2026-07-01 12:00:00'))).toBe(0.3);
  });

  it('rejects malformed times', () => {
    expect(() => offpeakTariff({ hc: 0.2, hp: 0.3, offpeak: [{ start: '25:00', end: '06:00' }] })).toThrow(RangeError);
  });

  it('changes its fingerprint when a price or a range changes', () => {
    const other = offpeakTariff({ hc: 0.21, hp: 0.3, offpeak: NIGHT });
    expect(other.fingerprint).not.toBe(tariff.fingerprint);
    expect(flatTariff(0.25).fingerprint).not.toBe(flatTariff(0.26).fingerprint);
  });
});

describe('buildHourlyCost', () => {
  it('prices each half-hour at its own rate (22:30 boundary inside an hour)', () => {
    const w = 2000;
    const curve = dayCurve('2026-02-09', w);
    const costs = buildHourlyCost({ curve, daily: [] }, tariff);
    const halfHourKwh = (w * 30) / 60_000;
    const at = (naive: string) => costs.find((c) => c.hourStart === parisNaiveToUtc(naive))!.microEur;
    expect(at('2026-02-09 22:00:00')).toBe(Math.round(halfHourKwh * (0.3 + 0.2) * 1e6));
    expect(at('2026-02-09 23:00:00')).toBe(Math.round(halfHourKwh * 2 * 0.2 * 1e6));
    expect(at('2026-02-09 12:00:00')).toBe(Math.round(halfHourKwh * 2 * 0.3 * 1e6));
    const totalKwh = (curve.length * w * 30) / 60_000;
    const expected = totalKwh * (0.2 * (16 / 48) + 0.3 * (32 / 48));
    expect(costs.reduce((s, c) => s + c.microEur, 0)).toBe(Math.round(expected * 1e6));
  });

  it('has the same hours as the energy and a day-weighted price for daily-only days', () => {
    const input = { curve: dayCurve('2026-10-25', 500), daily: [{ date: '2026-10-24', wh: 24_000 }] };
    const costs = buildHourlyCost(input, tariff);
    expect(costs.map((c) => c.hourStart)).toEqual(buildHourlyEnergy(input).map((h) => h.hourStart));
    expect(costs).toHaveLength(26);
    const weighted = (0.2 * 8 + 0.3 * 16) / 24;
    expect(costs[0]).toEqual({ hourStart: parisMidnightUtc('2026-10-24'), microEur: Math.round(24 * weighted * 1e6) });
  });

  it('uses one price for a flat tariff', () => {
    const curve = dayCurve('2026-03-29', 1000);
    const costs = buildHourlyCost({ curve, daily: [] }, flatTariff(0.25));
    expect(costs).toHaveLength(23);
    expect(costs.every((c) => c.microEur === Math.round(1 * 0.25 * 1e6))).toBe(true);
  });
});
