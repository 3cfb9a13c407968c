/**
 * The JSON document published on each state topic, built from a `Snapshot`. Pure: one small builder per
 * topic kind. Every document has `value`, `unit`, `date` and `quality`; extra fields become Home
 * Assistant attributes (discovery uses the same topic as `json_attributes_topic`).
 */
import { addDays, parisDate, parisIso, parisMidnightUtc } from '../../../domain/time.js';
import type { EcoWattSignal, LocalDate, OffpeakRange, TempoColor } from '../../../domain/types.js';
import type { PeriodCost } from '../../../sensors/snapshot/period-cost.js';
import type { PeriodEnergy } from '../../../sensors/snapshot/period-energy.js';
import type { DirectionSnapshot, PdlSnapshot, Snapshot } from '../../../sensors/snapshot/snapshot-types.js';

export type Quality = 'complete' | 'partial' | 'missing';

export interface StatePayload {
  value: string | number | null;
  unit: string | null;
  date: LocalDate | null;
  quality: Quality;
  [extra: string]: unknown;
}

/** A state document and its topic relative to the prefix (`12345678901234/consumption/yesterday`). */
export interface StateMessage {
  topic: string;
  payload: StatePayload;
}

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

/**
 * Cost of a period in EUR, rounded to the cent. `last_reset` (the period's first local midnight) lets
 * Home Assistant's `total` state class start a new cycle each day / month instead of booking the drop
 * from one period to the next as a negative amount.
 */
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

/** Cost topic word per direction: what is paid for consumption, what is earned for production. */
export const COST_WORD = { consumption: 'cost', production: 'compensation' } as const;

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

export function formatOffpeak(ranges: OffpeakRange[]): string | null {
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

export function syncPayload(pdl: PdlSnapshot): StatePayload {
  const s = pdl.sync;
  return {
    value: s.lastSuccessAt === null ? null : parisIso(s.lastSuccessAt),
    unit: null,
    date: s.lastSuccessAt === null ? null : parisDate(s.lastSuccessAt),
    quality: s.lastSuccessAt === null ? 'missing' : 'complete',
    status: s.status,
    error: s.lastError,
  };
}

export function tempoColorPayload(color: TempoColor | null, date: LocalDate): StatePayload {
  return { value: color, unit: null, date, quality: color ? 'complete' : 'missing' };
}

export function tempoRemainingPayload(snapshot: Snapshot, color: TempoColor): StatePayload {
  const { season, remaining } = snapshot.tempo;
  return {
    value: remaining[color],
    unit: 'd',
    date: snapshot.today,
    quality: 'complete',
    season_start: season.start,
    season_end: addDays(season.end, -1),
  };
}

export function ecowattPayload(signal: EcoWattSignal | null, date: LocalDate): StatePayload {
  if (!signal) return { value: null, unit: null, date, quality: 'missing', message: null, hourly: null };
  return { value: signal.level, unit: null, date, quality: 'complete', message: signal.message, hourly: signal.hourly };
}

export function directionMessages(pdl: string, d: DirectionSnapshot): StateMessage[] {
  const base = `${pdl}/${d.direction}`;
  const energy = (['yesterday', 'week', 'month', 'year'] as const).map((period) => ({
    topic: `${base}/${period}`,
    payload: energyPayload(d[period]),
  }));
  const cost = d.cost;
  if (!cost) return energy;
  const word = COST_WORD[d.direction];
  return [
    ...energy,
    ...(['yesterday', 'month'] as const).map((period) => ({
      topic: `${base}/${word}/${period}`,
      payload: costPayload(cost[period]),
    })),
  ];
}
