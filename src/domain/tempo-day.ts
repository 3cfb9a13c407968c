/**
 * The Tempo calendar in Paris time, pure. A Tempo day `D` runs from 06:00 on `D` to 06:00 on `D+1`
 * (the gateway and the store label colours by that day), so between 00:00 and 06:00 the colour in force
 * is the previous calendar day's. Off-peak hours (HC) are 22:00–06:00 for every Tempo contract, peak
 * hours (HP) 06:00–22:00. RTE publishes the next Tempo day's colour at 10:30 the day before (the
 * contractual time; EDF relays it around 11:00), so before 10:30 only the day in force is known.
 *
 * The tariff engine prices Tempo hours with the same rules (`tempoPeriodAt`, `tempoDayOf`).
 */
import { parisMinuteOfDay } from './pricing.js';
import { addDays, parisDate, parisNaiveToUtc } from './time.js';
import type { LocalDate, OffpeakRange } from './types.js';

export type TempoPeriod = 'HC' | 'HP';

const DAY_START_MIN = 6 * 60;
const OFFPEAK_START_MIN = 22 * 60;
/** RTE's publication time of the next Tempo day's colour, Paris minute of the day (10:30). */
export const TEMPO_PUBLICATION_MIN = 10 * 60 + 30;

/** Off-peak hours of every Tempo contract. */
export const TEMPO_OFFPEAK: readonly OffpeakRange[] = [{ start: '22:00', end: '06:00' }];

/** The Tempo day in force at the UTC instant `ms` (the previous calendar day before 06:00 Paris). */
export function tempoDayOf(ms: number): LocalDate {
  const date = parisDate(ms);
  return parisMinuteOfDay(ms) < DAY_START_MIN ? addDays(date, -1) : date;
}

/** HC from 22:00 to 06:00 Paris, HP from 06:00 to 22:00. */
export function tempoPeriodAt(ms: number): TempoPeriod {
  const m = parisMinuteOfDay(ms);
  return m >= OFFPEAK_START_MIN || m < DAY_START_MIN ? 'HC' : 'HP';
}

/** UTC instant the Tempo period in force at `ms` ends (the next 06:00 or 22:00 Paris). */
export function tempoPeriodEnd(ms: number): number {
  const date = parisDate(ms);
  const m = parisMinuteOfDay(ms);
  if (m < DAY_START_MIN) return parisNaiveToUtc(`${date} 06:00:00`);
  if (m < OFFPEAK_START_MIN) return parisNaiveToUtc(`${date} 22:00:00`);
  return parisNaiveToUtc(`${addDays(date, 1)} 06:00:00`);
}

/** UTC instant a Tempo day starts (06:00 Paris on that date). */
export function tempoDayStart(day: LocalDate): number {
  return parisNaiveToUtc(`${day} 06:00:00`);
}

/**
 * End (exclusive) of the Tempo days whose colour can be published at `ms`: through the next calendar
 * day from 10:30 Paris, through today before (today's colour was published yesterday).
 */
export function tempoPublishedEnd(ms: number): LocalDate {
  const date = parisDate(ms);
  return addDays(date, parisMinuteOfDay(ms) >= TEMPO_PUBLICATION_MIN ? 2 : 1);
}
