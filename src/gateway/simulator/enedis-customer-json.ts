/** Raw Enedis customers API v5 payloads (every value a string), built from a PDL spec. */
import { parisMidnightUtc, parisOffsetMinutes } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { hashString } from './rng.js';
import type { PdlSpec } from './types.js';

function dateWithOffset(date: LocalDate): string {
  const off = parisOffsetMinutes(parisMidnightUtc(date)) / 60;
  return `${date}+0${off}:00`;
}

function customerId(spec: PdlSpec): string {
  return String(1_000_000_000 + (hashString(spec.usagePointId) % 899_999_999));
}

function usagePoint(spec: PdlSpec): Record<string, unknown> {
  return { usage_point_id: spec.usagePointId, usage_point_status: 'com', meter_type: 'AMM' };
}

export function contractJson(spec: PdlSpec): unknown {
  const contracts: Record<string, string> = {
    segment: 'C5',
    subscribed_power: `${spec.subscribedPowerKva ?? 6} kVA`,
    last_activation_date: dateWithOffset(spec.activationDate),
    distribution_tariff: spec.contractOffpeak ? 'BTINFCUDT' : 'BTINFCUST',
    contract_type: 'CRAE',
    contract_status: 'SERVC',
    last_distribution_tariff_change_date: dateWithOffset(spec.activationDate),
  };
  if (spec.contractOffpeak) contracts.offpeak_hours = spec.contractOffpeak;
  return { customer: { customer_id: customerId(spec), usage_points: [{ usage_point: usagePoint(spec), contracts }] } };
}

export function addressJson(spec: PdlSpec): unknown {
  const usage_point_addresses = {
    street: spec.street,
    locality: spec.city,
    postal_code: spec.postalCode,
    insee_code: spec.inseeCode,
    city: spec.city,
    country: 'France',
    geo_points: { latitude: spec.latitude.toFixed(4), longitude: spec.longitude.toFixed(4), altitude: '112' },
  };
  return {
    customer: {
      customer_id: customerId(spec),
      usage_points: [{ usage_point: { ...usagePoint(spec), usage_point_addresses } }],
    },
  };
}

export function customerJson(spec: PdlSpec): unknown {
  const natural_person = { title: 'M.', firstname: 'Camille', lastname: 'Démo' };
  return { customer: { customer_id: customerId(spec), identity: { natural_person } } };
}

export function contactJson(spec: PdlSpec): unknown {
  return { customer_id: customerId(spec), contact_data: { phone: '0600000000', email: 'demo@example.invalid' } };
}
