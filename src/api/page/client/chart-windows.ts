/**
 * What each chart period shows: 30 days, 12 ISO weeks, 12 months (against the 12 before), or up to 10 years, always
 * ending with today (exclusive: the API holds complete days only).
 */
import type { AggregatePeriod } from './api-types.js';
import { addDays, addMonths, addYears, type Day, monthStart, yearStart } from './dates.js';
import type { Range } from './energy-api.js';

/** `hour`: one day of the load curve (hour-view.ts); the others read the aggregate route. */
export const CHART_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

export interface ChartWindow {
  period: AggregatePeriod;
  /** The bars. */
  range: Range;
  /** Fetched for the comparison ticks (the same buckets one year earlier), if any. */
  compare: Range | null;
}

export function chartWindow(period: AggregatePeriod, today: Day): ChartWindow {
  if (period === 'day') return { period, range: { start: addDays(today, -30), end: today }, compare: null };
  if (period === 'week') {
    const start = addDays(mondayOf(addDays(today, -1)), -7 * 11);
    return { period, range: { start, end: today }, compare: null };
  }
  if (period === 'month') {
    const start = monthStart(addMonths(monthStart(addDays(today, -1)), -11));
    return { period, range: { start, end: today }, compare: { start: addYears(start, -1), end: start } };
  }
  return { period, range: { start: addYears(yearStart(addDays(today, -1)), -9), end: today }, compare: null };
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: Day): Day {
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** The bucket holding `day`: its first day, for the given period. */
export function bucketOf(day: Day, period: ChartPeriod): Day {
  if (period === 'day' || period === 'hour') return day;
  if (period === 'week') return mondayOf(day);
  return period === 'month' ? monthStart(day) : yearStart(day);
}
