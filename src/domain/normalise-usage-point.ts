/** A PDL object of the gateway's `/pdl` list → `UsagePoint`. */
import { parseEnedisDate } from './parse-enedis-date.js';
import { parseOffpeakHours } from './parse-offpeak.js';
import type { PricingOption, UsagePoint } from './types.js';

export interface RawUsagePoint {
  id: string;
  usage_point_id: string;
  name?: string | null;
  subscribed_power?: number | string | null;
  offpeak_hours?: unknown;
  pricing_option?: string | null;
  has_consumption?: boolean | null;
  has_production?: boolean | null;
  is_active?: boolean | null;
  activation_date?: string | null;
  oldest_available_data_date?: string | null;
  linked_production_pdl_id?: string | null;
}

const PRICING_OPTIONS: readonly PricingOption[] = ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND'];

function pricingOption(value: string | null | undefined): PricingOption | null {
  const upper = value?.trim().toUpperCase();
  return PRICING_OPTIONS.find((p) => p === upper) ?? null;
}

function kva(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(n) ? n : null;
}

export function normaliseUsagePoint(raw: RawUsagePoint): UsagePoint {
  return {
    id: raw.id,
    pdl: raw.usage_point_id,
    name: raw.name?.trim() || null,
    subscribedPowerKva: kva(raw.subscribed_power),
    offpeakHours: parseOffpeakHours(raw.offpeak_hours ?? null),
    pricingOption: pricingOption(raw.pricing_option),
    hasConsumption: raw.has_consumption ?? true,
    hasProduction: raw.has_production ?? false,
    isActive: raw.is_active ?? true,
    activationDate: parseEnedisDate(raw.activation_date),
    oldestAvailableDataDate: parseEnedisDate(raw.oldest_available_data_date),
    linkedProductionPdlId: raw.linked_production_pdl_id ?? null,
  };
}
