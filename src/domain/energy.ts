/**
 * Energy arithmetic without float drift: a reading's energy is `w * minutes / 60` Wh. Sums are kept in
 * integer watt-minutes and divided once at the end.
 */
import type { CurveReading } from './types.js';

export function wattMinutes(r: Pick<CurveReading, 'w' | 'minutes'>): number {
  return r.w * r.minutes;
}

/** Wh from integer watt-minutes, rounded to the mWh (exact for 30, 60 and 15-minute readings). */
export function whFromWattMinutes(wattMin: number): number {
  return Math.round((wattMin / 60) * 1000) / 1000;
}

export function readingWh(r: Pick<CurveReading, 'w' | 'minutes'>): number {
  return whFromWattMinutes(wattMinutes(r));
}

/** Exact energy of a set of readings, in Wh (rounded to the mWh once, at the end). */
export function sumWh(readings: Iterable<Pick<CurveReading, 'w' | 'minutes'>>): number {
  let total = 0;
  for (const r of readings) total += wattMinutes(r);
  return whFromWattMinutes(total);
}
