/** RTE EcoWatt signal for today and the next three days (J0..J3). */
import { parisMinuteOfDay } from '../../domain/pricing.js';
import { addDays } from '../../domain/time.js';
import type { EcoWattSignal, LocalDate } from '../../domain/types.js';
import { ECOWATT_DAYS } from '../snapshot/snapshot-types.js';
import type { GlobalDocumentDef, GlobalSensorDef, Names, StatePayload } from '../types.js';

const DAY_NAMES: readonly string[] = ['today', 'tomorrow', 'in 2 days', 'in 3 days'];

/**
 * One day's signal: the day level as the state, the hourly levels (`hourly[h]` = Paris hour h) as an
 * attribute. Today's document also carries the level of the hour in force (`current_hour_level`).
 */
export function ecowattPayload(signal: EcoWattSignal | null, date: LocalDate, nowMs?: number): StatePayload {
  const current = nowMs === undefined ? {} : { current_hour_level: signal?.hourly[parisHour(nowMs)] ?? null };
  if (!signal) return { value: null, unit: null, date, quality: 'missing', message: null, hourly: null, ...current };
  const { level, message, hourly } = signal;
  return { value: level, unit: null, date, quality: 'complete', message, hourly, ...current };
}

const parisHour = (ms: number): number => Math.floor(parisMinuteOfDay(ms) / 60);

function ecowattOf(day: number) {
  const document: GlobalDocumentDef = {
    device: 'ecowatt',
    path: `ecowatt/j${day}`,
    build: (s) => ecowattPayload(s.ecowatt[day] ?? null, addDays(s.today, day), day === 0 ? s.takenAt : undefined),
  };
  const names: Names = { en: `EcoWatt ${DAY_NAMES[day]}`, fr: `EcoWatt J${day}` };
  const sensor: GlobalSensorDef = {
    key: `ecowatt_j${day}`,
    names,
    document,
    field: 'value',
    icon: 'mdi:transmission-tower',
    // V1 spelled EcoWatt unique ids with an upper-case J; kept for continuity.
    v1UniqueKey: `ecowatt_J${day}`,
  };
  return { document, sensor };
}

/** One sensor per day of the snapshot's `ecowatt` list (index 0 = today). */
export const ECOWATT = Array.from({ length: ECOWATT_DAYS }, (_, day) => ecowattOf(day));
