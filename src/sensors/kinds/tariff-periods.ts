/**
 * Consumption energy and cost per tariff period (HP/HC, or the six Tempo buckets), yesterday, month and
 * year so far: one document per tariff period and calendar period (`consumption/hp/month`), read by an
 * energy sensor (`value`, kWh) and a cost sensor (`eur`). Only for a priced PDL whose tariff has periods;
 * the periods of a document add up to the total energy and cost sensors of the same calendar period.
 */
import { type TariffPeriod, TEMPO_PERIODS } from '../../domain/tariff-period.js';
import { addDays, parisIso, parisMidnightUtc } from '../../domain/time.js';
import type { PeriodCost } from '../snapshot/period-cost.js';
import type { PdlSnapshot } from '../snapshot/snapshot-types.js';
import type { Names, PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';
import { COST_PERIODS } from './cost.js';
import { PERIOD_NAMES } from './energy.js';

type SplitPeriod = Exclude<TariffPeriod, 'base'>;

export const SPLIT_PERIODS: readonly SplitPeriod[] = ['hp', 'hc', ...TEMPO_PERIODS];

const COLOUR: Record<string, Names> = {
  blue: { en: 'Tempo blue', fr: 'Tempo bleu' },
  white: { en: 'Tempo white', fr: 'Tempo blanc' },
  red: { en: 'Tempo red', fr: 'Tempo rouge' },
};

/** `hp` → HP; `blue_hc` → Tempo blue HC / Tempo bleu HC. */
export function periodLabel(period: SplitPeriod): Names {
  const [first, second] = period.split('_');
  if (!second) return { en: period.toUpperCase(), fr: period.toUpperCase() };
  const colour = COLOUR[first!]!;
  return { en: `${colour.en} ${second.toUpperCase()}`, fr: `${colour.fr} ${second.toUpperCase()}` };
}

/** Whether the PDL's consumption tariff bills `period` (never for a Base tariff: its total says it all). */
function billed(p: PdlSnapshot, period: SplitPeriod): boolean {
  const periods = p.consumption?.cost?.month.tariffPeriods;
  return periods !== undefined && periods.length > 1 && periods.includes(period);
}

export function periodSplitPayload(c: PeriodCost, period: SplitPeriod): StatePayload {
  const amount = c.periods[period];
  const known = c.microEur !== null;
  const wh = Math.round((amount?.wattMinutes ?? 0) / 60);
  return {
    value: known ? wh / 1000 : null,
    unit: 'kWh',
    date: addDays(c.range.end, -1),
    quality: c.quality,
    start: c.range.start,
    last_reset: parisIso(parisMidnightUtc(c.range.start)),
    eur: known ? Math.round((amount?.microEur ?? 0) / 10_000) / 100 : null,
    wh: known ? wh : null,
    micro_eur: known ? (amount?.microEur ?? 0) : null,
    tariff: c.tariff,
  };
}

function documentsOf(period: SplitPeriod): PdlDocumentDef[] {
  return COST_PERIODS.map((calendar) => ({
    device: 'pdl',
    path: `consumption/${period}/${calendar}`,
    when: (p) => billed(p, period),
    build: (p) => periodSplitPayload(p.consumption!.cost![calendar], period),
  }));
}

function sensorsOf(period: SplitPeriod, documents: PdlDocumentDef[]): PdlSensorDef[] {
  const label = periodLabel(period);
  return COST_PERIODS.flatMap((calendar, i): PdlSensorDef[] => {
    const when = PERIOD_NAMES[calendar];
    const document = documents[i]!;
    return [
      {
        key: `consumption_${period}_${calendar}`,
        names: { en: `Consumption ${label.en} ${when.en}`, fr: `Consommation ${label.fr} ${when.fr}` },
        document,
        field: 'value',
        deviceClass: 'energy',
        unit: 'kWh',
      },
      {
        key: `consumption_cost_${period}_${calendar}`,
        names: { en: `Consumption cost ${label.en} ${when.en}`, fr: `Coût consommation ${label.fr} ${when.fr}` },
        document,
        field: 'eur',
        deviceClass: 'monetary',
        stateClass: 'total',
        unit: 'EUR',
        lastResetField: 'last_reset',
      },
    ];
  });
}

const perPeriod = SPLIT_PERIODS.map((period) => {
  const documents = documentsOf(period);
  return { documents, sensors: sensorsOf(period, documents) };
});

export const TARIFF_PERIOD_SPLIT = {
  documents: perPeriod.flatMap((p) => p.documents),
  sensors: perPeriod.flatMap((p) => p.sensors),
};
