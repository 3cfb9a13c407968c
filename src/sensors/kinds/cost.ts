/**
 * Cost of consumption / compensation of production, yesterday and month so far, in EUR; only for a PDL
 * whose direction is priced. Home Assistant allows only `total` for `monetary`; `last_reset` (start of the
 * day / month) makes each new period a new cycle, so the next day's lower value is not booked as a
 * negative amount.
 */
import { addDays, parisIso, parisMidnightUtc } from '../../domain/time.js';
import type { Direction } from '../../domain/types.js';
import type { PeriodCost } from '../snapshot/period-cost.js';
import type { Names, PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';
import { PERIOD_NAMES } from './energy.js';

export const COST_PERIODS = ['yesterday', 'month', 'year'] as const;

/** Cost word per direction: what is paid for consumption, what is earned for production. */
export const COST_WORD = { consumption: 'cost', production: 'compensation' } as const;

const COST_NAMES: Record<Direction, Names> = {
  consumption: { en: 'Consumption cost', fr: 'Coût consommation' },
  production: { en: 'Production compensation', fr: 'Revente production' },
};

/** Cost of a period in EUR, rounded to the cent, with the period's first local midnight as `last_reset`. */
export function costPayload(p: PeriodCost): StatePayload {
  return {
    value: p.microEur === null ? null : Math.round(p.microEur / 10_000) / 100,
    unit: 'EUR',
    date: addDays(p.range.end, -1),
    quality: p.quality,
    start: p.range.start,
    last_reset: parisIso(parisMidnightUtc(p.range.start)),
    micro_eur: p.microEur,
    tariff: p.tariff,
    days_from_daily: p.daysFromDaily,
    days_from_curve: p.daysFromCurve,
    days_missing: p.daysMissing,
  };
}

function costOf(direction: Direction) {
  const word = COST_WORD[direction];
  const documents = COST_PERIODS.map(
    (period): PdlDocumentDef => ({
      device: 'pdl',
      path: `${direction}/${word}/${period}`,
      when: (p) => p[direction]?.cost != null,
      build: (p) => costPayload(p[direction]!.cost![period]),
    }),
  );
  const sensors = COST_PERIODS.map(
    (period, i): PdlSensorDef => ({
      key: `${direction}_${word}_${period}`,
      names: {
        en: `${COST_NAMES[direction].en} ${PERIOD_NAMES[period].en}`,
        fr: `${COST_NAMES[direction].fr} ${PERIOD_NAMES[period].fr}`,
      },
      document: documents[i]!,
      field: 'value',
      deviceClass: 'monetary',
      stateClass: 'total',
      unit: 'EUR',
      lastResetField: 'last_reset',
    }),
  );
  return { documents, sensors };
}

export const CONSUMPTION_COST = costOf('consumption');
export const PRODUCTION_COST = costOf('production');
