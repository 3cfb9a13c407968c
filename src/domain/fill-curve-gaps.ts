/**
 * A day whose load curve has holes but whose daily total is known: the energy the curve misses
 * (daily − curve) is spread over the minutes the curve does not cover, hour by hour, in proportion to the
 * missing minutes of each hour. Hourly rows then add up to the daily total (what Enedis bills) with no
 * spike at midnight. Integers throughout (watt-minutes), largest-remainder apportionment, so nothing is
 * lost or invented. A day whose curve already holds as much as (or more than) its daily total is left as
 * it is: energy is never removed.
 */
import { parisDateQuick } from './paris-fast-path.js';
import { addDays, parisMidnightUtc } from './time.js';
import type { CurveReading, DailyEnergy, LocalDate } from './types.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface GapSlice {
  /** UTC hour that receives the estimated energy. */
  hourStart: number;
  /** Where to price it: the start of the hour. */
  start: number;
  wattMinutes: number;
}

interface DayCurve {
  wattMinutes: number;
  /** Covered minutes per UTC hour start. */
  covered: Map<number, number>;
}

export function fillCurveGaps(input: { curve: readonly CurveReading[]; daily: readonly DailyEnergy[] }): GapSlice[] {
  const days = curveByDay(input.curve);
  const out: GapSlice[] = [];
  for (const d of input.daily) {
    const day = days.get(d.date);
    if (!day) continue;
    const missingWm = d.wh * 60 - day.wattMinutes;
    if (missingWm <= 0) continue;
    out.push(...spread(missingWm, missingMinutesByHour(d.date, day.covered)));
  }
  return out;
}

function curveByDay(curve: readonly CurveReading[]): Map<LocalDate, DayCurve> {
  const days = new Map<LocalDate, DayCurve>();
  for (const r of curve) {
    const date = parisDateQuick(r.start);
    let day = days.get(date);
    if (!day) {
      day = { wattMinutes: 0, covered: new Map() };
      days.set(date, day);
    }
    day.wattMinutes += r.w * r.minutes;
    const end = r.start + r.minutes * MINUTE_MS;
    for (let t = r.start; t < end; ) {
      const hour = Math.floor(t / HOUR_MS) * HOUR_MS;
      const next = Math.min(end, hour + HOUR_MS);
      day.covered.set(hour, (day.covered.get(hour) ?? 0) + (next - t) / MINUTE_MS);
      t = next;
    }
  }
  return days;
}

/** Uncovered minutes of each UTC hour of a Paris day (23, 24 or 25 hours), hours with none left out. */
function missingMinutesByHour(date: LocalDate, covered: Map<number, number>): [number, number][] {
  const out: [number, number][] = [];
  const end = parisMidnightUtc(addDays(date, 1));
  for (let hour = parisMidnightUtc(date); hour < end; hour += HOUR_MS) {
    const missing = 60 - Math.min(60, covered.get(hour) ?? 0);
    if (missing > 0) out.push([hour, missing]);
  }
  return out;
}

/** Split `total` over the hours in proportion to their weights; the integer parts add up exactly. */
function spread(total: number, weights: [number, number][]): GapSlice[] {
  const sum = weights.reduce((n, [, w]) => n + w, 0);
  if (sum === 0) return [];
  const shares = weights.map(([hour, w]) => {
    const exact = (total * w) / sum;
    return { hour, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((n, s) => n + s.whole, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.hour - b.hour)) {
    if (left <= 0) break;
    s.whole += 1;
    left -= 1;
  }
  return shares.filter((s) => s.whole > 0).map((s) => ({ hourStart: s.hour, start: s.hour, wattMinutes: s.whole }));
}
