/**
 * The one tariff engine: which `Tariff` prices a usage point's energy, from the configured prices, the
 * point's contract, its off-peak schedule history and the Tempo colours. Every exporter and the API ask
 * here, so the same prices give the same cost everywhere. Pure (the store side is
 * `store/tariff-history.ts`).
 *
 * The rule (documented in the README, "Tariffs"):
 * - consumption: the `tariff` setting when set; otherwise from the contract: a Tempo contract with the
 *   six Tempo prices is `tempo`; a contract with off-peak hours (not on the Base option) and both HC and
 *   HP prices is `hc_hp`; otherwise `base` when a Base price is set; otherwise no cost at all.
 * - production: the production price when set, else no compensation.
 *
 * Public API for other code: `tariffFor` (or `consumptionTariff` / `productionTariff`) gives a `Tariff`
 * (`pricing.ts`): `periodAt(ms)`, `priceAt(ms)`, `priceOf(date, period)`, `periods`; the per-period
 * split of hours is `buildHourlyEnergyCost` (`hourly.ts`) and of days `buildDailyCost` (`day-cost.ts`).
 */
import { type DatedPrices, hasField, type PriceFields, priceRows } from './dated-prices.js';
import type { OffpeakSchedule } from './offpeak-schedule.js';
import type { Tariff } from './pricing.js';
import { buildTariff, type TariffSpec } from './tariff-build.js';
import { type TariffKind, type TariffPeriod, TEMPO_PERIODS } from './tariff-period.js';
import { tempoDayOf } from './tempo-day.js';
import type { Contract, Direction, LocalDate, OffpeakRange, PricingOption, TempoColor } from './types.js';

export type { TariffKind, TariffPeriod } from './tariff-period.js';

/** EUR per kWh (and EUR per month); a missing price means no cost of that kind. */
export interface Prices extends PriceFields {
  /** The tariff kind; unset: from the contract. */
  tariff?: TariffKind;
  /** Dated periods on top of the simple prices (which apply from the beginning). */
  dated?: readonly DatedPrices[];
}

/** What of a usage point decides its tariff. */
export interface TariffPoint {
  pricingOption: PricingOption | null;
  /** Off-peak ranges of the usage point (used when the contract has none). */
  offpeakHours: readonly OffpeakRange[];
  contract?: Pick<Contract, 'offpeakHours'> | null;
}

/** What the store knows that prices depend on: the dated off-peak schedules and the Tempo colours. */
export interface TariffContext {
  schedules?: readonly OffpeakSchedule[];
  tempo?: Readonly<Record<LocalDate, TempoColor>>;
}

/** The off-peak ranges in force now: the contract's when it has some, else the usage point's. */
export function offpeakHoursOf(point: TariffPoint): readonly OffpeakRange[] {
  return point.contract?.offpeakHours?.length ? point.contract.offpeakHours : point.offpeakHours;
}

/** The dated schedules of the context, or the point's current ranges from the beginning. */
function schedulesOf(point: TariffPoint, context: TariffContext): OffpeakSchedule[] {
  if (context.schedules?.length) return [...context.schedules];
  const ranges = offpeakHoursOf(point);
  return ranges.length ? [{ from: null, ranges: [...ranges] }] : [];
}

/** The consumption tariff kind for these prices and this point, or null when nothing can be priced. */
export function consumptionKind(prices: Prices, point: TariffPoint, context: TariffContext = {}): TariffKind | null {
  const rows = priceRows(prices, prices.dated);
  if (prices.tariff) return prices.tariff;
  if (point.pricingOption === 'TEMPO' && TEMPO_PERIODS.every((p) => hasField(rows, p))) return 'tempo';
  const offpeak = schedulesOf(point, context).length > 0;
  if (point.pricingOption !== 'BASE' && offpeak && hasField(rows, 'hc') && hasField(rows, 'hp')) return 'hc_hp';
  return hasField(rows, 'base') ? 'base' : null;
}

/** The serialisable description of a direction's tariff, or null when no price applies. */
export function tariffSpecFor(
  prices: Prices,
  point: TariffPoint,
  direction: Direction,
  context: TariffContext = {},
): TariffSpec | null {
  const rows = priceRows(prices, prices.dated);
  if (direction === 'production') {
    if (!hasField(rows, 'production')) return null;
    return { kind: 'base', direction, rows, schedules: [], tempo: {} };
  }
  const kind = consumptionKind(prices, point, context);
  if (kind === null) return null;
  const schedules = kind === 'base' ? [] : schedulesOf(point, context);
  const tempo = kind === 'tempo' ? { ...context.tempo } : {};
  return { kind, direction, rows, schedules, tempo };
}

export function consumptionTariff(prices: Prices, point: TariffPoint, context: TariffContext = {}): Tariff | null {
  const spec = tariffSpecFor(prices, point, 'consumption', context);
  return spec ? buildTariff(spec) : null;
}

export function productionTariff(prices: Prices): Tariff | null {
  const spec = tariffSpecFor(prices, { pricingOption: null, offpeakHours: [] }, 'production');
  return spec ? buildTariff(spec) : null;
}

/** The tariff of one direction of a usage point; null when no price applies (no cost published). */
export function tariffFor(
  prices: Prices,
  point: TariffPoint,
  direction: Direction,
  context: TariffContext = {},
): Tariff | null {
  const spec = tariffSpecFor(prices, point, direction, context);
  return spec ? buildTariff(spec) : null;
}

/** The Tempo price in force at an instant: the period it falls in and its price (EUR per kWh). */
export interface TempoPriceNow {
  period: TariffPeriod;
  eurKwh: number;
}

/**
 * The Tempo price in force at `ms` when the Tempo day in force has `color` (Tempo's own off-peak hours,
 * 22:00 to 06:00), priced by the same rules as every Tempo hour; null when the colour is not known yet
 * (never guessed) or no price of that period is set.
 */
export function tempoPriceAt(prices: Prices, color: TempoColor | null, ms: number): TempoPriceNow | null {
  if (color === null) return null;
  const rows = priceRows(prices, prices.dated);
  const tempo = { [tempoDayOf(ms)]: color };
  const tariff = buildTariff({ kind: 'tempo', direction: 'consumption', rows, schedules: [], tempo });
  const period = tariff.periodAt(ms);
  return hasField(rows, period) ? { period, eurKwh: tariff.priceAt(ms) } : null;
}
