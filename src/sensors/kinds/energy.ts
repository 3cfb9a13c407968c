/**
 * Energy of the current periods (yesterday, week, month and year so far) per direction, and the latest
 * metered hour of consumption. These carry values published a day late: they have NO `state_class`
 * (Home Assistant would count them at publication time, in the wrong day, and read each day-to-day drop
 * as negative energy or a reset); the Energy Dashboard uses the imported statistics.
 */
import { addDays, parisDate, parisIso } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { PeriodEnergy } from '../snapshot/period-energy.js';
import type { PdlSnapshot } from '../snapshot/snapshot-types.js';
import type { Names, PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';

export const ENERGY_PERIODS = ['yesterday', 'week', 'month', 'year'] as const;
export type EnergyPeriod = (typeof ENERGY_PERIODS)[number];

export const PERIOD_NAMES: Record<EnergyPeriod, Names> = {
  yesterday: { en: 'yesterday', fr: 'hier' },
  week: { en: 'this week', fr: 'semaine' },
  month: { en: 'this month', fr: 'mois' },
  year: { en: 'this year', fr: 'année' },
};

export const DIRECTION_NAMES: Record<Direction, Names> = {
  consumption: { en: 'Consumption', fr: 'Consommation' },
  production: { en: 'Production', fr: 'Production' },
};

const HOUR_MS = 3_600_000;
const kwh = (wh: number): number => Math.round(wh) / 1000;

export function energyPayload(p: PeriodEnergy): StatePayload {
  return {
    value: p.wh === null ? null : kwh(p.wh),
    unit: 'kWh',
    date: addDays(p.range.end, -1),
    quality: p.quality,
    start: p.range.start,
    wh: p.wh === null ? null : Math.round(p.wh),
    days_from_daily: p.daysFromDaily,
    days_from_curve: p.daysFromCurve,
    days_missing: p.daysMissing,
  };
}

export function lastHourPayload(pdl: PdlSnapshot): StatePayload {
  const h = pdl.lastHour;
  if (!h) return { value: null, unit: 'Wh', date: null, quality: 'missing', start: null, end: null };
  return {
    value: h.wh,
    unit: 'Wh',
    date: parisDate(h.start),
    quality: h.minutesCovered >= 60 ? 'complete' : 'partial',
    start: parisIso(h.start),
    end: parisIso(h.start + HOUR_MS),
  };
}

/** The four period documents of a direction and their sensors; only for a PDL that has the direction. */
function energyOf(direction: Direction) {
  const documents = ENERGY_PERIODS.map(
    (period): PdlDocumentDef => ({
      device: 'pdl',
      path: `${direction}/${period}`,
      when: (p) => p[direction] !== null,
      build: (p) => energyPayload(p[direction]![period]),
    }),
  );
  const sensors = ENERGY_PERIODS.map(
    (period, i): PdlSensorDef => ({
      key: `${direction}_${period}`,
      names: {
        en: `${DIRECTION_NAMES[direction].en} ${PERIOD_NAMES[period].en}`,
        fr: `${DIRECTION_NAMES[direction].fr} ${PERIOD_NAMES[period].fr}`,
      },
      document: documents[i]!,
      field: 'value',
      deviceClass: 'energy',
      unit: 'kWh',
      // V1 unique id for yesterday's value, kept for continuity.
      ...(period === 'yesterday' ? { v1UniqueKey: direction } : {}),
    }),
  );
  return { documents, sensors };
}

export const CONSUMPTION_ENERGY = energyOf('consumption');
export const PRODUCTION_ENERGY = energyOf('production');

const lastHourDocument: PdlDocumentDef = {
  device: 'pdl',
  path: 'consumption/last_hour',
  when: (p) => p.consumption !== null,
  build: lastHourPayload,
};

export const LAST_HOUR = {
  document: lastHourDocument,
  sensor: {
    key: 'consumption_last_hour',
    names: { en: 'Consumption last metered hour', fr: 'Consommation dernière heure relevée' },
    document: lastHourDocument,
    field: 'value',
    deviceClass: 'energy',
    unit: 'Wh',
  } satisfies PdlSensorDef,
};
