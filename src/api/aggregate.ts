/**
 * Energy per Paris day, ISO week (Monday to Sunday), month or year. Each day's energy comes from the
 * daily values the store holds (from the gateway's daily route, or derived from a complete curve day by
 * the sync); a day without one but with a complete curve is summed from the curve here; any other day is
 * missing. The quality of a bucket counts its days of each kind, so a partial month is never mistaken
 * for a low one. Totals are whole Wh, the same rounding as the sync's derivation.
 */

import { sumWh } from '../domain/energy.js';
import { addDays, dayNumber, eachDay, fromDayNumber, maxDate, minDate, parisMidnightUtc } from '../domain/time.js';
import type { DateRange, Direction, LocalDate } from '../domain/types.js';
import type { Store } from '../store/repository.js';
import { isCurveDayComplete } from '../streams/index.js';

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface Quality {
  /** Days with a stored daily value. */
  daily: number;
  /** Days summed from a complete curve. */
  curve: number;
  /** Days with neither. */
  missing: number;
}

export interface Bucket {
  start: LocalDate;
  end: LocalDate;
  wh: number;
  quality: Quality;
}

/** First day of the period holding `date`. */
export function periodStart(date: LocalDate, period: Period): LocalDate {
  if (period === 'day') return date;
  if (period === 'month') return `${date.slice(0, 7)}-01`;
  if (period === 'year') return `${date.slice(0, 4)}-01-01`;
  const n = dayNumber(date);
  return fromDayNumber(n - ((n + 3) % 7)); // 1970-01-01 was a Thursday
}

/** First day of the next period. */
export function nextPeriod(start: LocalDate, period: Period): LocalDate {
  if (period === 'day') return addDays(start, 1);
  if (period === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  if (period === 'year') return `${String(y + 1).padStart(4, '0')}-01-01`;
  const m = Number(start.slice(5, 7));
  return m === 12
    ? `${String(y + 1).padStart(4, '0')}-01-01`
    : `${start.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
}

/** Energy of each day of `days` from the curve (whole Wh), read once over their span. */
async function curveDays(
  store: Store,
  pdl: string,
  direction: Direction,
  days: LocalDate[],
): Promise<Map<LocalDate, number>> {
  const out = new Map<LocalDate, number>();
  if (days.length === 0) return out;
  const rows = await store.listCurve(
    pdl,
    direction,
    parisMidnightUtc(days[0]!),
    parisMidnightUtc(addDays(days.at(-1)!, 1)),
  );
  let i = 0;
  for (const day of days) {
    const from = parisMidnightUtc(day);
    const to = parisMidnightUtc(addDays(day, 1));
    while (i < rows.length && rows[i]!.start < from) i++;
    let j = i;
    while (j < rows.length && rows[j]!.start < to) j++;
    out.set(day, Math.round(sumWh(rows.slice(i, j))));
    i = j;
  }
  return out;
}

/** Energy per day of `range`: a number with its source, or null when missing. */
export async function dayEnergy(store: Store, pdl: string, direction: Direction, range: DateRange): Promise<DayEnergy> {
  const out: DayEnergy = new Map();
  for (const d of await store.listDaily(pdl, direction, range)) out.set(d.date, { wh: d.wh, source: 'daily' });
  // The curve's coverage only over the span of the days without a daily value (usually the last few).
  const lacking = eachDay(range).filter((d) => !out.has(d));
  if (lacking.length === 0) return out;
  const span = { start: lacking[0]!, end: addDays(lacking.at(-1)!, 1) };
  const coverage = await store.curveCoverage(pdl, direction, span);
  const fromCurve = coverage
    .filter((c) => !out.has(c.date) && isCurveDayComplete(c.date, c.minutes))
    .map((c) => c.date)
    .sort();
  for (const [date, wh] of await curveDays(store, pdl, direction, fromCurve)) out.set(date, { wh, source: 'curve' });
  return out;
}

export type DayEnergy = Map<LocalDate, { wh: number; source: 'daily' | 'curve' }>;

/** Buckets of `period` covering `range` (the first and last clipped to it), oldest first. Pure. */
export function bucketsOf(days: DayEnergy, range: DateRange, period: Period): Bucket[] {
  const buckets: Bucket[] = [];
  const first = range.start < range.end ? periodStart(range.start, period) : range.end;
  for (let p = first; p < range.end; p = nextPeriod(p, period)) {
    const span = { start: maxDate(p, range.start), end: minDate(nextPeriod(p, period), range.end) };
    const bucket: Bucket = { ...span, wh: 0, quality: { daily: 0, curve: 0, missing: 0 } };
    for (const day of eachDay(span)) {
      const e = days.get(day);
      if (!e) bucket.quality.missing++;
      else {
        bucket.wh += e.wh;
        bucket.quality[e.source]++;
      }
    }
    buckets.push(bucket);
  }
  return buckets;
}

/** Buckets of `period` covering `range` (the first and last clipped to it), oldest first. */
export async function aggregate(
  store: Store,
  pdl: string,
  direction: Direction,
  range: DateRange,
  period: Period,
): Promise<Bucket[]> {
  return bucketsOf(await dayEnergy(store, pdl, direction, range), range, period);
}
