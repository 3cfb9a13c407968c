/**
 * The one tariff engine: which `Tariff` prices a usage point's energy, from the configured prices and
 * the point's contract. Every exporter and the API ask here, so the same prices give the same cost
 * everywhere. Pure.
 *
 * The rule (documented in the README, "Costs"):
 * - consumption: the HC/HP prices when both are set and the contract has off-peak hours (and is not on
 *   the Base option); otherwise the Base price; otherwise no cost at all. A contract with off-peak
 *   hours but only a Base price set is priced at the Base price.
 * - production: the production price when set, else no compensation.
 */
import { flatTariff, offpeakTariff, type Tariff } from './pricing.js';
import type { Contract, Direction, OffpeakRange, PricingOption } from './types.js';

/** EUR per kWh; a missing price means no cost of that kind. */
export interface Prices {
  baseKwh?: number;
  hcKwh?: number;
  hpKwh?: number;
  productionKwh?: number;
}

/** What of a usage point decides its tariff. */
export interface TariffPoint {
  pricingOption: PricingOption | null;
  /** Off-peak ranges of the usage point (used when the contract has none). */
  offpeakHours: readonly OffpeakRange[];
  contract?: Pick<Contract, 'offpeakHours'> | null;
}

/** The off-peak ranges in force: the contract's when it has some, else the usage point's. */
export function offpeakHoursOf(point: TariffPoint): readonly OffpeakRange[] {
  return point.contract?.offpeakHours?.length ? point.contract.offpeakHours : point.offpeakHours;
}

export function consumptionTariff(prices: Prices, point: TariffPoint): Tariff | null {
  const { baseKwh, hcKwh, hpKwh } = prices;
  const offpeak = offpeakHoursOf(point);
  if (hcKwh !== undefined && hpKwh !== undefined && point.pricingOption !== 'BASE' && offpeak.length > 0) {
    return offpeakTariff({ hc: hcKwh, hp: hpKwh, offpeak });
  }
  return baseKwh === undefined ? null : flatTariff(baseKwh);
}

export function productionTariff(prices: Prices): Tariff | null {
  return prices.productionKwh === undefined ? null : flatTariff(prices.productionKwh);
}

/** The tariff of one direction of a usage point; null when no price applies (no cost published). */
export function tariffFor(prices: Prices, point: TariffPoint, direction: Direction): Tariff | null {
  return direction === 'consumption' ? consumptionTariff(prices, point) : productionTariff(prices);
}
