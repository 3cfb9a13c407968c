/**
 * Hourly energy per UTC hour, built by SUMMING energy (never averaging powers) so a missing half-hour
 * lowers an hour instead of doubling another. Energy stays in integer watt-minutes (`energy.ts`).
 *
 * - A curve reading adds `w × minutes` to the hour(s) it covers; a reading that crosses an hour boundary
 *   is split by the minutes on each side (still integers).
 * - A Paris day with a daily value and no curve reading at all puts its whole energy (`wh × 60`) in the
 *   hour starting at its local midnight.
 * - A day with a partial curve and a larger daily value: the missing energy is spread over the hours the
 *   curve does not cover (`fill-curve-gaps.ts`), so the day adds up to its daily total without a spike.
 */
import { wattMinutes } from './energy.js';
import { fillCurveGaps } from './fill-curve-gaps.js';
import { parisDateQuick } from './paris-fast-path.js';
import type { Tariff } from './pricing.js';
import { parisMidnightUtc } from './time.js';
import type { CurveReading, DailyEnergy, LocalDate } from './types.js';

export const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export type HourSource = 'curve' | 'daily' | 'estimated';

export interface HourlyEnergy {
  /** UTC instant at the top of the hour (epoch ms). */
  hourStart: number;
  /** Energy of the hour in integer watt-minutes (Wh × 60). */
  wattMinutes: number;
  /**
   * Where the energy came from: the load curve, a daily total placed at local midnight, or the part of a
   * daily total that a partial curve misses, spread over its gaps.
   */
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
  /** Minutes of the reading inside this hour. */
  minutes: number;
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
    const minutes = (next - t) / MINUTE_MS;
    slices.push({ hourStart, start: t, minutes, wattMinutes: wattMinutes({ w: r.w, minutes }) });
    t = next;
  }
  return slices;
}

/** Paris days that have at least one curve reading. */
export function curveDays(curve: readonly CurveReading[]): Set<LocalDate> {
  const days = new Set<LocalDate>();
  for (const r of curve) days.add(parisDateQuick(r.start));
  return days;
}

/** Daily values of the days without any curve reading. */
export function dailyOnlyDays(input: EnergyInput): DailyEnergy[] {
  const covered = curveDays(input.curve);
  return input.daily.filter((d) => !covered.has(d.date));
}

export interface HourlyEnergyCost extends HourlyEnergy {
  /** Cost of the hour in integer micro-euros (0 without a tariff). */
  microEur: number;
}

/** Integer micro-euros of `wattMinutes × eurPerKwh` (rounded once per slice, as costs always were). */
function microEurOf(eurTimesWattMinutes: number): number {
  return Math.round((eurTimesWattMinutes / 60_000) * 1e6);
}

/**
 * Energy and cost per UTC hour in one pass over the readings (each reading sliced once, the gaps of
 * partial days filled once), sorted by hour; only hours that received data appear. Each slice is
 * priced at its own start, a daily-only day at the tariff's day price, a gap share at its hour start.
 * Without a tariff every `microEur` is 0.
 */
export function buildHourlyEnergyCost(input: EnergyInput, tariff: Tariff | null): HourlyEnergyCost[] {
  const hours = new Map<number, HourlyEnergyCost>();
  const add = (hourStart: number, wm: number, source: HourSource, micro: number) => {
    const hit = hours.get(hourStart);
    if (hit) {
      hit.wattMinutes += wm;
      hit.microEur += micro;
    } else hours.set(hourStart, { hourStart, wattMinutes: wm, source, microEur: micro });
  };
  for (const r of input.curve) {
    for (const s of sliceReading(r)) {
      add(s.hourStart, s.wattMinutes, 'curve', tariff ? microEurOf(s.wattMinutes * tariff.priceAt(s.start)) : 0);
    }
  }
  for (const d of dailyOnlyDays(input)) {
    const wm = d.wh * 60;
    add(parisMidnightUtc(d.date), wm, 'daily', tariff ? microEurOf(wm * tariff.dailyPrice(d.date)) : 0);
  }
  for (const g of fillCurveGaps(input)) {
    add(g.hourStart, g.wattMinutes, 'estimated', tariff ? microEurOf(g.wattMinutes * tariff.priceAt(g.start)) : 0);
  }
  return [...hours.values()].sort((a, b) => a.hourStart - b.hourStart);
}

/** Hourly energy, sorted by hour; only hours that received data appear. */
export function buildHourlyEnergy(input: EnergyInput): HourlyEnergy[] {
  return buildHourlyEnergyCost(input, null).map(({ hourStart, wattMinutes, source }) => ({
    hourStart,
    wattMinutes,
    source,
  }));
}

/** Total energy of hourly rows in Wh (exact to the mWh). */
export function totalWh(hours: readonly HourlyEnergy[]): number {
  let wm = 0;
  for (const h of hours) wm += h.wattMinutes;
  return Math.round((wm / 60) * 1000) / 1000;
}
