/**
 * A `Tariff` from its serialisable description (`TariffSpec`): which period each instant falls in, and
 * what a kWh of that period costs on that Paris day. A spec is stored by the Home Assistant exporter, so
 * that a later change (price, period, off-peak schedule, Tempo colour) can be found day by day. Pure.
 */
import { HOUR_MS } from './hourly.js';

export { splitInteger } from './split-integer.js';

import { type PriceRow, valueOn } from './dated-prices.js';
import { type OffpeakSchedule, scheduleOn } from './offpeak-schedule.js';
import { minuteOfDay, offpeakMask, parisMinuteOfDay } from './offpeak-time.js';
import { parisDateQuick, parisMidnightUtcQuick } from './paris-fast-path.js';
import type { Tariff } from './pricing.js';
import { PERIODS_OF, type TariffKind, type TariffPeriod, TEMPO_DEFAULT_OFFPEAK, tempoPeriod } from './tariff-period.js';
import { addDays } from './time.js';
import type { LocalDate, TempoColor } from './types.js';

export interface TariffSpec {
  kind: TariffKind;
  /** `production`: the single period `base` is priced by the production price. */
  direction: 'consumption' | 'production';
  rows: PriceRow[];
  /** Off-peak schedules (hc_hp, tempo), sorted by `from`. */
  schedules: OffpeakSchedule[];
  /** Tempo colour per Tempo day (tempo only); a day without a colour is priced as blue. */
  tempo: Record<LocalDate, TempoColor>;
}

const MINUTE_MS = 60_000;

function maskCache(spec: TariffSpec): (date: LocalDate) => boolean[] {
  const masks = new Map<OffpeakSchedule | null, boolean[]>();
  const fallback = spec.kind === 'tempo' ? [...TEMPO_DEFAULT_OFFPEAK] : [];
  return (date) => {
    const s = scheduleOn(spec.schedules, date);
    let mask = masks.get(s);
    if (!mask) {
      mask = offpeakMask(s?.ranges.length ? s.ranges : fallback);
      masks.set(s, mask);
    }
    return mask;
  };
}

function periodFunction(spec: TariffSpec): (ms: number) => TariffPeriod {
  if (spec.kind === 'base') return () => 'base';
  const maskOn = maskCache(spec);
  if (spec.kind === 'hc_hp') {
    return (ms) => (maskOn(parisDateQuick(ms))[parisMinuteOfDay(ms)] ? 'hc' : 'hp');
  }
  return (ms) => {
    const date = parisDateQuick(ms);
    const minute = parisMinuteOfDay(ms);
    const tempoDay = minute < 360 ? addDays(date, -1) : date;
    return tempoPeriod(spec.tempo[tempoDay] ?? 'BLUE', maskOn(date)[minute] === true);
  };
}

export function buildTariff(spec: TariffSpec): Tariff {
  for (const s of spec.schedules) for (const r of s.ranges) minuteOfDay(r.start) + minuteOfDay(r.end);
  const periodAt = periodFunction(spec);
  const periods = PERIODS_OF[spec.kind];
  const field = (p: TariffPeriod) => (spec.direction === 'production' ? 'production' : p);
  const priceOf = (date: LocalDate, period: TariffPeriod) => valueOn(spec.rows, field(period), date) ?? 0;
  const daySplit = (date: LocalDate): [TariffPeriod, number][] => {
    const minutes = new Map<TariffPeriod, number>();
    const end = parisMidnightUtcQuick(addDays(date, 1));
    for (let t = parisMidnightUtcQuick(date); t < end; t += MINUTE_MS) {
      const p = periodAt(t);
      minutes.set(p, (minutes.get(p) ?? 0) + 1);
    }
    return periods.filter((p) => minutes.has(p)).map((p) => [p, minutes.get(p)!]);
  };
  return {
    fingerprint: fingerprintOf(spec),
    kind: spec.kind,
    periods,
    spec,
    periodAt,
    priceOf,
    priceAt: (ms) => priceOf(parisDateQuick(ms), periodAt(ms)),
    daySplit,
    dailyPrice(date) {
      const split = daySplit(date);
      const all = split.reduce((n, [, m]) => n + m, 0);
      return split.reduce((n, [p, m]) => n + (priceOf(date, p) * m) / all, 0);
    },
    subscriptionMicro: (hourStart) => subscriptionMicro(spec.rows, hourStart),
  };
}

