/**
 * Pure planning of the deep check's repairs: which hours of a statistic Home Assistant holds with a sum
 * that no longer fits the store, and the rows that put them back, touching nothing else.
 *
 * In a healthy statistic HA's sum at every hour is the store's running total plus one constant (the
 * base the first import started from, 0 in practice): read at the last hour, which the incremental run
 * has just verified. Every hour whose sum differs from that (or is missing) is re-imported, chained from
 * the expected sum before it; a single altered row is one re-imported row, a shifted stretch is that
 * stretch. The hours after a repaired stretch already fit, so no later sum changes.
 */
import { HOUR_MS } from '../../domain/hourly.js';
import type { HourValue } from './build-statistic-rows.js';

export interface Repair {
  /** Consecutive hourly values to re-import. */
  values: HourValue[];
  /** The sum before the first of them (statistic unit). */
  base: number;
}

export interface RepairInput {
  /** Dense, sorted local values (integer units), the whole history. */
  local: readonly HourValue[];
  /** HA's sums by hour start over the local hours. */
  ha: ReadonlyMap<number, number | null>;
  /** Integer units per statistic unit. */
  scale: number;
  tolerance: number;
}

/** The stretches to re-import; null when HA holds no row at the last local hour (the normal run's job). */
export function planRepairs(input: RepairInput): Repair[] | null {
  const { local, ha, scale, tolerance } = input;
  if (local.length === 0) return [];
  const totals: number[] = [];
  let running = 0;
  for (const v of local) {
    running += v.value;
    totals.push(running);
  }
  const lastSum = ha.get(local.at(-1)!.hourStart);
  if (typeof lastSum !== 'number') return null;
  const offset = lastSum - running / scale;
  const repairs: Repair[] = [];
  let open: Repair | null = null;
  for (const [i, v] of local.entries()) {
    const sum = ha.get(v.hourStart);
    const wrong = typeof sum !== 'number' || Math.abs(sum - (offset + totals[i]! / scale)) > tolerance;
    if (!wrong) {
      open = null;
    } else if (open && open.values.at(-1)!.hourStart === v.hourStart - HOUR_MS) {
      open.values.push(v);
    } else {
      open = { values: [v], base: offset + (i === 0 ? 0 : totals[i - 1]!) / scale };
      repairs.push(open);
    }
  }
  return repairs;
}
