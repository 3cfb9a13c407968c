/**
 * Dated prices: the configured simple prices are the row "from the beginning", each `prices` period a
 * row from its `from` day (Paris) on. A row sets only the prices it names; the others carry on from the
 * rows before it. The earliest value of a price also covers the days before its first row, so a
 * history older than the first dated row is still priced. Pure.
 */

import { compareText } from './compare-text.js';
import type { TariffPeriod, TempoPeriod } from './tariff-period.js';
import type { LocalDate } from './types.js';

/** EUR per kWh, and EUR per month for the subscription; a missing price means "not set here". */
export interface PriceFields {
  baseKwh?: number;
  hcKwh?: number;
  hpKwh?: number;
  productionKwh?: number;
  tempo?: Partial<Record<TempoPeriod, number>>;
  subscriptionEurMonth?: number;
}

export interface DatedPrices extends PriceFields {
  /** First Paris day the row applies to. */
  from: LocalDate;
}

/** What a price row prices: a tariff period, the production, or the monthly subscription. */
export type PriceField = TariffPeriod | 'production' | 'subscription';

/** One resolved row: from `from` (null: the beginning) the fields it sets. */
export interface PriceRow {
  from: LocalDate | null;
  values: Partial<Record<PriceField, number>>;
}

function fieldsOf(p: PriceFields): Partial<Record<PriceField, number>> {
  const out: Partial<Record<PriceField, number>> = {
    base: p.baseKwh,
    hc: p.hcKwh,
    hp: p.hpKwh,
    production: p.productionKwh,
    subscription: p.subscriptionEurMonth,
    ...p.tempo,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The rows of the simple prices and the dated periods, sorted by `from` (the simple row first). */
export function priceRows(simple: PriceFields, dated: readonly DatedPrices[] = []): PriceRow[] {
  const rows: PriceRow[] = [{ from: null, values: fieldsOf(simple) }];
  const sorted = [...dated].sort((a, b) => compareText(a.from, b.from));
  for (const d of sorted) rows.push({ from: d.from, values: fieldsOf(d) });
  return rows;
}

/** True when some row sets `field`. */
export function hasField(rows: readonly PriceRow[], field: PriceField): boolean {
  return rows.some((r) => r.values[field] !== undefined);
}

/**
 * The value of `field` on `date`: the last row from on or before `date` that sets it, else the first
 * row that sets it at all; undefined when no row does.
 */
export function valueOn(rows: readonly PriceRow[], field: PriceField, date: LocalDate): number | undefined {
  let found: number | undefined;
  let first: number | undefined;
  for (const r of rows) {
    const value = r.values[field];
    if (value === undefined) continue;
    first ??= value;
    if (r.from === null || r.from <= date) found = value;
  }
  return found ?? first;
}

/** Every `from` day of the rows (the days a price can change). */
export function changeDays(rows: readonly PriceRow[]): LocalDate[] {
  return rows.flatMap((r) => (r.from === null ? [] : [r.from]));
}
