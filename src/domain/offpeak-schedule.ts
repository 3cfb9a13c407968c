/**
 * Off-peak schedules in force over time: each schedule applies from its `from` day (Paris) until the next
 * one; the first also covers the days before it. The sync keeps this history from the contracts it
 * reads (`store/tariff-history.ts`). Pure.
 */
import type { LocalDate, OffpeakRange } from './types.js';

export interface OffpeakSchedule {
  /** First Paris day of the schedule; null: from the beginning. */
  from: LocalDate | null;
  ranges: OffpeakRange[];
}

/** The schedule in force on `date` (sorted input), or null when there is none. */
export function scheduleOn(schedules: readonly OffpeakSchedule[], date: LocalDate): OffpeakSchedule | null {
  let found: OffpeakSchedule | null = schedules[0] ?? null;
  for (const s of schedules) if (s.from === null || s.from <= date) found = s;
  return found;
}

const key = (ranges: readonly OffpeakRange[]) => ranges.map((r) => `${r.start}-${r.end}`).join(',');

/** True when both lists hold the same ranges in the same order. */
export function sameRanges(a: readonly OffpeakRange[], b: readonly OffpeakRange[]): boolean {
  return key(a) === key(b);
}

/**
 * The history with `ranges` seen on `date`: unchanged when the latest schedule already has them, else
 * a new schedule from `date` (the first one ever is "from the beginning"). An empty list is not a
 * schedule (a contract without off-peak hours keeps the last known ones).
 */
export function withObserved(
  history: readonly OffpeakSchedule[],
  ranges: readonly OffpeakRange[],
  date: LocalDate,
): OffpeakSchedule[] {
  if (ranges.length === 0) return [...history];
  const last = history.at(-1);
  if (last && sameRanges(last.ranges, ranges)) return [...history];
  const from = last ? date : null;
  return [...history.filter((s) => s.from === null || s.from < date), { from, ranges: [...ranges] }];
}
