/**
 * Dates as Enedis and the gateway write them: `2013-08-14`, `2013-08-14+01:00` (a local date with its
 * offset), `2019-03-04T00:00:00+01:00` or `...Z` (an instant, read as its Paris day).
 */
import { Temporal } from 'temporal-polyfill';
import { isLocalDate, parisDate } from './time.js';
import type { LocalDate } from './types.js';

const DATE_WITH_OFFSET_RE = /^(\d{4}-\d{2}-\d{2})(?:[+-]\d{2}:?\d{2}|Z)?$/;

export function parseEnedisDate(value: string | null | undefined): LocalDate | null {
  if (!value) return null;
  const text = value.trim();
  const m = DATE_WITH_OFFSET_RE.exec(text);
  if (m) return isLocalDate(m[1]!) ? m[1]! : null;
  try {
    if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(text)) {
      return parisDate(Temporal.Instant.from(text.replace(' ', 'T')).epochMilliseconds);
    }
    return Temporal.PlainDateTime.from(text.replace(' ', 'T')).toPlainDate().toString();
  } catch {
    return null;
  }
}
