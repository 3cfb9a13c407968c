/**
 * Pure builders for Home Assistant external statistics: ids, metadata (per core version) and rows
 * `{start, state, sum}` whose `sum` is the exact running total chained from a base (the sum HA holds
 * at the end of the hour before the first row).
 */

import { parisIsoQuick } from '../../domain/paris-fast-path.js';
import type { TariffPeriod } from '../../domain/tariff-period.js';

export const STATISTIC_SOURCE = 'myelectricaldata';

/** A consumption period with its own statistics (every period but the Base one, which is the total). */
export type SplitPeriod = Exclude<TariffPeriod, 'base'>;
export type PeriodKind = `consumption_${SplitPeriod}`;

export type StatisticKind =
  | 'consumption'
  | 'production'
  | 'consumption_cost'
  | 'production_compensation'
  | PeriodKind
  | `${PeriodKind}_cost`;

/** The per-period energy statistic of `period` and its cost twin. */
export function periodKinds(period: SplitPeriod): [PeriodKind, `${PeriodKind}_cost`] {
  return [`consumption_${period}`, `consumption_${period}_cost`];
}

export const STATISTIC_KINDS: readonly StatisticKind[] = [
  'consumption',
  'production',
  'consumption_cost',
  'production_compensation',
];

/** Home Assistant's external statistic id rule (core `recorder/statistics.py`). */
export const EXTERNAL_ID_RE = /^(?!.+__)(?!_)[\da-z_]+(?<!_):(?!_)[\da-z_]+(?<!_)$/;

export interface StatisticRow {
  /** ISO 8601 with the Paris offset, at the top of a UTC hour. */
  start: string;
  state: number;
  sum: number;
}

export interface StatisticMetadata {
  source: string;
  statistic_id: string;
  name: string;
  unit_of_measurement: string;
  has_sum: true;
  mean_type?: 0;
  unit_class?: string | null;
  has_mean?: false;
}

/** One hourly value in integer units (watt-minutes or micro-euros). */
export interface HourValue {
  hourStart: number;
  value: number;
}

const KIND_NAMES: Record<string, string> = {
  consumption: 'consumption',
  production: 'production',
  consumption_cost: 'consumption cost',
  production_compensation: 'production compensation',
};

/** `consumption_blue_hp_cost` → `consumption blue HP cost`. */
function kindName(kind: StatisticKind): string {
  return (
    KIND_NAMES[kind] ??
    kind
      .split('_')
      .map((w) => (w === 'hc' || w === 'hp' ? w.toUpperCase() : w))
      .join(' ')
  );
}

export function statisticId(pdl: string, kind: StatisticKind): string {
  const id = `${STATISTIC_SOURCE}:${pdl.toLowerCase()}_${kind}`;
  if (!EXTERNAL_ID_RE.test(id)) throw new RangeError(`invalid Home Assistant statistic id ${JSON.stringify(id)}`);
  return id;
}

export function isMoneyKind(kind: StatisticKind): boolean {
  return kind.endsWith('_cost') || kind === 'production_compensation';
}

/** Integer units per unit of the statistic: watt-minutes per kWh, micro-euros per euro. */
export function unitScale(kind: StatisticKind): number {
  return isMoneyKind(kind) ? 1e6 : 60_000;
}

/** `[year, month]` of a core version such as `2026.11.0` or `2025.12.0b3`; null when unreadable. */
export function parseCoreVersion(version: string): [number, number] | null {
  const m = /^(\d{4})\.(\d{1,2})/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Cores from 2025.11 expect `mean_type` + `unit_class`; older ones reject `unit_class`. */
export function usesMeanType(haVersion: string): boolean {
  const v = parseCoreVersion(haVersion);
  if (!v) return true;
  return v[0] > 2025 || (v[0] === 2025 && v[1] >= 11);
}

/** Metadata of one statistic; its name uses the PDL's display name when it has one. */
export function statisticMetadata(
  pdl: string,
  kind: StatisticKind,
  haVersion: string,
  displayName: string | null = null,
): StatisticMetadata {
  const money = isMoneyKind(kind);
  const base = {
    source: STATISTIC_SOURCE,
    statistic_id: statisticId(pdl, kind),
    name: `${displayName?.trim() || `Linky ${pdl}`} ${kindName(kind)}`,
    unit_of_measurement: money ? 'EUR' : 'kWh',
    has_sum: true as const,
  };
  if (usesMeanType(haVersion)) return { ...base, mean_type: 0, unit_class: money ? null : 'energy' };
  return { ...base, has_mean: false };
}

/** Round to 9 significant decimals, enough to show integer watt-minutes and micro-euros exactly. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Rows for consecutive hourly values. `base` is the sum before the first row (in the statistic's
 * unit). The running total is kept in integer units and divided once per row, so it never drifts.
 */
export function buildStatisticRows(values: readonly HourValue[], kind: StatisticKind, base: number): StatisticRow[] {
  return rowsFrom(values, 0, values.length, kind, base, 0);
}

/** Rows of `values[from, to)`, whose running total starts at `carried` integer units after `base`. */
function rowsFrom(
  values: readonly HourValue[],
  from: number,
  to: number,
  kind: StatisticKind,
  base: number,
  carried: number,
) {
  const scale = unitScale(kind);
  const rows: StatisticRow[] = new Array(to - from);
  let running = carried;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    running += v.value;
    rows[i - from] = {
      start: parisIsoQuick(v.hourStart),
      state: round(v.value / scale),
      sum: round(base + running / scale),
    };
  }
  return rows;
}

/**
 * The same rows as `buildStatisticRows`, `chunkHours` at a time, each chunk built when the previous one
 * was taken (sent): a chunk's rows can be dropped before the next is made, instead of all rows living
 * until the last is sent. `sums` receives every row's sum.
 */
export function* statisticRowChunks(
  values: readonly HourValue[],
  kind: StatisticKind,
  base: number,
  chunkHours: number,
  sums: Float64Array,
): Generator<StatisticRow[]> {
  let carried = 0;
  for (let at = 0; at < values.length; at += chunkHours) {
    const end = Math.min(values.length, at + chunkHours);
    const rows = rowsFrom(values, at, end, kind, base, carried);
    for (let i = at; i < end; i++) carried += values[i]!.value;
    for (let i = 0; i < rows.length; i++) sums[at + i] = rows[i]!.sum;
    yield rows;
  }
}
