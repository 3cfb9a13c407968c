/**
 * Builds load-curve payload rows the way Enedis and the v2 gateway do, from true UTC instants: wall-clock
 * END labels in Paris, then (v2) a naive shift back by the interval.
 */
import type { RawCurveReading } from '../../src/domain/normalise-load-curve.js';
import { addDays, addNaiveMinutes, parisMidnightUtc, parisNaive } from '../../src/domain/time.js';
import type { LocalDate } from '../../src/domain/types.js';

export interface TrueInterval {
  start: number;
  minutes: number;
  w: number;
}

export function dayIntervals(date: LocalDate, minutes = 30): TrueInterval[] {
  const out: TrueInterval[] = [];
  const end = parisMidnightUtc(addDays(date, 1));
  for (let t = parisMidnightUtc(date), i = 0; t < end; t += minutes * 60_000, i++) {
    out.push({ start: t, minutes, w: 100 + i });
  }
  return out;
}

export function toRows(intervals: TrueInterval[], labels: 'start' | 'end'): RawCurveReading[] {
  return intervals.map((iv) => {
    const endLabel = parisNaive(iv.start + iv.minutes * 60_000);
    return {
      value: iv.w,
      date: labels === 'end' ? endLabel : addNaiveMinutes(endLabel, -iv.minutes),
      intervalLength: `PT${iv.minutes}M`,
    };
  });
}

/** The gateway sorts its output by label (a stable sort). */
export function sortedByLabel(rows: RawCurveReading[]): RawCurveReading[] {
  return [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
