/**
 * Pure planning of what to (re-)import: compare the local hourly values with the sums Home Assistant
 * holds and find the first hour where they disagree. Everything from that hour on is re-imported with
 * sums chained from HA's sum at the hour before, so the dashboard never shows a spike at the seam.
 */
import { HOUR_MS } from '../../domain/hourly.js';
import type { HourValue } from './build-statistic-rows.js';

/** Every hour from the first to the last value, missing hours as 0 (so stale HA rows get overwritten). */
export function densify(values: readonly HourValue[]): HourValue[] {
  if (values.length === 0) return [];
  const byHour = new Map(values.map((v) => [v.hourStart, v.value]));
  const first = values[0]!.hourStart;
  const last = values.at(-1)!.hourStart;
  const out: HourValue[] = [];
  for (let h = first; h <= last; h += HOUR_MS) out.push({ hourStart: h, value: byHour.get(h) ?? 0 });
  return out;
}

export type ImportPlan =
  | { kind: 'up-to-date' }
  /** Re-import from `fromHour` with `base` = HA's sum before it. */
  | { kind: 'import'; fromHour: number; base: number }
  /** HA has no row before `verifyFrom`: compare the whole history instead. */
  | { kind: 'compare-all' };

export interface CompareInput {
  /** Dense, sorted local values. */
  local: readonly HourValue[];
  /** HA sums by hour start (rows from `verifyFrom - 1 h` on). */
  ha: ReadonlyMap<number, number | null>;
  /** Integer units per statistic unit (watt-minutes per kWh, micro-euros per euro). */
  scale: number;
  /** First hour to compare (at or after the first local hour). */
  verifyFrom: number;
  /** Largest accepted difference, in the statistic's unit. */
  tolerance: number;
}

export function planImport(input: CompareInput): ImportPlan {
  const { local, ha, scale, verifyFrom, tolerance } = input;
  if (local.length === 0) return { kind: 'up-to-date' };
  const first = local[0]!.hourStart;
  const from = Math.max(first, verifyFrom);
  const before = ha.get(from - HOUR_MS);
  if (from > first && (before === undefined || before === null)) return { kind: 'compare-all' };
  let prev = before ?? 0;
  for (const v of local) {
    if (v.hourStart < from) continue;
    const sum = ha.get(v.hourStart);
    if (sum === undefined || sum === null || Math.abs(sum - prev - v.value / scale) > tolerance) {
      return { kind: 'import', fromHour: v.hourStart, base: prev };
    }
    prev = sum;
  }
  return { kind: 'up-to-date' };
}
