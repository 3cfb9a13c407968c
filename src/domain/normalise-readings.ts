/**
 * Daily values, max power, Tempo and EcoWatt from the gateway's (already validated) payloads to domain
 * types. Pure functions.
 */
import { compareText } from './compare-text.js';
import { parseEnedisDate } from './parse-enedis-date.js';
import { isNaiveDateTime, parisDate, parisNaiveToUtc } from './time.js';
import type { DailyEnergy, EcoWattSignal, LocalDate, MaxPower, TempoColor, TempoDay } from './types.js';

export interface RawDailyReading {
  value: number;
  /** `YYYY-MM-DD` (the local day); a time part, if any, is ignored. */
  date: string;
}

function localDay(label: string): LocalDate {
  const day = parseEnedisDate(label.trim().slice(0, 10));
  if (!day) throw new RangeError(`not a date: ${JSON.stringify(label)}`);
  return day;
}

/** Daily Wh keyed by local date, sorted; a day sent twice keeps its last value. */
export function normaliseDaily(raw: readonly RawDailyReading[]): DailyEnergy[] {
  const byDay = new Map<LocalDate, number>();
  for (const r of raw) byDay.set(localDay(r.date), r.value);
  return [...byDay.entries()].sort(([a], [b]) => compareText(a, b)).map(([date, wh]) => ({ date, wh }));
}

/** Max power in VA dated at the local time of the peak (`2026-02-09 19:42:11`) → `{date, va, at}`. */
export function normaliseMaxPower(raw: readonly RawDailyReading[]): MaxPower[] {
  const byDay = new Map<LocalDate, MaxPower>();
  for (const r of raw) {
    const label = r.date.trim();
    const date = localDay(label);
    const at = isNaiveDateTime(label) ? parisNaiveToUtc(label) : parisNaiveToUtc(`${date} 00:00:00`);
    byDay.set(date, { date, va: r.value, at });
  }
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

export interface RawTempoDay {
  date: string;
  color: TempoColor;
}

export function normaliseTempo(raw: readonly RawTempoDay[]): TempoDay[] {
  const byDay = new Map<LocalDate, TempoColor>();
  for (const r of raw) byDay.set(localDay(r.date), r.color);
  return [...byDay.entries()].sort(([a], [b]) => compareText(a, b)).map(([date, color]) => ({ date, color }));
}

export interface RawEcoWattSignal {
  /** Naive UTC of Paris midnight of the signal's day (`2026-02-11T23:00:00` for 12 February). */
  periode: string;
  dvalue: number;
  message?: string | null;
  values: number[];
}

/** The UTC instant of a `periode`: naive UTC unless it carries its own offset. */
export function periodeInstant(periode: string): number {
  const text = periode.trim().replace(' ', 'T');
  const hasZone = /[zZ]$|[+-]\d{2}:?\d{2}$/.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${JSON.stringify(periode)}`);
  return ms;
}

export function normaliseEcoWatt(raw: readonly RawEcoWattSignal[]): EcoWattSignal[] {
  return raw
    .map((r) => ({
      date: parisDate(periodeInstant(r.periode)),
      level: r.dvalue,
      message: r.message ?? '',
      hourly: [...r.values],
    }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
