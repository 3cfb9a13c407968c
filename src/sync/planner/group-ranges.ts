/**
 * Turns a set of wanted days into the ranges that need the fewest gateway calls: neighbouring runs are
 * merged whenever the merged range costs fewer calls than the two apart (re-fetching held days in
 * between is free of quota and harmless, since every write is an idempotent upsert).
 */
import { addDays, daysBetween } from '../../domain/time.js';
import type { DateRange, LocalDate } from '../../domain/types.js';

export function callsFor(range: DateRange, maxSpan: number): number {
  const len = daysBetween(range.start, range.end);
  return len <= 0 ? 0 : Math.ceil(len / maxSpan);
}

/** Contiguous runs of days (input in any order, duplicates ignored), oldest first. */
export function contiguousRuns(days: Iterable<LocalDate>): DateRange[] {
  const sorted = [...new Set(days)].sort();
  const runs: DateRange[] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.end === day) last.end = addDays(day, 1);
    else runs.push({ start: day, end: addDays(day, 1) });
  }
  return runs;
}

/** Ranges to fetch, newest first. */
export function groupRanges(days: Iterable<LocalDate>, maxSpan: number): DateRange[] {
  const merged: DateRange[] = [];
  for (const run of contiguousRuns(days)) {
    const last = merged[merged.length - 1];
    if (last) {
      const joined = { start: last.start, end: run.end };
      if (callsFor(joined, maxSpan) < callsFor(last, maxSpan) + callsFor(run, maxSpan)) {
        last.end = run.end;
        continue;
      }
    }
    merged.push({ ...run });
  }
  return merged.reverse();
}
