/**
 * Deterministic EcoWatt signals. `periode` is the naive UTC instant of Paris midnight (the signal for
 * 12 February is `2026-02-11T23:00:00`); RTE publishes J+3 at 17:00 Paris (Fridays 12:15).
 */
import { addDays, dayNumber } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { parisLocalToUtcFast, parisMidnightFast } from './paris-fast.js';
import { unit } from './rng.js';

export interface EcoWattPayload {
  periode: string;
  dvalue: number;
  message: string;
  values: number[];
  hdebut: number;
  hfin: number;
  id: number;
  generation_datetime: string;
  created_at: string;
  updated_at: string;
}

const MESSAGES = [
  '',
  "Pas d'alerte.",
  'Système électrique tendu. Les écogestes sont les bienvenus.',
  'Système électrique très tendu. Coupures inévitables si nous ne baissons pas notre consommation.',
];

const naiveUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function ecowattPublishedAt(date: LocalDate): number {
  const day = addDays(date, -3);
  const friday = (((dayNumber(day) + 4) % 7) + 7) % 7 === 5;
  return friday ? parisLocalToUtcFast(day, 12, 15) : parisLocalToUtcFast(day, 17);
}

function hourLevel(seed: number, date: LocalDate, h: number, tension: number): number {
  if (h < 6) return unit(seed, dayNumber(date), h, 41) < 0.7 ? 0 : 1;
  const peak = (h >= 7 && h <= 10) || (h >= 17 && h <= 20);
  if (peak && tension > 0.985) return 3;
  if (peak && tension > 0.93) return 2;
  return 1;
}

export function ecowattSignal(seed: number, date: LocalDate): EcoWattPayload {
  const month = Number(date.slice(5, 7));
  const winter = month >= 11 || month <= 2;
  const tension = winter ? unit(seed, dayNumber(date), 40) : 0;
  const values = Array.from({ length: 24 }, (_, h) => hourLevel(seed, date, h, tension));
  const dvalue = Math.max(1, ...values);
  const generated = naiveUtc(ecowattPublishedAt(date));
  return {
    periode: naiveUtc(parisMidnightFast(date)),
    dvalue,
    message: MESSAGES[dvalue]!,
    values,
    hdebut: 0,
    hfin: 23,
    id: dayNumber(date) - 19_000,
    generation_datetime: generated,
    created_at: `${generated}.000000`,
    updated_at: `${generated}.000000`,
  };
}
