import { sumWh } from '../../src/domain/energy.js';
import { fillCurveGaps } from '../../src/domain/fill-curve-gaps.js';
import { buildHourlyEnergy, HOUR_MS, totalWh } from '../../src/domain/hourly.js';
import { buildHourlyCost, flatTariff } from '../../src/domain/pricing.js';
import { addDays, parisMidnightUtc } from '../../src/domain/time.js';
import type { CurveReading } from '../../src/domain/types.js';

/** Half-hour readings of a whole Paris day at a constant power. */
function dayCurve(date: string, w: number): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(date); t < parisMidnightUtc(addDays(date, 1)); t += HOUR_MS / 2) {
    out.push({ start: t, minutes: 30, w });
  }
  return out;
}

describe('fillCurveGaps', () => {
  const date = '2026-02-09';
  const midnight = parisMidnightUtc(date);

  it('puts the energy a missing half-hour lacks into that hour, so the day adds up to its daily total', () => {
    const curve = dayCurve(date, 1000).filter((r) => r.start !== midnight + 5 * HOUR_MS + HOUR_MS / 2);
    const dailyWh = sumWh(curve) + 700;
    const rows = buildHourlyEnergy({ curve, daily: [{ date, wh: dailyWh }] });
    expect(totalWh(rows)).toBe(dailyWh);
    const hour5 = rows.find((r) => r.hourStart === midnight + 5 * HOUR_MS)!;
    expect(hour5.wattMinutes).toBe(1000 * 30 + 700 * 60);
    expect(rows.filter((r) => r.hourStart !== hour5.hourStart).every((r) => r.wattMinutes === 1000 * 60)).toBe(true);
  });

  it('splits the missing energy over the gaps in proportion to their minutes, to the watt-minute', () => {
    const gone = new Set([midnight + 2 * HOUR_MS, midnight + 2 * HOUR_MS + HOUR_MS / 2, midnight + 9 * HOUR_MS]);
    const curve = dayCurve(date, 800).filter((r) => !gone.has(r.start));
    // The first half-hour as three 10-minute readings (24,010 W·min): the missing energy is then not a
    // multiple of 3 W·min, so splitting it needs the largest-remainder rule.
    const first = curve.shift()!;
    curve.unshift(...[801, 800, 800].map((w, i) => ({ start: first.start + i * 600_000, minutes: 10, w })));
    const curveWm = curve.reduce((n, r) => n + r.w * r.minutes, 0);
    const wh = Math.ceil(curveWm / 60) + 10;
    const total = wh * 60 - curveWm;
    expect(total % 3).not.toBe(0);
    const fill = fillCurveGaps({ curve, daily: [{ date, wh }] });
    expect(fill.reduce((n, s) => n + s.wattMinutes, 0)).toBe(total);
    const byHour = new Map(fill.map((s) => [s.hourStart, s.wattMinutes]));
    expect([Math.floor((2 * total) / 3), Math.ceil((2 * total) / 3)]).toContain(byHour.get(midnight + 2 * HOUR_MS));
    expect(byHour.get(midnight + 9 * HOUR_MS)).toBe(total - byHour.get(midnight + 2 * HOUR_MS)!);
    expect(fill).toHaveLength(2);
  });

  it('never removes energy: a curve holding more than the daily total is kept as it is', () => {
    const curve = dayCurve(date, 500).slice(1);
    expect(fillCurveGaps({ curve, daily: [{ date, wh: 10 }] })).toEqual([]);
    expect(totalWh(buildHourlyEnergy({ curve, daily: [{ date, wh: 10 }] }))).toBe(sumWh(curve));
  });

  it('fills the 25 hours of the fall-back day and the 23 of the spring day', () => {
    for (const [day, hours] of [
      ['2026-10-25', 25],
      ['2026-03-29', 23],
    ] as const) {
      const fill = fillCurveGaps({
        curve: [{ start: parisMidnightUtc(day), minutes: 30, w: 100 }],
        daily: [{ date: day, wh: 10_050 }],
      });
      expect(new Set(fill.map((s) => s.hourStart)).size).toBe(hours);
      expect(fill.reduce((n, s) => n + s.wattMinutes, 0)).toBe(10_050 * 60 - 100 * 30);
    }
  });

  it('prices the estimated energy too, so costs cover the daily total', () => {
    const curve = dayCurve(date, 1000).slice(0, -2);
    const wh = sumWh(curve) + 1000;
    const cost = buildHourlyCost({ curve, daily: [{ date, wh }] }, flatTariff(0.2));
    const microEur = cost.reduce((n, c) => n + c.microEur, 0);
    expect(microEur).toBe(Math.round(wh * 0.2 * 1000));
  });
});
