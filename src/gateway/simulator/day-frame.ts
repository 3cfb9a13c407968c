/**
 * The intervals of one Paris day, and their labels, computed with plain arithmetic: the Paris offset is read
 * once at each end of the day (`paris-fast.ts`, checked against `domain/time.ts` by a test), and on the two DST days the change
 * happens at 01:00 UTC (EU rule). Fast enough to label three years of half-hours in a few milliseconds.
 */
import { addDays } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { parisMidnightFast, parisOffsetFast } from './paris-fast.js';

const MIN = 60_000;

export interface DayFrame {
  date: LocalDate;
  minutes: number;
  /** UTC instant of Paris midnight starting the day. */
  startUtc: number;
  /** Number of intervals (46/50 half-hours on DST days). */
  count: number;
  /** Paris offset in minutes before and after 01:00 UTC of that day. */
  offsetBefore: number;
  offsetAfter: number;
  transitionUtc: number;
}

export function dayFrame(date: LocalDate, minutes: number): DayFrame {
  const startUtc = parisMidnightFast(date);
  const endUtc = parisMidnightFast(addDays(date, 1));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return {
    date,
    minutes,
    startUtc,
    count: Math.round((endUtc - startUtc) / (minutes * MIN)),
    offsetBefore: parisOffsetFast(startUtc),
    offsetAfter: parisOffsetFast(endUtc - 1),
    transitionUtc: Date.UTC(y, m - 1, d, 1),
  };
}

export function offsetAt(frame: DayFrame, utc: number): number {
  return utc >= frame.transitionUtc ? frame.offsetAfter : frame.offsetBefore;
}

const DAY = 86_400_000;
const dayStrings = new Map<number, string>();
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` of a "local as UTC" millisecond value, with cached day strings (hot path). */
function naive(ms: number): string {
  const dayN = Math.floor(ms / DAY);
  let day = dayStrings.get(dayN);
  if (day === undefined) {
    day = new Date(dayN * DAY).toISOString().slice(0, 10);
    dayStrings.set(dayN, day);
  }
  const secs = Math.floor((ms - dayN * DAY) / 1000);
  return `${day} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
}

/** UTC start instant of interval `i`. */
export function intervalStartUtc(frame: DayFrame, i: number): number {
  return frame.startUtc + i * frame.minutes * MIN;
}

/** Raw Enedis label of interval `i`: the wall-clock time at its end (`D+1 00:00:00` for the last one). */
export function endLabel(frame: DayFrame, i: number): string {
  const t = intervalStartUtc(frame, i + 1);
  return naive(t + offsetAt(frame, t) * MIN);
}

/** v2 gateway label: the end label minus the interval, naively (duplicate or impossible labels on DST days). */
export function shiftedStartLabel(frame: DayFrame, i: number): string {
  const t = intervalStartUtc(frame, i + 1);
  return naive(t + offsetAt(frame, t) * MIN - frame.minutes * MIN);
}

/** Naive Paris wall-clock time of an instant inside the day. */
export function naiveInDay(frame: DayFrame, utc: number): string {
  return naive(utc + offsetAt(frame, utc) * MIN);
}

/** Local hour (fractional, 0..24) at the start of interval `i`. */
export function localHour(frame: DayFrame, i: number): number {
  const t = intervalStartUtc(frame, i);
  const local = t + offsetAt(frame, t) * MIN;
  return (((local % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
}
