/**
 * Energy prices (EUR per kWh) and hourly costs. A `Tariff` answers "what does one kWh cost at this
 * instant", so richer tariffs (Tempo colours, EJP, weekend off-peak, dated price changes) plug in by
 * implementing the same three members. Costs are computed per reading slice (so a 22:30 off-peak start
 * is exact with half-hour readings) and kept in integer micro-euros per hour.
 */
import { buildHourlyEnergyCost, type EnergyInput, hourStartOf } from './hourly.js';
import { parisOffsetMinutes } from './time.js';
import type { LocalDate, OffpeakRange } from './types.js';

export interface Tariff {
  /** Text that changes whenever any price changes: stored to detect that costs must be recomputed. */
  readonly fingerprint: string;
  /** EUR per kWh for energy used in the interval starting at the UTC instant `startMs`. */
  priceAt(startMs: number): number;
  /** EUR per kWh for a day known only by its daily total (no load curve): a day-weighted estimate. */
  dailyPrice(date: LocalDate): number;
}

export interface HourlyCost {
  hourStart: number;
  /** Cost of the hour in integer micro-euros. */
  microEur: number;
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function flatTariff(eurPerKwh: number): Tariff {
  return { fingerprint: `flat:${eurPerKwh}`, priceAt: () => eurPerKwh, dailyPrice: () => eurPerKwh };
}

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

const offsetCache = new Map<number, number>();

/** Paris local minute of the day (0..1439) of a UTC instant. */
export function parisMinuteOfDay(ms: number): number {
  const hour = hourStartOf(ms);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    offset = parisOffsetMinutes(hour);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  const minutes = Math.floor(ms / 60_000) + offset;
  return ((minutes % 1440) + 1440) % 1440;
}

/** Off-peak (HC) / peak (HP) pair using the usage point's off-peak ranges in Paris local time. */
export function offpeakTariff(prices: { hc: number; hp: number; offpeak: readonly OffpeakRange[] }): Tariff {
  const ranges = [...prices.offpeak];
  for (const r of ranges) {
    minuteOfDay(r.start);
    minuteOfDay(r.end);
  }
  const share = offpeakMinutesPerDay(ranges) / 1440;
  const daily = prices.hc * share + prices.hp * (1 - share);
  const text = ranges.map((r) => `${r.start}-${r.end}`).join(',');
  return {
    fingerprint: `hc_hp:${prices.hc}:${prices.hp}:${text}`,
    priceAt: (ms) => (ranges.some((r) => inRange(parisMinuteOfDay(ms), r)) ? prices.hc : prices.hp),
    dailyPrice: () => daily,
  };
}

/** Cost per UTC hour, sorted; same hours as `buildHourlyEnergy` for the same input. */
export function buildHourlyCost(input: EnergyInput, tariff: Tariff): HourlyCost[] {
  return buildHourlyEnergyCost(input, tariff).map(({ hourStart, microEur }) => ({ hourStart, microEur }));
}
