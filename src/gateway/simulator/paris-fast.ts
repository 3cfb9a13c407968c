/**
 * Europe/Paris offsets by the EU rule (summer time from the last Sunday of March 01:00 UTC to the last Sunday
 * of October 01:00 UTC, in force since 1996), as plain arithmetic. The simulator labels millions of
 * readings; Temporal (`domain/time.ts`) is exact but too slow for that. A test checks both agree.
 */
import type { LocalDate } from '../../domain/types.js';

const HOUR = 3_600_000;
const cache = new Map<number, [number, number]>();

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

function transitions(year: number): [number, number] {
  let t = cache.get(year);
  if (!t) {
    t = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    cache.set(year, t);
  }
  return t;
}

/** Paris offset from UTC in minutes (60 or 120) at a UTC instant. */
export function parisOffsetFast(utcMs: number): number {
  const [spring, fall] = transitions(new Date(utcMs).getUTCFullYear());
  return utcMs >= spring && utcMs < fall ? 120 : 60;
}

/** UTC instant of a Paris wall-clock time; exact from 04:00 on (DST changes happen between 02:00 and 03:00). */
export function parisLocalToUtcFast(date: LocalDate, hh: number, mm = 0, ss = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm, ss);
  return asUtc - parisOffsetFast(asUtc - 2 * HOUR) * 60_000;
}

/** UTC instant of Paris midnight starting `date` (midnight is never inside a transition). */
export function parisMidnightFast(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d);
  return asUtc - parisOffsetFast(asUtc - 2 * HOUR) * 60_000;
}

/** `YYYY-MM-DDTHH:MM:SS+01:00` for a UTC instant. */
export function parisIsoFast(utcMs: number): string {
  const off = parisOffsetFast(utcMs);
  return `${new Date(utcMs + off * 60_000).toISOString().slice(0, 19)}+0${off / 60}:00`;
}
