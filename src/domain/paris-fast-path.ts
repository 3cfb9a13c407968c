/**
 * Fast paths for the hot loops of load-curve normalisation (tens of thousands of readings): on a day
 * without a DST change Paris has one offset all day, so a naive label converts with plain arithmetic;
 * only DST-change days go through the general conversion (`time.ts`). Results are identical to `time.ts`.
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

/** Same as `parisNaiveToUtc`, with plain arithmetic on ordinary days. */
export function parisNaiveToUtcQuick(naive: string, fold: Fold = 'earlier'): number {
  const m = NAIVE_RE.exec(naive);
  if (!m) return parisNaiveToUtc(naive, fold);
  const offset = steadyParisOffsetMs(`${m[1]}-${m[2]}-${m[3]}`);
  if (offset === null) return parisNaiveToUtc(naive, fold);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) - offset;
}

/**
 * Paris changes its offset, and its date at local midnight, only at whole UTC hours: one offset and one
 * date per UTC hour are exact. Both are kept per hour (two years are 17,520 entries) so that the hot
 * loops (hourly series, tariff periods, statistic rows) pay a map lookup per call, not a date format.
 */
interface HourInfo {
  /** Paris offset from UTC in minutes (60 or 120). */
  offset: number;
  date: LocalDate;
  /** `parisIso` of the top of the hour, made on first use (statistic rows ask it once per statistic). */
  iso?: string;
}
const hours = new Map<number, HourInfo>();

function hourInfo(ms: number): HourInfo {
  const hour = Math.floor(ms / HOUR_MS);
  let info = hours.get(hour);
  if (info === undefined) {
    const at = hour * HOUR_MS;
    const winter = new Date(at + HOUR_MS).toISOString().slice(0, 10);
    const summer = new Date(at + 2 * HOUR_MS).toISOString().slice(0, 10);
    const date = winter === summer ? winter : parisDate(at);
    const steadyOffset = steadyParisOffsetMs(date);
    info = { offset: steadyOffset === null ? parisOffsetMinutes(at) : steadyOffset / 60_000, date };
    if (hours.size > 200_000) hours.clear();
    hours.set(hour, info);
  }
  return info;
}

/** Same as `parisDate`. */
export function parisDateQuick(ms: number): LocalDate {
  return hourInfo(ms).date;
}

/** Same as `parisOffsetMinutes` (60 or 120), kept per UTC hour. */
export function parisOffsetMinutesQuick(ms: number): number {
  return hourInfo(ms).offset;
}

/** Same as `parisMidnightUtc`. */
export function parisMidnightUtcQuick(date: LocalDate): number {
  return parisNaiveToUtcQuick(`${date} 00:00:00`);
}

/** Same as `parisIso` (`YYYY-MM-DDTHH:MM:SS+01:00`); a few hundred ns per call (API answers of a year). */
export function parisIsoQuick(ms: number): string {
  const info = hourInfo(ms);
  const top = ms % HOUR_MS === 0;
  if (top && info.iso !== undefined) return info.iso;
  const iso = `${new Date(ms + info.offset * 60_000).toISOString().slice(0, 19)}+0${info.offset / 60}:00`;
  if (top) info.iso = iso;
  return iso;
}
