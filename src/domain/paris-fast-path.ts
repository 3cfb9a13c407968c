/**
 * Fast paths for the hot loops of load-curve normalisation (tens of thousands of readings): on a day
 * without a DST change Paris has one offset all day, so a naive label converts with plain arithmetic;
 * only DST-change days go through the general conversion (`time.ts`). Results are identical to `time.ts`.
 */
import { parisOffsetMs } from './paris-offset.js';
import { addDays, type Fold, parisDate, parisDayHours, parisIso, parisMidnightUtc, parisNaiveToUtc } from './time.js';
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

/** Same as `parisDayHours`: 24 from the per-day cache on an ordinary day, without building any string. */
export function parisDayHoursQuick(date: LocalDate): number {
  return steadyParisOffsetMs(date) !== null ? 24 : parisDayHours(date);
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
 * Since 1977 (`paris-offset.ts`) an instant's Paris offset is a comparison with the year's two changes,
 * and its date the day number of the wall clock: no cache per hour (two years were 17,520 objects and as
 * many strings kept for the life of the process). One string per local day is kept, a few thousand at
 * most, so the hot loops (hourly series, tariff periods, statistic rows) build no date string per call.
 */
const QUICK_FROM = Date.UTC(1977, 0, 1);
const QUICK_UNTIL = Date.UTC(2100, 0, 1);
const dayNames = new Map<number, LocalDate>();
let lastDay = Number.NaN;
let lastName = '';

function dayName(day: number): LocalDate {
  if (day === lastDay) return lastName;
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size >= 8192) dayNames.clear();
    dayNames.set(day, name);
  }
  lastDay = day;
  lastName = name;
  return name;
}

const quick = (ms: number): boolean => ms >= QUICK_FROM && ms < QUICK_UNTIL;

/** Same as `parisDate`. */
export function parisDateQuick(ms: number): LocalDate {
  if (!quick(ms)) return parisDate(ms);
  return dayName(Math.floor((ms + parisOffsetMs(ms)) / DAY_MS));
}

/** Same as `parisOffsetMinutes` (60 or 120). */
export function parisOffsetMinutesQuick(ms: number): number {
  return parisOffsetMs(ms) / 60_000;
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** `T00:00:00+01:00` … `T23:00:00+02:00`: the time and offset of every top of hour, by offset hours. */
const TOPS = [1, 2].map((h) => Array.from({ length: 24 }, (_, hour) => `T${two(hour)}:00:00+0${h}:00`));

/** Same as `parisIso` (`YYYY-MM-DDTHH:MM:SS+01:00`); a few hundred ns per call (API answers of a year). */
export function parisIsoQuick(ms: number): string {
  if (!quick(ms)) return parisIso(ms);
  const offset = parisOffsetMs(ms);
  const local = ms + offset;
  const day = Math.floor(local / DAY_MS);
  const second = Math.floor((local - day * DAY_MS) / 1000);
  const hour = Math.floor(second / 3600);
  const rest = second % 3600;
  const tops = TOPS[offset / HOUR_MS - 1]!;
  if (rest === 0) return dayName(day) + tops[hour]!;
  return `${dayName(day)}T${two(hour)}:${two(Math.floor(rest / 60))}:${two(rest % 60)}+0${offset / HOUR_MS}:00`;
}

/** Same as `parisMidnightUtc`. */
export function parisMidnightUtcQuick(date: LocalDate): number {
  return parisNaiveToUtcQuick(`${date} 00:00:00`);
}
