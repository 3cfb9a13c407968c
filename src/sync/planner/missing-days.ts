/**
 * Which days of a day-based stream to ask for: every day of the horizon that is not complete in the
 * store and whose back-off has elapsed, plus the trailing window (always re-checked for late and
 * corrected data, whatever its attempts say), plus the missing days whose publication is due (`pollStart`).
 */
import { addDays, eachDay, maxDate } from '../../domain/time.js';
import type { DateRange, LocalDate } from '../../domain/types.js';
import type { DayAttempt } from '../../store/repository.js';
import { isDue } from './backoff.js';
import type { DayStreamHolding } from './types.js';

export interface MissingDaysInput {
  horizon: DateRange;
  holding: DayStreamHolding;
  now: number;
  /** First day of the trailing window (inclusive); days from there to the horizon end are always wanted. */
  trailingStart: LocalDate;
  /** First day (inclusive) of the days asked while missing whatever their back-off (publication due). */
  pollStart?: LocalDate;
}

export function missingDays(input: MissingDaysInput): LocalDate[] {
  const { horizon, holding, now } = input;
  const attempts = new Map<LocalDate, DayAttempt>(holding.attempts.map((a) => [a.date, a]));
  const trailingStart = maxDate(input.trailingStart, horizon.start);
  const out: LocalDate[] = [];
  for (const day of eachDay(horizon)) {
    if (day >= trailingStart) {
      out.push(day);
      continue;
    }
    if (holding.completeDays.has(day)) continue;
    if ((input.pollStart !== undefined && day >= input.pollStart) || isDue(attempts.get(day), now)) out.push(day);
  }
  return out;
}

/** First day of the trailing window for a stream ending (exclusive) at `end`. */
export function trailingWindowStart(end: LocalDate, trailingDays: number): LocalDate {
  return addDays(end, -trailingDays);
}
