/**
 * Energy prices (EUR per kWh) and hourly costs. A `Tariff` answers "which period is this instant in and
 * what does one kWh cost then"; `tariff-build.ts` builds one for every tariff kind (Base, HC/HP with
 * dated off-peak schedules, Tempo) with dated prices. Costs are computed per reading slice (so a 22:30
 * off-peak start is exact with half-hour readings) and kept in integer micro-euros per hour.
 */
import { buildHourlyEnergyCost, type EnergyInput } from './hourly.js';
import { buildTariff, type TariffSpec } from './tariff-build.js';
import type { TariffKind, TariffPeriod } from './tariff-period.js';
import type { LocalDate, OffpeakRange } from './types.js';

export { inRange, minuteOfDay, offpeakMinutesPerDay, parisMinuteOfDay } from './offpeak-time.js';

export interface Tariff {
  /** Text that changes whenever the configuration changes (prices, kind, schedules; not Tempo colours). */
  readonly fingerprint: string;
  readonly kind: TariffKind;
  /** The periods this tariff bills, in display order (`['base']`, `['hc', 'hp']`, the six Tempo ones). */
  readonly periods: readonly TariffPeriod[];
  /** The serialisable description it was built from. */
  readonly spec: TariffSpec;
  /** The period of the instant `ms` (UTC epoch ms). */
  periodAt(ms: number): TariffPeriod;
  /** EUR per kWh of `period` on the Paris day `date`. */
  priceOf(date: LocalDate, period: TariffPeriod): number;
  /** EUR per kWh for energy used in the interval starting at the UTC instant `startMs`. */
  priceAt(startMs: number): number;
  /** Minutes of the Paris day `date` in each period (23, 24 or 25 hours in all), in period order. */
  daySplit(date: LocalDate): [TariffPeriod, number][];
  /** EUR per kWh of a day known only by its daily total: the minute-weighted mean of its periods. */
  dailyPrice(date: LocalDate): number;
  /** The monthly subscription's share of the UTC hour `hourStart`, integer micro-euros (0 when unset). */
  subscriptionMicro(hourStart: number): number;
}

export interface HourlyCost {
  hourStart: number;
  /** Cost of the hour in integer micro-euros. */
  microEur: number;
}

const flatSpec = (kind: 'base', eur: number): TariffSpec => ({
  kind,
  direction: 'consumption',
  rows: [{ from: null, values: { base: eur } }],
  schedules: [],
  tempo: {},
});

export function flatTariff(eurPerKwh: number): Tariff {
  return buildTariff(flatSpec('base', eurPerKwh));
}

/** Off-peak (HC) / peak (HP) pair using one off-peak schedule in Paris local time. */
export function offpeakTariff(prices: { hc: number; hp: number; offpeak: readonly OffpeakRange[] }): Tariff {
  return buildTariff({
    kind: 'hc_hp',
    direction: 'consumption',
    rows: [{ from: null, values: { hc: prices.hc, hp: prices.hp } }],
    schedules: [{ from: null, ranges: [...prices.offpeak] }],
    tempo: {},
  });
}

/** Cost per UTC hour, sorted; same hours as `buildHourlyEnergy` for the same input. */
export function buildHourlyCost(input: EnergyInput, tariff: Tariff): HourlyCost[] {
  return buildHourlyEnergyCost(input, tariff).map(({ hourStart, microEur }) => ({ hourStart, microEur }));
}
