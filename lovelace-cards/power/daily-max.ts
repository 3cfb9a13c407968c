/**
 * Daily maximum power from the max-power sensor's history (`history/history_during_period`, compressed
 * states `{s, a, lu}`): each state is the maximum of the day in its `date` attribute (the day the meter
 * measured, not the day it was published); the highest one per day wins.
 */
import { localDate } from '../shared/zoned-time.js';

export interface HistoryState {
  s: string;
  a?: Record<string, unknown>;
  lu: number;
}

export interface DayMax {
  date: string;
  va: number;
}

export function dailyMax(states: readonly HistoryState[] | undefined, zone: string): DayMax[] {
  const byDay = new Map<string, number>();
  for (const st of states ?? []) {
    const va = Number(st.s);
    if (!Number.isFinite(va) || st.s === '') continue;
    const date = typeof st.a?.date === 'string' ? st.a.date : localDate(st.lu * 1000, zone);
    byDay.set(date, Math.max(byDay.get(date) ?? 0, va));
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, va]) => ({ date, va }));
}

/** The threshold in VA for `pct` % of the subscribed power, and the days at or above it. */
export function overThreshold(days: readonly DayMax[], kva: number, pct: number): { limitVa: number; over: string[] } {
  const limitVa = (kva * 1000 * pct) / 100;
  return { limitVa, over: days.filter((d) => d.va >= limitVa).map((d) => d.date) };
}
