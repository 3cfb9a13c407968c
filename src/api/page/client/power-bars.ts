/**
 * The maximum power chart: per bucket of the energy chart, the highest daily maximum (kVA) the meter
 * recorded, against the subscribed power (the threshold line); bars above it are highlighted.
 */
import type { Bar } from '../../../../lovelace-cards/shared/bar-layout.js';
import type { AggregateView, MaxPowerView } from './api-types.js';
import { bucketOf, type ChartPeriod } from './chart-windows.js';
import { kva, longDay, monthName, shortDay, time } from './format.js';
import { T } from './i18n.js';

export interface PowerBucket {
  start: string;
  /** The highest reading of the bucket, or null when none. */
  max: MaxPowerView | null;
}

export function powerBuckets(agg: AggregateView, rows: readonly MaxPowerView[], period: ChartPeriod): PowerBucket[] {
  const best = new Map<string, MaxPowerView>();
  for (const r of rows) {
    const b = bucketOf(r.date, period);
    const seen = best.get(b);
    if (!seen || r.va > seen.va) best.set(b, r);
  }
  return agg.buckets.map((b) => ({ start: b.start, max: best.get(b.start) ?? null }));
}

export function powerBars(buckets: readonly PowerBucket[], period: ChartPeriod, subscribedKva: number | null): Bar[] {
  const label = (d: string) =>
    period === 'day' || period === 'week' ? shortDay(d) : period === 'month' ? monthName(d) : d.slice(0, 4);
  return buckets.map(({ start, max }) => {
    const over = max !== null && subscribedKva !== null && max.va > subscribedKva * 1000;
    return {
      label: label(start),
      title: max
        ? `${longDay(max.date)}: ${kva(max.va)} (${time(Date.parse(max.at))})`
        : `${label(start)}: ${T.noData}`,
      total: max ? max.va / 1000 : null,
      segments: max
        ? [{ value: max.va / 1000, colour: over ? 'var(--bad)' : 'var(--accent)', title: kva(max.va) }]
        : [],
      highlight: over,
    };
  });
}
