/**
 * Tariff kinds and the periods each one bills separately. A period name is also the suffix of the
 * per-period statistics and sensors (`…_consumption_hp`, `…_consumption_blue_hc`). Pure.
 */
import type { TempoColor } from './types.js';

export const TARIFF_KINDS = ['base', 'hc_hp', 'tempo'] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];

export const TEMPO_PERIODS = ['blue_hc', 'blue_hp', 'white_hc', 'white_hp', 'red_hc', 'red_hp'] as const;
export type TempoPeriod = (typeof TEMPO_PERIODS)[number];

export type TariffPeriod = 'base' | 'hc' | 'hp' | TempoPeriod;

/** The periods of each kind, in display order. */
export const PERIODS_OF: Readonly<Record<TariffKind, readonly TariffPeriod[]>> = {
  base: ['base'],
  hc_hp: ['hc', 'hp'],
  tempo: TEMPO_PERIODS,
};

/** `blue_hc` … `red_hp` of a Tempo colour and an off-peak flag. */
export function tempoPeriod(color: TempoColor, offpeak: boolean): TempoPeriod {
  return `${color.toLowerCase() as 'blue' | 'white' | 'red'}_${offpeak ? 'hc' : 'hp'}`;
}

/** Tempo's off-peak hours when the contract states none: 22:00 to 06:00, every day. */
export const TEMPO_DEFAULT_OFFPEAK = [{ start: '22:00', end: '06:00' }] as const;
