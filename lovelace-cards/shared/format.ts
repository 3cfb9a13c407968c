/** Numbers and dates as the user reads them (locale from `hass`, time zone of Home Assistant). */
import type { Period } from './periods.js';

export function formatValue(v: number, metric: 'energy' | 'cost', locale: string, currency = 'EUR'): string {
  if (metric === 'cost') return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(v);
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v)} kWh`;
}

const DATE_OPTIONS: Record<Period, Intl.DateTimeFormatOptions> = {
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'short' },
  week: { day: 'numeric', month: 'short' },
  month: { month: 'short', year: '2-digit' },
  year: { year: 'numeric' },
};

export function formatBucket(ms: number, period: Period, locale: string, zone: string, long = false): string {
  const opts =
    long && period !== 'year'
      ? {
          ...DATE_OPTIONS[period],
          year: 'numeric' as const,
          ...(period === 'hour' ? { day: 'numeric' as const, month: 'short' as const } : {}),
        }
      : DATE_OPTIONS[period];
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone: zone }).format(ms);
}
