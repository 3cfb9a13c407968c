/**
 * Time in Europe/Paris, explicitly. Nothing here reads the process time zone.
 *
 * Calendar-day arithmetic on `YYYY-MM-DD` strings is pure calendar maths (UTC-based day numbers, no zone
 * involved). Conversions between local Paris wall-clock time and UTC instants take the offset from the
 * runtime's time-zone rules (`paris-offset.ts`, DST included) and resolve ambiguous and skipped wall-clock
 * times the way Temporal does (`disambiguation: 'compatible'` or `'later'`).
 */
import { parisOffsetMs } from './paris-offset.js';
import type { DateRange, LocalDate } from './types.js';

export const PARIS = 'Europe/Paris';
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a calendar date. Throws on a malformed or impossible date. */
export function dayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  }
  return ms / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isLocalDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar years back, clamping 29 February to 28 February. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isLocalDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}

/** Number of days from `a` to `b` (`b - a`). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function eachDay(range: DateRange): LocalDate[] {
  const out: LocalDate[] = [];
  const end = dayNumber(range.end);
  for (let n = dayNumber(range.start); n < end; n++) out.push(fromDayNumber(n));
  return out;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** `YYYY-MM-DDTHH:MM:SS` of Paris wall-clock time at an instant. */
function wallIso(ms: number): string {
  return new Date(ms + parisOffsetMs(ms)).toISOString().slice(0, 19);
}

/** The Paris calendar day containing the UTC instant `ms`. */
export function parisDate(ms: number): LocalDate {
  return wallIso(ms).slice(0, 10);
}

/** Paris wall-clock time of an instant, `YYYY-MM-DD HH:MM:SS`. */
export function parisNaive(ms: number): string {
  const wall = wallIso(ms);
  return `${wall.slice(0, 10)} ${wall.slice(11)}`;
}

/** `+01:00` for an offset in ms (seconds shown only when there are some: Paris Mean Time before 1911). */
function offsetText(offsetMs: number): string {
  const abs = Math.abs(Math.round(offsetMs / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const hm = `${offsetMs < 0 ? '-' : '+'}${two(Math.floor(abs / 3600))}:${two(Math.floor(abs / 60) % 60)}`;
  return abs % 60 === 0 ? hm : `${hm}:${two(abs % 60)}`;
}

/** ISO 8601 with the Paris offset, e.g. `2026-02-09T00:00:00+01:00`. */
export function parisIso(ms: number): string {
  return `${wallIso(ms)}${offsetText(parisOffsetMs(ms))}`;
}

/** Offset of Paris from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(ms: number): number {
  return parisOffsetMs(ms) / 60_000;
}

export type Fold = 'earlier' | 'later';
const naiveCache = new Map<string, number>();
const NAIVE_PARSE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/i;

/** A naive wall-clock time read as if it were UTC (ms); throws a RangeError when it is not one. */
function naiveAsUtc(naive: string): number {
  const m = NAIVE_PARSE_RE.exec(naive);
  if (!m) throw new RangeError(`not a YYYY-MM-DD HH:MM:SS time: ${JSON.stringify(naive)}`);
  const day = dayNumber(`${m[1]}-${m[2]}-${m[3]}`);
  const [h, min, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) throw new RangeError(`not a time of day: ${JSON.stringify(naive)}`);
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  return day * DAY_MS + ((h * 60 + min) * 60 + sec) * 1000 + ms;
}

/**
 * The instant showing `local` (a wall-clock time read as UTC) in Paris. Around a change the offsets a
 * day before and a day after give the candidates: both valid is the repeated hour (`earlier` takes the
 * first, `later` the second), none valid is the skipped hour, moved forward by the change.
 */
function resolveLocal(local: number, fold: Fold): number {
  const before = parisOffsetMs(local - DAY_MS);
  const after = parisOffsetMs(local + DAY_MS);
  const first = local - before;
  const second = local - after;
  if (before === after) return first;
  const firstOk = parisOffsetMs(first) === before;
  const secondOk = parisOffsetMs(second) === after;
  if (firstOk && secondOk) return fold === 'later' ? Math.max(first, second) : Math.min(first, second);
  if (secondOk) return second;
  return first;
}

/**
 * UTC instant of a naive Paris wall-clock time (`YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS`).
 * An ambiguous time (the repeated hour of the fall-back day) resolves to its first occurrence (summer
 * time) with `earlier`, its second (winter time) with `later`. A non-existent time (spring-forward gap)
 * is moved forward, as Temporal's `compatible` rule does.
 */
export function parisNaiveToUtc(naive: string, fold: Fold = 'earlier'): number {
  const key = `${naive}|${fold}`;
  const hit = naiveCache.get(key);
  if (hit !== undefined) return hit;
  const ms = resolveLocal(naiveAsUtc(naive), fold);
  if (naiveCache.size > 200_000) naiveCache.clear();
  naiveCache.set(key, ms);
  return ms;
}

/** True when a naive Paris time occurs twice (the repeated hour of the fall-back day). */
export function isAmbiguousParis(naive: string): boolean {
  return parisNaiveToUtc(naive, 'earlier') !== parisNaiveToUtc(naive, 'later');
}

/** UTC instant of Paris midnight starting the given day. */
export function parisMidnightUtc(date: LocalDate): number {
  return parisNaiveToUtc(`${date} 00:00:00`);
}

/** Length of a Paris day in hours: 23 on the spring-forward day, 25 on the fall-back day, else 24. */
export function parisDayHours(date: LocalDate): number {
  return (parisMidnightUtc(addDays(date, 1)) - parisMidnightUtc(date)) / 3_600_000;
}

/** Today's date in Paris at the instant `nowMs`. */
export function parisToday(nowMs: number): LocalDate {
  return parisDate(nowMs);
}

const NAIVE_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Naive wall-clock arithmetic (no zone): `2026-03-29 01:30:00` + 30 → `2026-03-29 02:00:00`. */
export function addNaiveMinutes(naive: string, minutes: number): string {
  const m = NAIVE_RE.exec(naive.trim());
  if (!m) throw new RangeError(`not a YYYY-MM-DD HH:MM:SS time: ${JSON.stringify(naive)}`);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)) + minutes * 60_000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** True when `naive` is a well-formed `YYYY-MM-DD HH:MM[:SS]` (or `T`-separated) wall-clock time. */
export function isNaiveDateTime(naive: string): boolean {
  return NAIVE_RE.test(naive.trim());
}
