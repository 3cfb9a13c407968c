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
import { splitInteger } from './split-integer.js';
import type { TariffPeriod } from './tariff-period.js';
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

/** Energy and cost of one tariff period inside an hour. */
export interface PeriodAmount {
  period: TariffPeriod;
  wattMinutes: number;
  microEur: number;
}

export interface HourlyEnergyCost extends HourlyEnergy {
  /** Cost of the hour in integer micro-euros (0 without a tariff): the sum of its periods' costs. */
  microEur: number;
  /** The hour split by tariff period (empty without a tariff); adds up to `wattMinutes` and `microEur`. */
  periods: PeriodAmount[];
}

/** Integer micro-euros of `wattMinutes × eurPerKwh` (rounded once per slice, as costs always were). */
function microEurOf(eurTimesWattMinutes: number): number {
  return Math.round((eurTimesWattMinutes / 60_000) * 1e6);
}

type AddFn = (hourStart: number, wm: number, source: HourSource, period: TariffPeriod | null, micro: number) => void;

function collector(): { add: AddFn; hours: Map<number, HourlyEnergyCost> } {
  const hours = new Map<number, HourlyEnergyCost>();
  const add: AddFn = (hourStart, wm, source, period, micro) => {
    let hit = hours.get(hourStart);
    if (hit) {
      hit.wattMinutes += wm;
      hit.microEur += micro;
    } else {
      hit = { hourStart, wattMinutes: wm, source, microEur: micro, periods: [] };
      hours.set(hourStart, hit);
    }
    if (period === null) return;
    const p = hit.periods.find((x) => x.period === period);
    if (p) {
      p.wattMinutes += wm;
      p.microEur += micro;
    } else hit.periods.push({ period, wattMinutes: wm, microEur: micro });
  };
  return { add, hours };
}

/** A day known only by its total: split over its periods by minutes, each share priced at its period. */
function addDailyOnly(add: AddFn, d: DailyEnergy, tariff: Tariff | null): void {
  const hour = parisMidnightUtc(d.date);
  const wm = d.wh * 60;
  if (!tariff) {
    add(hour, wm, 'daily', null, 0);
    return;
  }
  const split = tariff.daySplit(d.date);
  const shares = splitInteger(
    wm,
    split.map(([, minutes]) => minutes),
  );
  for (const [i, [period]] of split.entries()) {
    const share = shares[i]!;
    add(hour, share, 'daily', period, microEurOf(share * tariff.priceOf(d.date, period)));
  }
}

/**
 * Energy and cost per UTC hour in one pass over the readings (each reading sliced once, the gaps of
 * partial days filled once), sorted by hour; only hours that received data appear. Each slice is
 * priced at its own start and put in its period; a daily-only day is split over its periods by
 * minutes; a gap share is priced at its own start. Without a tariff every `microEur` is 0.
 */
export function buildHourlyEnergyCost(input: EnergyInput, tariff: Tariff | null): HourlyEnergyCost[] {
  const { add, hours } = collector();
  const slice = (hourStart: number, start: number, wm: number, source: HourSource) => {
    if (!tariff) {
      add(hourStart, wm, source, null, 0);
      return;
    }
    const period = tariff.periodAt(start);
    add(hourStart, wm, source, period, microEurOf(wm * tariff.priceOf(parisDateQuick(start), period)));
  };
  for (const r of input.curve) for (const s of sliceReading(r)) slice(s.hourStart, s.start, s.wattMinutes, 'curve');
  for (const d of dailyOnlyDays(input)) addDailyOnly(add, d, tariff);
  for (const g of fillCurveGaps(input)) slice(g.hourStart, g.start, g.wattMinutes, 'estimated');
  const out = [...hours.values()].sort((a, b) => a.hourStart - b.hourStart);
  if (tariff)
    for (const h of out) h.periods.sort((a, b) => tariff.periods.indexOf(a.period) - tariff.periods.indexOf(b.period));
  return out;
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
