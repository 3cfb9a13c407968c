/**
 * The overview's numbers: yesterday, this month and this year so far (up to yesterday, as the API holds
 * complete days only), each against the same calendar days one year earlier, summed from one daily
 * aggregate (and one cost answer) covering both years.
 */
import type { AggregateView, CostView } from './api-types.js';
import { addDays, addYears, type Day, monthStart, yearStart } from './dates.js';
import type { Range } from './energy-api.js';

export type Span = 'yesterday' | 'month' | 'year';
export const SPANS: readonly Span[] = ['yesterday', 'month', 'year'];

export interface Totals {
  wh: number;
  /** Days of the range without any energy (neither a daily value nor a complete curve). */
  missing: number;
  days: number;
  /** null without a tariff. */
  eur: number | null;
}

export interface SpanFigures {
  span: Span;
  range: Range;
  now: Totals;
  lastYear: Totals;
}

export function spanRange(span: Span, today: Day): Range {
  if (span === 'yesterday') return { start: addDays(today, -1), end: today };
  return { start: span === 'month' ? monthStart(today) : yearStart(today), end: today };
}

export const lastYearOf = (r: Range): Range => ({ start: addYears(r.start, -1), end: addYears(r.end, -1) });

/** What the overview fetches: from 1 January of last year to today (exclusive). */
export const overviewRange = (today: Day): Range => ({ start: addYears(yearStart(today), -1), end: today });

function totals(r: Range, daily: AggregateView, cost: CostView | null): Totals {
  const t: Totals = { wh: 0, missing: 0, days: 0, eur: cost ? 0 : null };
  for (const b of daily.buckets) {
    if (b.start < r.start || b.start >= r.end) continue;
    t.days++;
    t.wh += b.wh;
    t.missing += b.quality.missing;
  }
  if (cost && t.eur !== null) {
    for (const d of cost.days) if (d.date >= r.start && d.date < r.end) t.eur += d.eur;
    t.eur = Math.round(t.eur * 1e6) / 1e6;
  }
  return t;
}

export function overviewFigures(today: Day, daily: AggregateView, cost: CostView | null): SpanFigures[] {
  return SPANS.map((span) => {
    const range = spanRange(span, today);
    return { span, range, now: totals(range, daily, cost), lastYear: totals(lastYearOf(range), daily, cost) };
  });
}

/** The change against last year, or null when it would mislead (a side incomplete, or nothing last year). */
export function change(f: SpanFigures): number | null {
  if (f.now.missing || f.lastYear.missing || f.lastYear.wh <= 0 || f.now.days === 0) return null;
  return (f.now.wh - f.lastYear.wh) / f.lastYear.wh;
}
