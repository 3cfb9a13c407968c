/**
 * Hourly energy per UTC hour, built by SUMMING energy (never averaging powers) so a missing half-hour
 * lowers an hour instead of doubling another. Energy stays in integer watt-minutes (`energy.ts`).
 *
 * - A curve reading adds `w × minutes` to the hour(s) it covers; a reading that crosses an hour boundary
 *   is split by the minutes on each side (still integers).
 * - A Paris day with a daily value and no curve reading at all puts its whole energy (`wh × 60`) in the
 *   hour starting at its local midnight. A day with a (possibly partial) curve uses the curve only.
 */
import { wattMinutes } from './energy.js';
import { parisDate, parisMidnightUtc } from './time.js';
import type { CurveReading, DailyEnergy, LocalDate } from './types.js';

export const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type HourSource = 'curve' | 'daily';

export interface HourlyEnergy {
  /** UTC instant at the top of the hour (epoch ms). */
  hourStart: number;
  /** Energy of the hour in integer watt-minutes (Wh × 60). */
  wattMinutes: number;
  /** Where the energy came from: the load curve, or a daily total placed at local midnight. */
  source: HourSource;
}

export interface EnergyInput {
  curve: readonly CurveReading[];
  daily: readonly DailyEnergy[];
}

/** A slice of a reading that lies inside one UTC hour. */
export interface ReadingSlice {
  hourStart: number;
  /** UTC start of the slice (epoch ms). */
  start: number;
  wattMinutes: number;
}

export function hourStartOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

/** Cut a reading at UTC hour boundaries. Readings aligned on the hour give one slice. */
export function sliceReading(r: CurveReading): ReadingSlice[] {
  const end = r.start + r.minutes * MINUTE_MS;
  const slices: ReadingSlice[] = [];
  for (let t = r.start; t < end; ) {
    const hourStart = hourStartOf(t);
    const next = Math.min(end, hourStart + HOUR_MS);
    slices.push({ hourStart, start: t, wattMinutes: wattMinutes({ w: r.w, minutes: (next - t) / MINUTE_MS }) });
    t = next;
  }
  return slices;
}

/** Paris days that have at least one curve reading. */
export function curveDays(curve: readonly CurveReading[]): Set<LocalDate> {
  const days = new Set<LocalDate>();
  for (const r of curve) days.add(parisDate(r.start));
  return days;
}

/** Daily values of the days without any curve reading. */
export function dailyOnlyDays(input: EnergyInput): DailyEnergy[] {
  const covered = curveDays(input.curve);
  return input.daily.filter((d) => !covered.has(d.date));
}

/** Hourly energy, sorted by hour; only hours that received data appear. */
export function buildHourlyEnergy(input: EnergyInput): HourlyEnergy[] {
  const hours = new Map<number, HourlyEnergy>();
  const add = (hourStart: number, wm: number, source: HourSource) => {
    const hit = hours.get(hourStart);
    if (hit) hit.wattMinutes += wm;
    else hours.set(hourStart, { hourStart, wattMinutes: wm, source });
  };
  for (const r of input.curve) for (const s of sliceReading(r)) add(s.hourStart, s.wattMinutes, 'curve');
  for (const d of dailyOnlyDays(input)) add(parisMidnightUtc(d.date), d.wh * 60, 'daily');
  return [...hours.values()].sort((a, b) => a.hourStart - b.hourStart);
}

/** Total energy of hourly rows in Wh (exact to the mWh). */
export function totalWh(hours: readonly HourlyEnergy[]): number {
  let wm = 0;
  for (const h of hours) wm += h.wattMinutes;
  return Math.round((wm / 60) * 1000) / 1000;
}
