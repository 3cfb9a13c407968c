/**
 * The JSON shape of a usage point in `GET /api/pdls` and `GET /api/pdls/{pdl}`: what the user needs to
 * recognise the meter and its contract. The gateway's internal UUIDs are not exposed.
 */
import { parisIso } from '../domain/time.js';
import type { Address, Contract } from '../domain/types.js';
import type { StoredUsagePoint, StreamState } from '../store/repository.js';

function addressJson(a: Address | null) {
  if (!a) return null;
  const { street, postalCode, city, locality, inseeCode, country, latitude, longitude } = a;
  return { street, postalCode, city, locality, inseeCode, country, latitude, longitude };
}

function contractJson(c: Contract | null) {
  if (!c) return null;
  return {
    segment: c.segment,
    subscribedPowerKva: c.subscribedPowerKva,
    offpeakHours: c.offpeakHours.map((r) => ({ start: r.start, end: r.end })),
    distributionTariff: c.distributionTariff,
    contractType: c.contractType,
    contractStatus: c.contractStatus,
    usagePointStatus: c.usagePointStatus,
    meterType: c.meterType,
    lastActivationDate: c.lastActivationDate,
    lastDistributionTariffChangeDate: c.lastDistributionTariffChangeDate,
  };
}

/** Latest successful sync of any stream of the PDL (epoch ms), or null. */
export function lastSyncOf(pdl: string, states: StreamState[]): number | null {
  let last: number | null = null;
  for (const s of states) {
    if (s.pdl === pdl && s.lastSuccessAt !== null && (last === null || s.lastSuccessAt > last)) last = s.lastSuccessAt;
  }
  return last;
}

export function pdlJson(p: StoredUsagePoint, states: StreamState[]) {
  const offpeak = p.contract?.offpeakHours.length ? p.contract.offpeakHours : p.offpeakHours;
  const lastSync = lastSyncOf(p.pdl, states);
  return {
    pdl: p.pdl,
    name: p.name,
    isActive: p.isActive,
    hasConsumption: p.hasConsumption,
    hasProduction: p.hasProduction,
    subscribedPowerKva: p.contract?.subscribedPowerKva ?? p.subscribedPowerKva,
    offpeakHours: offpeak.map((r) => ({ start: r.start, end: r.end })),
    pricingOption: p.pricingOption,
    contractStatus: p.contract?.contractStatus ?? null,
    activationDate: p.activationDate,
    oldestAvailableDataDate: p.oldestAvailableDataDate,
    lastSyncAt: lastSync === null ? null : parisIso(lastSync),
    address: addressJson(p.address),
    contract: contractJson(p.contract),
  };
}
