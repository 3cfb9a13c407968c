/**
 * The simulator labels millions of readings, so it uses the domain's fast Paris paths: plain arithmetic on
 * days with one offset, the general Paris conversion (`domain/time.ts`) on DST-change days and to learn each day's offset.
 * No hand-written DST rule.
 */
import {
  parisIsoQuick,
  parisMidnightUtcQuick,
  parisNaiveToUtcQuick,
  parisOffsetMinutesQuick,
} from '../../domain/paris-fast-path.js';
import type { LocalDate } from '../../domain/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Paris offset from UTC in minutes (60 or 120) at a UTC instant. */
export const parisOffsetFast = parisOffsetMinutesQuick;

/** UTC instant of a Paris wall-clock time (first occurrence of a repeated time). */
export function parisLocalToUtcFast(date: LocalDate, hh: number, mm = 0, ss = 0): number {
  return parisNaiveToUtcQuick(`${date} ${pad(hh)}:${pad(mm)}:${pad(ss)}`);
}

/** UTC instant of Paris midnight starting `date`. */
export const parisMidnightFast = parisMidnightUtcQuick;

/** `YYYY-MM-DDTHH:MM:SS+01:00` for a UTC instant. */
export const parisIsoFast = parisIsoQuick;
