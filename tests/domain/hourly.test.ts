import { sumWh } from '../../src/domain/energy.js';
import { buildHourlyEnergy, HOUR_MS, sliceReading, totalWh } from '../../src/domain/hourly.js';
import { addDays, parisDayHours, parisIso, parisMidnightUtc } from '../../src/domain/time.js';
import type { CurveReading } from '../../src/domain/types.js';

/** Half-hour readings covering a whole Paris day, with varying powers. */
function dayCurve(date: string, base = 400): CurveReading[] {
  const from = parisMidnightUtc(date);
  const to = parisMidnightUtc(addDays(date, 1));
  const out: CurveReading[] = [];
  for (let t = from, i = 0; t < to; t += HOUR_MS / 2, i++)
    out.push({ start: t, minutes: 30, w: base + ((i * 37) % 900) });
  return out;
}

describe('buildHourlyEnergy', () => {
  it.each([
    ['2026-03-29', 23],
    ['2026-10-25', 25],
    ['2026-06-01', 24],
  ])('gives one row per UTC hour on %s and conserves the energy', (date, hours) => {
    const curve = dayCurve(date);
    expect(curve).toHaveLength(parisDayHours(date) * 2);
    const rows = buildHourlyEnergy({ curve, daily: [] });
    expect(rows).toHaveLength(hours);
    expect(totalWh(rows)).toBe(sumWh(curve));
    expect(rows.every((r) => r.hourStart % HOUR_MS === 0 && r.source === 'curve')).toBe(true);
    expect(rows[0]!.wattMinutes).toBe(curve[0]!.w * 30 + curve[1]!.w * 30);
  });

  it('sums (never averages) the half-hours: a missing half-hour lowers its hour only', () => {
    const curve = dayCurve('2026-02-09').filter((_, i) => i !== 3);
    const rows = buildHourlyEnergy({ curve, daily: [] });
    expect(rows[1]!.wattMinutes).toBe(curve[2]!.w * 30);
    expect(totalWh(rows)).toBe(sumWh(curve));
  });

  it('puts a daily-only day at its local midnight and ignores daily values of curve days', () => {
    const curve = dayCurve('2026-02-10');
    const rows = buildHourlyEnergy({
      curve,
      daily: [
        { date: '2026-02-09', wh: 12_345 },
        { date: '2026-02-10', wh: 99_999 },
      ],
    });
    const daily = rows.filter((r) => r.source === 'daily');
    expect(daily).toEqual([{ hourStart: parisMidnightUtc('2026-02-09'), wattMinutes: 12_345 * 60, source: 'daily' }]);
    expect(parisIso(daily[0]!.hourStart)).toBe('2026-02-09T00:00:00+01:00');
    expect(totalWh(rows)).toBe(12_345 + sumWh(curve));
  });

  it('splits a reading that crosses an hour boundary by minutes', () => {
    const start = parisMidnightUtc('2026-02-09') + 30 * 60_000;
    const slices = sliceReading({ start, minutes: 60, w: 1000 });
    expect(slices.map((s) => s.wattMinutes)).toEqual([30_000, 30_000]);
    expect(slices[1]!.hourStart - slices[0]!.hourStart).toBe(HOUR_MS);
  });
});
