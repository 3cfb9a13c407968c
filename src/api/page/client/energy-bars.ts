/**
 * The energy chart's bars: one per aggregate bucket, its height the bucket's energy; split by tariff
 * period (HC/HP, Tempo) from the cost answer when a tariff applies, any energy the split does not cover
 * shown as "not split"; the same bucket last year as a tick; a bucket without any day of data hatched.
 */
import type { Bar, BarSegment } from '../../../../lovelace-cards/shared/bar-layout.js';
import { COLOURS } from '../../../../lovelace-cards/shared/colours.js';
import type { AggregateView, CostView, Direction } from './api-types.js';
import { bucketOf, type ChartPeriod } from './chart-windows.js';
import { kwh, longDay, monthName, monthYear, shortDay } from './format.js';
import { T, t, word } from './i18n.js';

export const periodWord = (key: string): string => word(`period_${key}`) ?? key;

/** Energy per tariff period and bucket start, from the cost days. */
function splitByBucket(cost: CostView, period: ChartPeriod): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const d of cost.days) {
    const b = bucketOf(d.date, period);
    const m = out.get(b) ?? new Map<string, number>();
    out.set(b, m);
    for (const [key, p] of Object.entries(d.periods)) m.set(key, (m.get(key) ?? 0) + p.wh);
  }
  return out;
}

const label = (start: string, period: ChartPeriod) =>
  period === 'day' || period === 'week' ? shortDay(start) : period === 'month' ? monthName(start) : start.slice(0, 4);
const name = (start: string, period: ChartPeriod) =>
  period === 'day' || period === 'week' ? longDay(start) : period === 'month' ? monthYear(start) : start.slice(0, 4);

function segments(
  direction: Direction,
  wh: number,
  split: Map<string, number> | undefined,
  order: string[],
): BarSegment[] {
  const base = direction === 'production' ? COLOURS.production! : COLOURS.total!;
  if (!split) return [{ value: wh / 1000, colour: base, title: kwh(wh), key: 'total' }];
  const out: BarSegment[] = order
    .filter((k) => (split.get(k) ?? 0) > 0)
    .map((k) => ({
      value: split.get(k)! / 1000,
      colour: COLOURS[k] ?? base,
      title: `${periodWord(k)} ${kwh(split.get(k)!)}`,
      key: k,
    }));
  const rest = wh - [...split.values()].reduce((a, b) => a + b, 0);
  if (rest > 0.5)
    out.push({ value: rest / 1000, colour: 'var(--muted)', title: `${T.notSplit} ${kwh(rest)}`, key: 'rest' });
  return out;
}

export function energyBars(
  direction: Direction,
  agg: AggregateView,
  cost: CostView | null,
  compare: AggregateView | null,
): Bar[] {
  const period = agg.period as ChartPeriod;
  const split = cost ? splitByBucket(cost, period) : null;
  const order = cost ? Object.keys(cost.periods) : [];
  return agg.buckets.map((b, i) => {
    const held = b.quality.daily + b.quality.curve;
    const before = compare?.buckets[i];
    const segs = held ? segments(direction, b.wh, split?.get(b.start), order) : [];
    const parts = [`${name(b.start, period)}: ${held ? kwh(b.wh) : T.noData}`];
    if (segs.length > 1) parts.push(segs.map((s) => s.title).join(', '));
    if (b.quality.missing && held) parts.push(t('missing', { n: b.quality.missing }));
    if (before) parts.push(`${T.lastYear} ${kwh(before.wh)}`);
    return {
      label: label(b.start, period),
      title: parts.join(' · '),
      segments: segs,
      total: held ? b.wh / 1000 : null,
      compare: before && before.quality.daily + before.quality.curve ? before.wh / 1000 : null,
    };
  });
}
