/**
 * The Tempo part of a snapshot from the stored colours and an instant, pure. Everything is relative to
 * the Tempo day in force (`tempoDayOf`): between 00:00 and 06:00 Paris "today" is the previous calendar
 * day's colour and "tomorrow" the colour of the calendar day itself. Days left count every held colour
 * of the season, tomorrow's included once published (its colour is spent). The price in force comes
 * from the tariff engine (`tempoPriceAt`).
 */
import { type Prices, tempoPriceAt } from '../../domain/tariff.js';
import { tempoDayOf, tempoPeriodAt, tempoPeriodEnd } from '../../domain/tempo-day.js';
import { addDays, daysBetween } from '../../domain/time.js';
import type { DateRange, TempoColor, TempoDay } from '../../domain/types.js';
import { tempoQuota, tempoSeason } from './calendar-periods.js';
import type { TempoSnapshot } from './snapshot-types.js';

/** The stored days a Tempo snapshot at `nowMs` needs: its season through the next Tempo day. */
export function tempoRange(nowMs: number): DateRange {
  const day = tempoDayOf(nowMs);
  return { start: tempoSeason(day).start, end: addDays(day, 2) };
}

/** `prices` (the configured ones) give the price in force; without Tempo prices it is null. */
export function tempoSnapshot(days: readonly TempoDay[], nowMs: number, prices: Prices = {}): TempoSnapshot {
  const day = tempoDayOf(nowMs);
  const season = tempoSeason(day);
  const byDate = new Map(days.map((d) => [d.date, d.color] as const));
  const quota = tempoQuota(season);
  const used: Record<TempoColor, number> = { BLUE: 0, WHITE: 0, RED: 0 };
  let heldToDay = 0;
  for (const [date, color] of byDate) {
    if (date < season.start || date >= season.end || date > addDays(day, 1)) continue;
    used[color]++;
    if (date <= day) heldToDay++;
  }
  const left = (c: TempoColor) => Math.max(0, quota[c] - used[c]);
  const today = byDate.get(day) ?? null;
  return {
    day,
    today,
    tomorrow: byDate.get(addDays(day, 1)) ?? null,
    period: tempoPeriodAt(nowMs),
    periodEndsAt: tempoPeriodEnd(nowMs),
    season,
    quota,
    used,
    remaining: { BLUE: left('BLUE'), WHITE: left('WHITE'), RED: left('RED') },
    daysUnknown: daysBetween(season.start, day) + 1 - heldToDay,
    price: tempoPriceAt(prices, today, nowMs),
  };
}
