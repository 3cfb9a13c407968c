/**
 * What an energy bar is made of: one total, HP/HC, or the six Tempo buckets, chosen by the statistics
 * Home Assistant really holds (`auto`), and the stacked segments of each bar.
 */
import { aggregate, type StatResult, total } from '../shared/aggregate.js';
import type { Window } from '../shared/periods.js';
import {
  type Bucket,
  bucketId,
  type Direction,
  HP_HC,
  type Metric,
  TEMPO_BUCKETS,
  totalId,
} from '../shared/statistic-ids.js';

export type Stack = 'auto' | 'none' | 'hp_hc' | 'tempo';
export type Layout = 'none' | 'hp_hc' | 'tempo';

export interface Series {
  pdl: string;
  key: 'total' | Bucket;
  values: (number | null)[];
}

export function bucketsOf(layout: Layout): readonly Bucket[] {
  return layout === 'tempo' ? TEMPO_BUCKETS : layout === 'hp_hc' ? HP_HC : [];
}

/** Every id one fetch needs for these PDLs (totals always; bucket ids when the layout may use them). */
export function idsToFetch(pdls: readonly string[], direction: Direction, metric: Metric, stack: Stack): string[] {
  const ids: string[] = [];
  for (const pdl of pdls) {
    ids.push(totalId(pdl, direction, metric));
    if (direction !== 'consumption' || stack === 'none') continue;
    const buckets = stack === 'auto' ? [...HP_HC, ...TEMPO_BUCKETS] : bucketsOf(stack);
    for (const b of buckets) ids.push(bucketId(pdl, b, metric));
  }
  return ids;
}

const has = (result: StatResult, id: string) => (result[id]?.length ?? 0) > 0;

/** The layout to draw: Tempo when any Tempo bucket has rows, else HP/HC when they have rows, else none. */
export function chooseLayout(result: StatResult, pdls: readonly string[], metric: Metric, stack: Stack): Layout {
  if (stack !== 'auto') return stack;
  const any = (buckets: readonly Bucket[]) =>
    pdls.some((p) => buckets.some((b) => has(result, bucketId(p, b, metric))));
  if (any(TEMPO_BUCKETS)) return 'tempo';
  if (any(HP_HC)) return 'hp_hc';
  return 'none';
}

/** The series to stack, PDL by PDL: the buckets of the layout (`auto`: chosen per PDL), or the total. */
export function buildSeries(
  result: StatResult,
  w: Window,
  pdls: readonly string[],
  direction: Direction,
  metric: Metric,
  stack: Stack,
): Series[] {
  const series: Series[] = [];
  for (const pdl of pdls) {
    const layout = chooseLayout(result, [pdl], metric, stack);
    const buckets = direction === 'consumption' ? bucketsOf(layout) : [];
    if (!buckets.length) {
      series.push({ pdl, key: 'total', values: aggregate(result[totalId(pdl, direction, metric)], w) });
      continue;
    }
    for (const b of buckets) series.push({ pdl, key: b, values: aggregate(result[bucketId(pdl, b, metric)], w) });
  }
  return series;
}

export interface Segment {
  series: number;
  from: number;
  to: number;
}

/** Stacked segments of bar `i`: each positive value sits on the previous ones. */
export function stackBar(series: readonly Series[], i: number): Segment[] {
  let base = 0;
  const out: Segment[] = [];
  series.forEach((s, k) => {
    const v = s.values[i];
    if (v == null || v <= 0) return;
    out.push({ series: k, from: base, to: base + v });
    base += v;
  });
  return out;
}

/** Sum per bar across series (null when no series has a row for that bar). */
export function barTotals(series: readonly Series[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const vals = series.map((s) => s.values[i]).filter((v): v is number => v != null);
    return vals.length ? total(vals) : null;
  });
}