/**
 * A short text of everything configured (not the Tempo colours): `flat:0.25`, `hc_hp:0.2:0.3:22:00-06:00`,
 * with `;<from>@…` for dated rows and schedules and `+sub:…` for a subscription.
 */
export function fingerprintOf(spec: TariffSpec): string {
  const fields = spec.direction === 'production' ? ['production' as const] : PERIODS_OF[spec.kind];
  const rows = spec.rows
    .filter((r) => r.from === null || fields.some((f) => r.values[f] !== undefined))
    .map((r) => `${r.from === null ? '' : `${r.from}@`}${fields.map((f) => r.values[f] ?? '').join(':')}`);
  const ranges = spec.schedules.map(
    (s) => `${s.from === null ? '' : `${s.from}@`}${s.ranges.map((r) => `${r.start}-${r.end}`).join(',')}`,
  );
  const subs = spec.rows.filter((r) => r.values.subscription !== undefined);
  const sub = subs.map((r) => `${r.from ?? ''}@${r.values.subscription}`).join(';');
  const head = spec.kind === 'base' ? 'flat' : spec.kind;
  return [head, rows.join(';'), ...(ranges.length ? [ranges.join(';')] : [])].join(':') + (sub ? `+sub:${sub}` : '');
}

/**
 * The monthly subscription's share of one UTC hour, in integer micro-euros: the month's amount spread
 * over the hours of its Paris month so that the hours of a month add up to it exactly; 0 when unset.
 */
export function subscriptionMicro(rows: readonly PriceRow[], hourStart: number): number {
  const date = parisDateQuick(hourStart);
  const first = `${date.slice(0, 8)}01`;
  const eur = valueOn(rows, 'subscription', first);
  if (!eur) return 0;
  const total = Math.round(eur * 1e6);
  const start = parisMidnightUtcQuick(first);
  const hours = (parisMidnightUtcQuick(addDays(first, 32).slice(0, 8).concat('01')) - start) / HOUR_MS;
  const i = (hourStart - start) / HOUR_MS;
  return Math.floor(((i + 1) * total) / hours) - Math.floor((i * total) / hours);
}

/**
 * One text per Paris day that changes whenever anything that prices that day changes: the off-peak
 * schedule in force, the Tempo colours of the day and of the night before, a price, the subscription.
 * (The minutes of each period follow from the schedule and the colours, so they need not be listed.)
 * Comparing two tariffs of the same kind day by day finds the first day to recompute.
 */
export function daySignature(tariff: Tariff, date: LocalDate): string {
  const { spec } = tariff;
  const schedule = scheduleOn(spec.schedules, date);
  const parts: string[] = [spec.kind, (schedule?.ranges ?? []).map((r) => `${r.start}-${r.end}`).join(',')];
  if (spec.kind === 'tempo') parts.push(spec.tempo[addDays(date, -1)] ?? 'BLUE', spec.tempo[date] ?? 'BLUE');
  for (const p of tariff.periods) parts.push(`${p}=${tariff.priceOf(date, p)}`);
  parts.push(`s=${valueOn(spec.rows, 'subscription', `${date.slice(0, 8)}01`) ?? 0}`);
  return parts.join(' ');
}

/** The first Tempo day whose colour differs (a colour prices its day from 06:00 and the next night). */
function firstColourChange(a: TariffSpec, b: TariffSpec, from: LocalDate, to: LocalDate): LocalDate | null {
  const days = new Set([...Object.keys(a.tempo), ...Object.keys(b.tempo)]);
  const changed = [...days].filter((d) => a.tempo[d] !== b.tempo[d] && addDays(d, 1) >= from && d <= to).sort();
  const first = changed[0];
  return first === undefined ? null : first < from ? from : first;
}

/** The first day in `[from, to]` (inclusive) the two tariffs price differently, or null. */
export function firstChangedDay(a: Tariff, b: Tariff, from: LocalDate, to: LocalDate): LocalDate | null {
  if (a.kind !== b.kind || a.spec.direction !== b.spec.direction) return from;
  // Only the colours changed (a new Tempo day, every day): compare those days, not every minute.
  if (a.fingerprint === b.fingerprint) return firstColourChange(a.spec, b.spec, from, to);
  for (let d = from; d <= to; d = addDays(d, 1)) if (daySignature(a, d) !== daySignature(b, d)) return d;
  return null;
}
