/**
 * A hand-made snapshot (no store): clock Friday 2026-11-27 08:00 Paris.
 * - PDL A (`11111111111111`): consumption and production, both priced; a contract and an address.
 * - PDL B (`22222222222222`): consumption only, unpriced, no data at all, a failing sync.
 * - PDL C (`33333333333333`): production only.
 */
import { parisNaiveToUtc } from '../../src/domain/time.js';
import type { DateRange, Direction } from '../../src/domain/types.js';
import type { PeriodCost } from '../../src/sensors/snapshot/period-cost.js';
import type { PeriodEnergy } from '../../src/sensors/snapshot/period-energy.js';
import type { DirectionSnapshot, PdlSnapshot, Snapshot } from '../../src/sensors/snapshot/snapshot-types.js';

export const PDL_A = '11111111111111';
export const PDL_B = '22222222222222';
export const PDL_C = '33333333333333';
export const TODAY = '2026-11-27';
const END = TODAY;

const counts = (wh: number | null) =>
  wh === null
    ? { daysFromDaily: 0, daysFromCurve: 0, daysMissing: 1, quality: 'missing' as const }
    : { daysFromDaily: 1, daysFromCurve: 0, daysMissing: 0, quality: 'complete' as const };
const energy = (start: string, wh: number | null): PeriodEnergy => ({ range: { start, end: END }, wh, ...counts(wh) });
/** A cost whose HC/HP split is given (HC first); a flat tariff has no split. */
const cost = (
  start: string,
  microEur: number | null,
  tariff: string,
  split?: [number, number, number],
): PeriodCost => ({
  range: { start, end: END },
  microEur,
  tariff,
  tariffPeriods: split ? ['hc', 'hp'] : ['base'],
  periods: split
    ? {
        hc: { wattMinutes: split[0], microEur: split[1] },
        hp: { wattMinutes: split[2], microEur: (microEur ?? 0) - split[1] },
      }
    : microEur === null
      ? {}
      : { base: { wattMinutes: 0, microEur } },
  ...counts(microEur),
});

function direction(d: Direction, wh: [number | null, number | null, number | null, number | null]): DirectionSnapshot {
  return {
    direction: d,
    yesterday: energy('2026-11-26', wh[0]),
    week: energy('2026-11-23', wh[1]),
    month: energy('2026-11-01', wh[2]),
    year: energy('2026-01-01', wh[3]),
    cost: null,
  };
}

const noSync = { lastSuccessAt: null, status: 'never' as const, lastError: null };
const bare = (pdl: string): PdlSnapshot => ({
  pdl,
  name: null,
  consumption: null,
  production: null,
  lastHour: null,
  maxPower: null,
  subscribedPowerKva: null,
  offpeakHours: [],
  pricingOption: null,
  contract: null,
  address: null,
  sync: noSync,
});

const pdlA: PdlSnapshot = {
  ...bare(PDL_A),
  consumption: {
    ...direction('consumption', [10_000, 42_000, 252_500, 3_292_000]),
    cost: {
      // Yesterday 10 kWh: 3 333.33 Wh HC at 0.2 and 6 666.67 Wh HP at 0.3 (watt-minutes: Wh × 60).
      yesterday: cost('2026-11-26', 2_666_667, 'hc_hp:0.2:0.3:22:00-06:00', [200_000, 666_667, 400_000]),
      month: cost('2026-11-01', 67_200_000, 'hc_hp:0.2:0.3:22:00-06:00', [5_400_000, 18_000_000, 9_750_000]),
      year: cost('2026-01-01', 900_000_000, 'hc_hp:0.2:0.3:22:00-06:00', [70_000_000, 233_333_333, 127_520_000]),
    },
  },
  production: {
    ...direction('production', [2_000, 8_000, 52_000, 52_000]),
    cost: {
      yesterday: cost('2026-11-26', 200_000, 'flat:0.1'),
      month: cost('2026-11-01', 5_200_000, 'flat:0.1'),
      year: cost('2026-01-01', 5_200_000, 'flat:0.1'),
    },
  },
  lastHour: { start: parisNaiveToUtc('2026-11-25 23:00:00'), wh: 500, minutesCovered: 60 },
  maxPower: { date: '2026-11-26', va: 6120, at: parisNaiveToUtc('2026-11-26 19:02:00') },
  subscribedPowerKva: 9,
  offpeakHours: [{ start: '22:00', end: '06:00' }],
  pricingOption: 'HC_HP',
  contract: {
    pdl: PDL_A,
    segment: 'C5',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '22:00', end: '06:00' }],
    distributionTariff: 'BTINFCU4',
    contractType: null,
    contractStatus: 'SERVC',
    usagePointStatus: null,
    meterType: 'AMM',
    lastActivationDate: '2019-05-04',
    lastDistributionTariffChangeDate: null,
  },
  address: {
    pdl: PDL_A,
    street: '1 rue de la Paix',
    locality: null,
    postalCode: '75002',
    inseeCode: null,
    city: 'Paris',
    country: 'France',
    latitude: 48.8686,
    longitude: 2.3314,
  },
  sync: { lastSuccessAt: parisNaiveToUtc('2026-11-27 07:30:00'), status: 'ok', lastError: null },
};

const pdlB: PdlSnapshot = {
  ...bare(PDL_B),
  consumption: direction('consumption', [null, null, null, null]),
  sync: { lastSuccessAt: null, status: 'error', lastError: 'quota reached' },
};

const pdlC: PdlSnapshot = { ...bare(PDL_C), production: direction('production', [1_000, 1_000, 1_000, 1_000]) };

const season: DateRange = { start: '2026-09-01', end: '2027-09-01' };

export const KNOWN_SNAPSHOT: Snapshot = {
  takenAt: parisNaiveToUtc('2026-11-27 08:00:00'),
  today: TODAY,
  pdls: [pdlA, pdlB, pdlC],
  tempo: {
    day: TODAY,
    today: 'WHITE',
    tomorrow: 'RED',
    period: 'HP',
    periodEndsAt: parisNaiveToUtc('2026-11-27 22:00:00'),
    season,
    quota: { BLUE: 300, WHITE: 43, RED: 22 },
    used: { BLUE: 85, WHITE: 2, RED: 2 },
    remaining: { BLUE: 215, WHITE: 41, RED: 20 },
    daysUnknown: 0,
    // White HP at the regulated price of 1 February 2026.
    price: { period: 'white_hp', eurKwh: 0.1871 },
  },
  ecowatt: [
    { date: TODAY, level: 1, message: 'Pas d’alerte', hourly: Array(24).fill(1) },
    { date: '2026-11-28', level: 2, message: 'Système tendu', hourly: Array(24).fill(2) },
    null,
    null,
  ],
};
