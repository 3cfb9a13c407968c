/**
 * Numbers and dates as the user reads them (locale from `hass`, time zone of Home Assistant). `Intl`
 * formatters are costly to build, and a chart formats thousands of values: each one is built once.
 */
import type { Period } from './periods.js';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatValue(v: number, metric: 'energy' | 'cost', locale: string, currency = 'EUR'): string {
  if (metric === 'cost') {
    return cached(
      `c|${locale}|${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
    ).format(v);
  }
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  const nf = cached(
    `e|${locale}|${digits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }),
  );
  return `${nf.format(v)} kWh`;
}

const DATE_OPTIONS: Record<Period, Intl.DateTimeFormatOptions> = {
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'short' },
  week: { day: 'numeric', month: 'short' },
  month: { month: 'short', year: '2-digit' },
  year: { year: 'numeric' },
};

const LONG_OPTIONS: Record<Period, Intl.DateTimeFormatOptions> = {
  hour: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  week: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
};

export function formatBucket(ms: number, period: Period, locale: string, zone: string, long = false): string {
  const options = (long ? LONG_OPTIONS : DATE_OPTIONS)[period];
  return cached(
    `d|${locale}|${zone}|${period}|${long}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }),
  ).format(ms);
}
