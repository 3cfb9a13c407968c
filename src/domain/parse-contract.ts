/**
 * Contract and address from the raw Enedis customers API v5 shape the gateway passes through. Every
 * value is a string there: `"9 kVA"`, `"HC (22H00-6H00;12H00-14H00)"`, `"2013-08-14+01:00"`; the address
 * sits inside `usage_point`.
 */
import { parseEnedisDate } from './parse-enedis-date.js';
import { parseOffpeakHours } from './parse-offpeak.js';
import type { Address, Contract } from './types.js';

type Text = string | null | undefined;

export interface RawUsagePointEntry {
  usage_point?: {
    usage_point_id?: Text;
    usage_point_status?: Text;
    meter_type?: Text;
    usage_point_addresses?: {
      street?: Text;
      locality?: Text;
      postal_code?: Text;
      insee_code?: Text;
      city?: Text;
      country?: Text;
      geo_points?: { latitude?: Text; longitude?: Text; altitude?: Text } | null;
    } | null;
  } | null;
  contracts?: {
    segment?: Text;
    subscribed_power?: Text;
    last_activation_date?: Text;
    distribution_tariff?: Text;
    offpeak_hours?: Text;
    contract_type?: Text;
    contract_status?: Text;
    last_distribution_tariff_change_date?: Text;
  } | null;
}

export interface RawCustomer {
  customer: { customer_id?: Text; usage_points: RawUsagePointEntry[] };
}

/** `"9 kVA"` → 9, `"12"` → 12, `"6,5 kVA"` → 6.5; null when there is no number. */
export function parseKva(value: Text): number | null {
  if (!value) return null;
  const m = /(\d+(?:[.,]\d+)?)/.exec(value);
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

function orNull(value: Text): string | null {
  const t = value?.trim();
  return t ? t : null;
}

function numberOrNull(value: Text): number | null {
  const t = value?.trim();
  if (!t) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** The entry for `pdl`, or the first one when the gateway answered for a single point without its id. */
export function findUsagePoint(raw: RawCustomer, pdl: string): RawUsagePointEntry | undefined {
  const points = raw.customer.usage_points;
  return points.find((p) => p.usage_point?.usage_point_id === pdl) ?? points[0];
}

export function parseContract(raw: RawCustomer, pdl: string): Contract {
  const entry = findUsagePoint(raw, pdl);
  const c = entry?.contracts ?? {};
  const up = entry?.usage_point ?? {};
  return {
    pdl,
    segment: orNull(c.segment),
    subscribedPowerKva: parseKva(c.subscribed_power),
    offpeakHours: parseOffpeakHours(c.offpeak_hours ?? null),
    distributionTariff: orNull(c.distribution_tariff),
    contractType: orNull(c.contract_type),
    contractStatus: orNull(c.contract_status),
    usagePointStatus: orNull(up.usage_point_status),
    meterType: orNull(up.meter_type),
    lastActivationDate: parseEnedisDate(c.last_activation_date),
    lastDistributionTariffChangeDate: parseEnedisDate(c.last_distribution_tariff_change_date),
  };
}

export function parseAddress(raw: RawCustomer, pdl: string): Address {
  const a = findUsagePoint(raw, pdl)?.usage_point?.usage_point_addresses ?? {};
  return {
    pdl,
    street: orNull(a.street),
    locality: orNull(a.locality),
    postalCode: orNull(a.postal_code),
    inseeCode: orNull(a.insee_code),
    city: orNull(a.city),
    country: orNull(a.country),
    latitude: numberOrNull(a.geo_points?.latitude),
    longitude: numberOrNull(a.geo_points?.longitude),
  };
}
