/**
 * The contract document (subscribed power, off-peak hours, tariff option, contract status and more) read
 * by four diagnostic sensors, and the address. Every PDL has both.
 */
import type { LocalDate, OffpeakRange, PricingOption } from '../../domain/types.js';
import type { PdlSnapshot } from '../snapshot/snapshot-types.js';
import type { PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';

export const PRICING_OPTIONS: readonly PricingOption[] = ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND'];

const always = (): boolean => true;

export function formatOffpeak(ranges: readonly OffpeakRange[]): string | null {
  return ranges.length ? ranges.map((r) => `${r.start}-${r.end}`).join(';') : null;
}

export function contractPayload(pdl: PdlSnapshot, today: LocalDate): StatePayload {
  const c = pdl.contract;
  return {
    value: pdl.subscribedPowerKva,
    unit: 'kVA',
    date: today,
    quality: c ? 'complete' : pdl.subscribedPowerKva === null ? 'missing' : 'partial',
    subscribed_power_kva: pdl.subscribedPowerKva,
    offpeak_hours: formatOffpeak(pdl.offpeakHours),
    tariff_option: pdl.pricingOption,
    contract_status: c?.contractStatus ?? null,
    segment: c?.segment ?? null,
    distribution_tariff: c?.distributionTariff ?? null,
    meter_type: c?.meterType ?? null,
    last_activation_date: c?.lastActivationDate ?? null,
  };
}

export function addressPayload(pdl: PdlSnapshot, today: LocalDate): StatePayload {
  const a = pdl.address;
  const city = [a?.postalCode, a?.city].filter(Boolean).join(' ');
  const text = [a?.street, city].filter(Boolean).join(', ');
  return {
    value: text || null,
    unit: null,
    date: today,
    quality: text ? 'complete' : 'missing',
    street: a?.street ?? null,
    postal_code: a?.postalCode ?? null,
    city: a?.city ?? null,
    country: a?.country ?? null,
    latitude: a?.latitude ?? null,
    longitude: a?.longitude ?? null,
  };
}

const contractDocument: PdlDocumentDef = {
  device: 'pdl',
  path: 'contract',
  when: always,
  build: (p, s) => contractPayload(p, s.today),
};

const diagnostic = { document: contractDocument, entityCategory: 'diagnostic' } as const;

export const CONTRACT = {
  document: contractDocument,
  sensors: [
    {
      key: 'subscribed_power',
      names: { en: 'Subscribed power', fr: 'Puissance souscrite' },
      field: 'subscribed_power_kva',
      unit: 'kVA',
      icon: 'mdi:meter-electric',
      ...diagnostic,
    },
    {
      key: 'offpeak_hours',
      names: { en: 'Off-peak hours', fr: 'Heures creuses' },
      field: 'offpeak_hours',
      icon: 'mdi:clock-outline',
      ...diagnostic,
    },
    {
      key: 'tariff_option',
      names: { en: 'Tariff option', fr: 'Option tarifaire' },
      field: 'tariff_option',
      deviceClass: 'enum',
      options: PRICING_OPTIONS,
      ...diagnostic,
    },
    {
      key: 'contract_status',
      names: { en: 'Contract status', fr: 'Statut du contrat' },
      field: 'contract_status',
      icon: 'mdi:file-document-outline',
      ...diagnostic,
    },
  ] satisfies PdlSensorDef[],
};

const addressDocument: PdlDocumentDef = {
  device: 'pdl',
  path: 'address',
  when: always,
  build: (p, s) => addressPayload(p, s.today),
};

export const ADDRESS = {
  document: addressDocument,
  sensor: {
    key: 'address',
    names: { en: 'Address', fr: 'Adresse' },
    document: addressDocument,
    field: 'value',
    icon: 'mdi:home-map-marker',
    entityCategory: 'diagnostic',
  } satisfies PdlSensorDef,
};
