/** Sample domain values for the store tests. */
import { eachDay, parisMidnightUtc } from '../../src/domain/time.js';
import type { Address, Contract, CurveReading, UsagePoint } from '../../src/domain/types.js';

export const PDL = '12345678901234';
export const PDL2 = '98765432109876';

export function usagePoint(pdl: string, overrides: Partial<UsagePoint> = {}): UsagePoint {
  return {
    id: `uuid-${pdl}`,
    pdl,
    name: 'Maison « été »',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '22:00', end: '06:00' }],
    pricingOption: 'HC_HP',
    hasConsumption: true,
    hasProduction: false,
    isActive: true,
    activationDate: '2019-05-04',
    oldestAvailableDataDate: '2021-01-01',
    linkedProductionPdlId: null,
    ...overrides,
  };
}

export function contract(pdl: string): Contract {
  return {
    pdl,
    segment: 'C5',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '01:30', end: '07:30' }],
    distributionTariff: 'BTINFCU4',
    contractType: 'CRAE',
    contractStatus: 'SERVC',
    usagePointStatus: 'com',
    meterType: 'AMM',
    lastActivationDate: '2019-05-04',
    lastDistributionTariffChangeDate: null,
  };
}

export function address(pdl: string): Address {
  return {
    pdl,
    street: '1 rue de la Paix',
    locality: null,
    postalCode: '75002',
    inseeCode: '75102',
    city: 'Paris',
    country: 'France',
    latitude: 48.8686,
    longitude: 2.3314,
  };
}

/** Half-hourly readings covering the Paris days `[start, end)`, with varying power. */
export function halfHours(start: string, end: string, w = (i: number) => 100 + (i % 97)): CurveReading[] {
  const out: CurveReading[] = [];
  const days = eachDay({ start, end });
  if (days.length === 0) return out;
  const to = parisMidnightUtc(end);
  for (let t = parisMidnightUtc(start), i = 0; t < to; t += 1_800_000, i++) {
    out.push({ start: t, minutes: 30, w: w(i) });
  }
  return out;
}
