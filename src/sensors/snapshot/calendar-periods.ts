/**
 * Calendar periods in Paris local days, pure. "Current" periods run from their first day up to
 * yesterday: Linky data arrives the day after (D+1), so today never has a value.
 */
import { addDays, dayNumber, daysBetween } from '../../domain/time.js';
import type { DateRange, LocalDate, TempoColor } from '../../domain/types.js';

export interface CurrentPeriods {
  yesterday: DateRange;
  week: DateRange;
  month: DateRange;
  year: DateRange;
}

/** ISO week starts on Monday. 1970-01-01 (day 0) was a Thursday. */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return addDays(date, -weekday);
}

export function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function yearStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 4)}-01-01`;
}

/** Periods containing `today`, each ending (exclusive) at today. */
export function currentPeriods(today: LocalDate): CurrentPeriods {
  return {
    yesterday: { start: addDays(today, -1), end: today },
    week: { start: weekStart(today), end: today },
    month: { start: monthStart(today), end: today },
    year: { start: yearStart(today), end: today },
  };
}

/** The Tempo season (1 September → 31 August) containing `date`, end exclusive. */
export function tempoSeason(date: LocalDate): DateRange {
  const year = Number(date.slice(0, 4));
  const startYear = Number(date.slice(5, 7)) >= 9 ? year : year - 1;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-09-01` };
}

/**
 * Days of each colour in a season: 43 white, 22 red, the rest blue (300, or 301 when the season
 * holds a 29 February).
 */
export function tempoQuota(season: DateRange): Record<TempoColor, number> {
  return { BLUE: daysBetween(season.start, season.end) - 65, WHITE: 43, RED: 22 };
}
