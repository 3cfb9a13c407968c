/** Grouping of days into consecutive ranges and fixed-size chunks, as the gateway does before calling Enedis. */
import { addDays, daysBetween } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import type { ServedReading } from './dataset.js';

/** Consecutive runs of sorted days, as inclusive `[first, last]` pairs. */
export function groupRanges(days: LocalDate[]): [LocalDate, LocalDate][] {
  const out: [LocalDate, LocalDate][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && addDays(last[1], 1) === d) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

/** Split an inclusive range into inclusive chunks of at most `size` days. */
export function chunkRange(first: LocalDate, last: LocalDate, size: number): [LocalDate, LocalDate][] {
  const out: [LocalDate, LocalDate][] = [];
  for (let a = first; a <= last; a = addDays(a, size)) {
    const b = addDays(a, size - 1);
    out.push([a, b <= last ? b : last]);
  }
  return out;
}

export function inclusiveDays(first: LocalDate, last: LocalDate): LocalDate[] {
  const n = daysBetween(first, last);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(first, i));
}

export function curveJson(readings: ServedReading[]): Record<string, string>[] {
  return readings.map((r) => ({
    value: String(r.w),
    date: r.label,
    interval_length: `PT${r.minutes}M`,
    measure_type: 'B',
  }));
}

/** A load-curve day is complete with at least 90 % of its nominal readings (48 at PT30M…). */
export function isCompleteDay(readings: ServedReading[]): boolean {
  if (readings.length === 0) return false;
  return readings.length >= 0.9 * ((24 * 60) / readings[0]!.minutes);
}
