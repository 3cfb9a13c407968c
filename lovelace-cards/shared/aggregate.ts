/** HA statistic rows (`change` per HA bucket) summed into the card's buckets. */
import type { Window } from './periods.js';

export interface StatRow {
  start: number;
  end?: number;
  change?: number | null;
}
export type StatResult = Record<string, StatRow[] | undefined>;

/** Index of the bucket holding `ms`, or -1 outside the window. */
export function bucketIndex(w: Window, ms: number): number {
  if (ms < (w.starts[0] ?? Infinity) || ms >= w.end) return -1;
  let lo = 0;
  let hi = w.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (w.starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One series: the sum per bucket, `null` where HA holds no row at all (missing, not zero). */
export function aggregate(rows: readonly StatRow[] | undefined, w: Window): (number | null)[] {
  const out: (number | null)[] = w.starts.map(() => null);
  for (const row of rows ?? []) {
    const i = bucketIndex(w, row.start);
    if (i < 0 || row.change == null) continue;
    out[i] = (out[i] ?? 0) + row.change;
  }
  return out;
}

export function total(values: readonly (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}
