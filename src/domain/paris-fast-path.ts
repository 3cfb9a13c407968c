/**
 * Fast paths for the hot loops of load-curve normalisation (tens of thousands of readings): on a day
 * without a DST change Paris has one offset all day, so a naive label converts with plain arithmetic;
 * only DST-change days go through Temporal (`time.ts`). Results are identical to `time.ts`.
 */
import { addDays, type Fold, parisDate, parisMidnightUtc, parisNaiveToUtc, parisOffsetMinutes } from './time.js';
import type { LocalDate } from './types.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const NAIVE_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const steady = new Map<LocalDate, number | null>();

/** Paris offset (ms) valid for the whole local day, or null on a DST-change day. */
export function steadyParisOffsetMs(date: LocalDate): number | null {
  const hit = steady.get(date);
  if (hit !== undefined) return hit;
  const start = parisMidnightUtc(date);
  const next = parisMidnightUtc(addDays(date, 1));
  const value = next - start === DAY_MS ? Date.parse(`${date}T00:00:00Z`) - start : null;
  if (steady.size > 20_000) steady.clear();
  steady.set(date, value);
  return value;
}

/** Same as `parisNaiveToUtc`, without Temporal on ordinary days. */
export function parisNaiveToUtcQuick(naive: string, fold: Fold = 'earlier'): number {
  const m = NAIVE_RE.exec(naive);
  if (!m) return parisNaiveToUtc(naive, fold);
  const offset = steadyParisOffsetMs(`${m[1]}-${m[2]}-${m[3]}`);
  if (offset === null) return parisNaiveToUtc(naive, fold);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) - offset;
}

/** Same as `parisDate`: Paris is UTC+1 or UTC+2, so when both give the same day that is the day. */
export function parisDateQuick(ms: number): LocalDate {
  const winter = new Date(ms + HOUR_MS).toISOString().slice(0, 10);
  const summer = new Date(ms + 2 * HOUR_MS).toISOString().slice(0, 10);
  return winter === summer ? winter : parisDate(ms);
}

/** Same as `parisOffsetMinutes` (60 or 120), without Temporal outside DST-change days. */
export function parisOffsetMinutesQuick(ms: number): number {
  const offset = steadyParisOffsetMs(parisDateQuick(ms));
  return offset === null ? parisOffsetMinutes(ms) : offset / 60_000;
}

/** Same as `parisMidnightUtc`. */
export function parisMidnightUtcQuick(date: LocalDate): number {
  return parisNaiveToUtcQuick(`${date} 00:00:00`);
}

/** Paris changes its offset at a whole UTC hour (01:00 UTC): one offset per UTC hour is exact. */
const hourOffsets = new Map<number, number>();

/** Same as `parisIso` (`YYYY-MM-DDTHH:MM:SS+01:00`); a few hundred ns per call (API answers of a year). */
export function parisIsoQuick(ms: number): string {
  const hour = Math.floor(ms / HOUR_MS);
  let off = hourOffsets.get(hour);
  if (off === undefined) {
    off = parisOffsetMinutesQuick(ms);
    if (hourOffsets.size > 200_000) hourOffsets.clear();
    hourOffsets.set(hour, off);
  }
  return `${new Date(ms + off * 60_000).toISOString().slice(0, 19)}+0${off / 60}:00`;
}
