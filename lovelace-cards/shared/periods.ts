/**
 * The bars a card shows: a period (hour … year) and a window of consecutive buckets in the HA time zone.
 * Home Assistant answers `hour`, `day`, `week`, `month`; years are summed from months here.
 */
import { addDays, addMonths, localParts, startOfDay, zonedTime } from './zoned-time.js';

export const PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export type StatPeriod = Exclude<Period, 'year'>;

/** Bars shown when the config does not say. */
export const DEFAULT_COUNT: Record<Period, number> = { hour: 24, day: 30, week: 12, month: 12, year: 5 };

export interface Window {
  period: Period;
  /** Bucket starts (epoch ms), ascending; `end` is the end of the last one. */
  starts: number[];
  end: number;
}

export function statPeriod(period: Period): StatPeriod {
  return period === 'year' ? 'month' : period;
}

/** Start of the bucket of `period` holding `ms` (weeks start on Monday, like HA's statistics). */
export function bucketStart(ms: number, period: Period, zone: string): number {
  const p = localParts(ms, zone);
  switch (period) {
    case 'hour':
      return zonedTime(zone, p.year, p.month, p.day, p.hour);
    case 'day':
      return startOfDay(ms, zone);
    case 'week':
      return zonedTime(zone, p.year, p.month, p.day - p.weekday);
    case 'month':
      return zonedTime(zone, p.year, p.month, 1);
    case 'year':
      return zonedTime(zone, p.year, 1, 1);
  }
}

/** Start of the bucket `n` buckets after the one starting at `start` (n may be negative). */
export function shiftBucket(start: number, period: Period, n: number, zone: string): number {
  switch (period) {
    case 'hour':
      return start + n * 3_600_000;
    case 'day':
      return addDays(start, n, zone);
    case 'week':
      return addDays(start, 7 * n, zone);
    case 'month':
      return addMonths(start, n, zone);
    case 'year':
      return addMonths(start, 12 * n, zone);
  }
}

/** `count` buckets ending with the one that holds `lastMs`. */
export function windowEndingAt(lastMs: number, period: Period, count: number, zone: string): Window {
  const last = bucketStart(lastMs, period, zone);
  const starts: number[] = [];
  for (let i = count - 1; i >= 0; i--) starts.push(shiftBucket(last, period, -i, zone));
  return { period, starts, end: shiftBucket(last, period, 1, zone) };
}

/** The buckets covering `[start, end)`, e.g. the range chosen in the Energy Dashboard. */
export function windowBetween(start: number, end: number, period: Period, zone: string): Window {
  const starts: number[] = [];
  for (let s = bucketStart(start, period, zone); s < end && starts.length < 5000; s = shiftBucket(s, period, 1, zone)) {
    starts.push(s);
  }
  return { period, starts, end: starts.length ? shiftBucket(starts.at(-1)!, period, 1, zone) : end };
}

/** The same window moved by `n` of its own lengths (n = -1: the previous period). */
export function shiftWindow(w: Window, n: number, zone: string): Window {
  const k = w.starts.length * n;
  return {
    period: w.period,
    starts: w.starts.map((s) => shiftBucket(s, w.period, k, zone)),
    end: shiftBucket(w.end, w.period, k, zone),
  };
}

/**
 * The same window one year earlier. Hours and days move by 364 days (52 weeks) so that a Monday faces a
 * Monday; weeks by 52 weeks; months and years by 12 months.
 */
export function lastYearWindow(w: Window, zone: string): Window {
  const move = (s: number) =>
    w.period === 'month' || w.period === 'year' ? addMonths(s, -12, zone) : addDays(s, -364, zone);
  return { period: w.period, starts: w.starts.map(move), end: move(w.end) };
}
