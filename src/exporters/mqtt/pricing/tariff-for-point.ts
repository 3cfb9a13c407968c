/**
 * Which tariff prices a usage point's energy, from the MQTT exporter's price options. Pure.
 * Consumption: HC/HP prices with the point's off-peak ranges when both are set and the point has
 * off-peak hours (and is not on the Base option); otherwise the Base price; otherwise none.
 * Production: the production price when set. No tariff → no cost sensors.
 */
import { flatTariff, offpeakTariff, type Tariff } from '../../../domain/pricing.js';
import type { OffpeakRange, PricingOption } from '../../../domain/types.js';

export interface MqttPrices {
  /** EUR per kWh. */
  baseKwh?: number;
  hcKwh?: number;
  hpKwh?: number;
  productionKwh?: number;
}

export interface PointPricing {
  pricingOption: PricingOption | null;
  offpeakHours: readonly OffpeakRange[];
}

export function consumptionTariff(prices: MqttPrices, point: PointPricing): Tariff | null {
  const { baseKwh, hcKwh, hpKwh } = prices;
  const offpeak = point.pricingOption !== 'BASE' && point.offpeakHours.length > 0;
  if (hcKwh !== undefined && hpKwh !== undefined && offpeak) {
    return offpeakTariff({ hc: hcKwh, hp: hpKwh, offpeak: point.offpeakHours });
  }
  return baseKwh === undefined ? null : flatTariff(baseKwh);
}

export function productionTariff(prices: MqttPrices): Tariff | null {
  return prices.productionKwh === undefined ? null : flatTariff(prices.productionKwh);
}
