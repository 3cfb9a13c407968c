/** The latest daily maximum power, and its ratio to the subscribed power. Every PDL has both. */
import { parisIso } from '../../domain/time.js';
import type { PdlSnapshot } from '../snapshot/snapshot-types.js';
import type { PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';

const always = (): boolean => true;

export function maxPowerPayload(pdl: PdlSnapshot): StatePayload {
  const m = pdl.maxPower;
  if (!m) return { value: null, unit: 'VA', date: null, quality: 'missing', time: null };
  return { value: m.va, unit: 'VA', date: m.date, quality: 'complete', time: parisIso(m.at) };
}

export function maxPowerRatioPayload(pdl: PdlSnapshot): StatePayload {
  const m = pdl.maxPower;
  const kva = pdl.subscribedPowerKva;
  const ratio = m && kva ? Math.round((m.va / (kva * 1000)) * 1000) / 10 : null;
  return {
    value: ratio,
    unit: '%',
    date: m?.date ?? null,
    quality: ratio === null ? 'missing' : 'complete',
    max_power_va: m?.va ?? null,
    subscribed_power_kva: kva,
  };
}

const maxPowerDocument: PdlDocumentDef = { device: 'pdl', path: 'max_power', when: always, build: maxPowerPayload };
const ratioDocument: PdlDocumentDef = {
  device: 'pdl',
  path: 'max_power_ratio',
  when: always,
  build: maxPowerRatioPayload,
};

export const MAX_POWER = {
  document: maxPowerDocument,
  sensor: {
    key: 'max_power',
    names: { en: 'Max power', fr: 'Puissance max' },
    document: maxPowerDocument,
    field: 'value',
    deviceClass: 'apparent_power',
    unit: 'VA',
  } satisfies PdlSensorDef,
};

export const MAX_POWER_RATIO = {
  document: ratioDocument,
  sensor: {
    key: 'max_power_ratio',
    names: { en: 'Max power / subscribed', fr: 'Puissance max / souscrite' },
    document: ratioDocument,
    field: 'value',
    unit: '%',
    icon: 'mdi:gauge',
  } satisfies PdlSensorDef,
};
