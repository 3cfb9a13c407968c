/**
 * RTE Tempo: the colour of the Tempo day in force and of the next one, the days of each colour left in
 * the season, the period in force (HC/HP) and its price. A Tempo day runs 06:00 → 06:00 Paris, so from 00:00 to
 * 06:00 "today" is the previous calendar day's colour (`domain/tempo-day.ts`).
 */
import { TEMPO_OFFPEAK, tempoDayStart } from '../../domain/tempo-day.js';
import { addDays, parisIso } from '../../domain/time.js';
import type { TempoColor } from '../../domain/types.js';
import type { Snapshot } from '../snapshot/snapshot-types.js';
import type { GlobalDocumentDef, GlobalSensorDef, Names, StatePayload } from '../types.js';
import { formatOffpeak } from './contract.js';

export const TEMPO_COLORS: readonly TempoColor[] = ['BLUE', 'WHITE', 'RED'];
export const TEMPO_PERIODS = ['HC', 'HP'] as const;

const COLOR_NAMES: Record<TempoColor, Names> = {
  BLUE: { en: 'blue', fr: 'bleus' },
  WHITE: { en: 'white', fr: 'blancs' },
  RED: { en: 'red', fr: 'rouges' },
};

const DAY_NAMES = {
  today: { en: 'Tempo colour today', fr: "Couleur Tempo aujourd'hui" },
  tomorrow: { en: 'Tempo colour tomorrow', fr: 'Couleur Tempo demain' },
} as const;

/** A Tempo day's colour; `published: false` (state unknown) until RTE announces it. */
export function tempoColorPayload(snapshot: Snapshot, day: 'today' | 'tomorrow'): StatePayload {
  const date = addDays(snapshot.tempo.day, day === 'today' ? 0 : 1);
  const color = snapshot.tempo[day];
  return {
    value: color,
    unit: null,
    date,
    quality: color ? 'complete' : 'missing',
    published: color !== null,
    starts_at: parisIso(tempoDayStart(date)),
    ends_at: parisIso(tempoDayStart(addDays(date, 1))),
  };
}

export function tempoRemainingPayload(snapshot: Snapshot, color: TempoColor): StatePayload {
  const { season, remaining, quota, used, daysUnknown } = snapshot.tempo;
  return {
    value: remaining[color],
    unit: 'd',
    date: snapshot.tempo.day,
    quality: daysUnknown === 0 ? 'complete' : 'partial',
    quota: quota[color],
    used: used[color],
    days_unknown: daysUnknown,
    season_start: season.start,
    season_end: addDays(season.end, -1),
  };
}

export function tempoPeriodPayload(snapshot: Snapshot): StatePayload {
  const t = snapshot.tempo;
  return {
    value: t.period,
    unit: null,
    date: t.day,
    quality: 'complete',
    color: t.today,
    ends_at: parisIso(t.periodEndsAt),
    offpeak_hours: formatOffpeak(TEMPO_OFFPEAK),
  };
}

/** The price in force (EUR/kWh) for the colour of the Tempo day in force and the period; unknown without the colour. */
export function tempoPricePayload(snapshot: Snapshot): StatePayload {
  const t = snapshot.tempo;
  return {
    value: t.price?.eurKwh ?? null,
    unit: 'EUR/kWh',
    date: t.day,
    quality: t.price ? 'complete' : 'missing',
    color: t.today,
    period: t.period,
    tariff_period: t.price?.period ?? null,
    ends_at: parisIso(t.periodEndsAt),
  };
}

function colorOf(day: 'today' | 'tomorrow') {
  const document: GlobalDocumentDef = {
    device: 'tempo',
    path: `tempo/${day}`,
    build: (s) => tempoColorPayload(s, day),
  };
  const sensor: GlobalSensorDef = {
    key: `tempo_${day}`,
    names: DAY_NAMES[day],
    document,
    field: 'value',
    deviceClass: 'enum',
    options: TEMPO_COLORS,
    icon: 'mdi:palette',
  };
  return { document, sensor };
}

function remainingOf(color: TempoColor) {
  const lower = color.toLowerCase();
  const document: GlobalDocumentDef = {
    device: 'tempo',
    path: `tempo/remaining/${lower}`,
    build: (s) => tempoRemainingPayload(s, color),
  };
  const sensor: GlobalSensorDef = {
    key: `tempo_days_${lower}`,
    names: { en: `Tempo ${COLOR_NAMES[color].en} days left`, fr: `Jours Tempo ${COLOR_NAMES[color].fr} restants` },
    document,
    field: 'value',
    unit: 'd',
    icon: 'mdi:calendar-range',
  };
  return { document, sensor };
}

const periodDocument: GlobalDocumentDef = { device: 'tempo', path: 'tempo/period', build: tempoPeriodPayload };

export const TEMPO_TODAY = colorOf('today');
export const TEMPO_TOMORROW = colorOf('tomorrow');
export const TEMPO_REMAINING = TEMPO_COLORS.map(remainingOf);
export const TEMPO_PERIOD = {
  document: periodDocument,
  sensor: {
    key: 'tempo_period',
    names: { en: 'Tempo current period', fr: 'Période Tempo en cours' },
    document: periodDocument,
    field: 'value',
    deviceClass: 'enum',
    options: TEMPO_PERIODS,
    icon: 'mdi:clock-time-four-outline',
  } satisfies GlobalSensorDef,
};

const priceDocument: GlobalDocumentDef = { device: 'tempo', path: 'tempo/price', build: tempoPricePayload };

export const TEMPO_PRICE = {
  document: priceDocument,
  sensor: {
    key: 'tempo_price',
    names: { en: 'Tempo current price', fr: 'Prix Tempo en cours' },
    document: priceDocument,
    field: 'value',
    unit: 'EUR/kWh',
    stateClass: 'measurement',
    icon: 'mdi:cash-clock',
  } satisfies GlobalSensorDef,
};
