/** RTE Tempo: today's and tomorrow's colour, and the days of each colour left in the season. */
import { addDays } from '../../domain/time.js';
import type { LocalDate, TempoColor } from '../../domain/types.js';
import type { Snapshot } from '../snapshot/snapshot-types.js';
import type { GlobalDocumentDef, GlobalSensorDef, Names, StatePayload } from '../types.js';

export const TEMPO_COLORS: readonly TempoColor[] = ['BLUE', 'WHITE', 'RED'];

const COLOR_NAMES: Record<TempoColor, Names> = {
  BLUE: { en: 'blue', fr: 'bleus' },
  WHITE: { en: 'white', fr: 'blancs' },
  RED: { en: 'red', fr: 'rouges' },
};

const DAY_NAMES = {
  today: { en: 'Tempo colour today', fr: "Couleur Tempo aujourd'hui" },
  tomorrow: { en: 'Tempo colour tomorrow', fr: 'Couleur Tempo demain' },
} as const;

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

function colorOf(day: 'today' | 'tomorrow') {
  const document: GlobalDocumentDef = {
    device: 'tempo',
    path: `tempo/${day}`,
    build: (s) => tempoColorPayload(s.tempo[day], addDays(s.today, day === 'today' ? 0 : 1)),
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

export const TEMPO_TODAY = colorOf('today');
export const TEMPO_TOMORROW = colorOf('tomorrow');
export const TEMPO_REMAINING = TEMPO_COLORS.map(remainingOf);
