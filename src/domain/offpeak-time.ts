/** Local-time helpers of off-peak ranges (Paris wall clock). Pure. */
import { parisOffsetMinutesQuick } from './paris-fast-path.js';
import type { OffpeakRange } from './types.js';

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since local midnight of an `HH:MM` string (`24:00` is 1440). */
export function minuteOfDay(hhmm: string): number {
  if (!HHMM_RE.test(hhmm)) throw new RangeError(`not an HH:MM time: ${JSON.stringify(hhmm)}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** True when the local minute `m` (0..1439) lies in the range (start inclusive, end exclusive). */
export function inRange(m: number, range: OffpeakRange): boolean {
  const start = minuteOfDay(range.start);
  const end = minuteOfDay(range.end);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** Minutes per day covered by the off-peak ranges (overlaps counted once). */
export function offpeakMinutesPerDay(ranges: readonly OffpeakRange[]): number {
  let n = 0;
  for (let m = 0; m < 1440; m++) if (ranges.some((r) => inRange(m, r))) n++;
  return n;
}

/** A 1440-entry table: true for each off-peak local minute. */
export function offpeakMask(ranges: readonly OffpeakRange[]): boolean[] {
  const mask: boolean[] = [];
  for (let m = 0; m < 1440; m++) mask.push(ranges.some((r) => inRange(m, r)));
  return mask;
}

/** Paris local minute of the day (0..1439) of a UTC instant. */
export function parisMinuteOfDay(ms: number): number {
  const minutes = Math.floor(ms / 60_000) + parisOffsetMinutesQuick(ms);
  return ((minutes % 1440) + 1440) % 1440;
}
