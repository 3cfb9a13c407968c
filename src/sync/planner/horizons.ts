/**
 * How far back each stream can be fetched and how many days one gateway call covers (reference
 * `gateway-api.md` 5.1). The batch load-curve route raises `start` to today-2y; consumption daily rejects
 * anything older than today-3y; production daily and max power follow Enedis (36 months + 15 days).
 */
import { addDays, addYears, maxDate } from '../../domain/time.js';
import type { LocalDate, UsagePoint } from '../../domain/types.js';
import type { DayStream } from './types.js';

export const MAX_SPAN_DAYS: Record<DayStream, number> = {
  consumption_daily: 365,
  production_daily: 365,
  max_power: 365,
  consumption_curve: 729,
  production_curve: 729,
  tempo: 3650,
};

const HISTORY_YEARS: Record<DayStream, number> = {
  consumption_daily: 3,
  production_daily: 3,
  max_power: 3,
  consumption_curve: 2,
  production_curve: 2,
  tempo: 3,
};

/** First day worth asking for: the history limit, raised to the meter's activation and oldest data date. */
export function horizonStart(stream: DayStream, today: LocalDate, point: UsagePoint | null): LocalDate {
  // One day of margin: "today" at the gateway may already be tomorrow for a call made near midnight.
  let start = addDays(addYears(today, -HISTORY_YEARS[stream]), 1);
  if (point?.activationDate) start = maxDate(start, point.activationDate);
  if (point?.oldestAvailableDataDate) start = maxDate(start, point.oldestAvailableDataDate);
  return start;
}

/** End (exclusive) of what can exist: today (J-1 is the newest day), tomorrow's colour for Tempo. */
export function horizonEnd(stream: DayStream, today: LocalDate): LocalDate {
  return stream === 'tempo' ? addDays(today, 2) : today;
}
