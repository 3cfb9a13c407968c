/**
 * Dates as Enedis and the gateway write them: `2013-08-14`, `2013-08-14+01:00` (a local date with its
 * offset), `2019-03-04T00:00:00+01:00` or `...Z` (an instant, read as its Paris day), `2019-03-04T00:00:00`
 * (a local date and time, read as its date).
 */
import { dayNumber, isLocalDate, parisDate } from './time.js';
import type { LocalDate } from './types.js';

const DATE_WITH_OFFSET_RE = /^(\d{4}-\d{2}-\d{2})(?:[+-]\d{2}:?\d{2}|Z)?$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

export function parseEnedisDate(value: string | null | undefined): LocalDate | null {
  if (!value) return null;
  const text = value.trim();
  const d = DATE_WITH_OFFSET_RE.exec(text);
  if (d) return isLocalDate(d[1]!) ? d[1]! : null;
  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (!isLocalDate(date) || h > 23 || min > 59 || s > 59) return null;
  if (m[8] === undefined && m[9] === undefined) return date;
  const offsetMin = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (offsetMin !== 0 && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  return parisDate(dayNumber(date) * 86_400_000 + ((h * 60 + min - offsetMin) * 60 + s) * 1000);
}
