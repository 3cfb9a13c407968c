/** Dates, durations and held ranges as text, in the page's language (instants in Paris time). */
import type { StreamView } from './api-types.js';
import { locale, T, t } from './i18n.js';

export const DAY = 86_400_000;

const fmtTime = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });
const fmtDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

export const time = (ms: number): string => fmtTime.format(ms);

/** "in 6 hours", "2 minutes ago"… */
export function relative(ms: number, now: number): string {
  const d = ms - now;
  const a = Math.abs(d);
  if (a < 60_000) return rel.format(Math.round(d / 1000), 'second');
  if (a < 3_600_000) return rel.format(Math.round(d / 60_000), 'minute');
  if (a < DAY) return rel.format(Math.round(d / 3_600_000), 'hour');
  return rel.format(Math.round(d / DAY), 'day');
}

/** "27 Nov 2026, 18:00 (in 6 hours)", or `none` (default "never") without an instant. */
export function when(iso: string | null, now: number, none?: string): string {
  if (!iso) return none || T.never;
  const ms = Date.parse(iso);
  return `${time(ms)} (${relative(ms, now)})`;
}

export function duration(ms: number): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  return min < 90 ? `${min} min` : `${Math.round(min / 6) / 10} h`;
}

/** A local day `YYYY-MM-DD`, shifted by `offsetMs`. */
const day = (d: string, offsetMs = 0): string => fmtDay.format(Date.parse(`${d}T00:00:00Z`) + offsetMs);

/** Streams without dates: held means stored once and refreshed. */
const UNDATED = new Set(['contract', 'address']);

/** The days a stream holds: "1 Nov 2026 → 3 Nov 2026 · 3 days" (the range's end is exclusive). */
export function held(st: StreamView): string {
  const r = st.dataRange;
  if (!r) return UNDATED.has(st.stream) && st.lastSuccessAt ? T.stored : T.noData;
  const n = Math.round((Date.parse(r.end) - Date.parse(r.start)) / DAY);
  return `${day(r.start)} → ${day(r.end, -DAY)} · ${t('days', { n })}`;
}

const kwhFmt = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
const KWH = [kwhFmt(0), kwhFmt(1), kwhFmt(2)] as const;
const EUR = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
const PCT = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });

/** Energy in kWh: one decimal below 1000 kWh, none above. */
export const kwh = (wh: number): string => `${KWH[Math.abs(wh) < 1_000_000 ? 1 : 0].format(wh / 1000)} kWh`;
/** An axis value (already in kWh or kVA), two decimals below 10. */
export const axis = (v: number): string => KWH[v < 10 ? 2 : v < 100 ? 1 : 0].format(v);
export const eur = (value: number): string => EUR.format(value);
export const kva = (va: number): string => `${KWH[2].format(va / 1000)} kVA`;
/** "+12 %" from a ratio (0.12). */
export const percent = (ratio: number): string => PCT.format(ratio);

const fmtShortDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
const fmtLongDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
const fmtMonth = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' });
const fmtMonthYear = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
const noon = (d: string) => Date.parse(`${d}T12:00:00Z`);
export const shortDay = (d: string): string => fmtShortDay.format(noon(d));
export const longDay = (d: string): string => fmtLongDay.format(noon(d));
export const monthName = (d: string): string => fmtMonth.format(noon(d));
export const monthYear = (d: string): string => fmtMonthYear.format(noon(d));
