/**
 * Curve coverage per Paris day, computed in SQL. A Paris day is not a UTC day (and lasts 23 or 25 hours
 * on DST days), so instead of SQL time-zone functions the query joins the readings to a derived table of
 * the days' precomputed UTC boundaries. The boundaries are integers and `YYYY-MM-DD` strings we computed
 * ourselves (validated), so they are inlined as literals; the same text runs on the three engines.
 */
import { addDays, eachDay, isLocalDate, parisMidnightUtc } from '../domain/time.js';
import type { DateRange, Direction } from '../domain/types.js';
import type { SqlValue } from './sql-runner.js';

/** Days per query, keeping the statement small. */
const DAYS_PER_QUERY = 370;

export interface CoverageQuery {
  text: string;
  params: SqlValue[];
}

export function dayBoundaries(range: DateRange): { date: string; from: number; to: number }[] {
  const days = eachDay(range);
  const out: { date: string; from: number; to: number }[] = [];
  let from = days.length > 0 ? parisMidnightUtc(days[0]!) : 0;
  for (const date of days) {
    const to = parisMidnightUtc(addDays(date, 1));
    out.push({ date, from, to });
    from = to;
  }
  return out;
}

export function curveCoverageQueries(pdl: string, direction: Direction, range: DateRange): CoverageQuery[] {
  const bounds = dayBoundaries(range);
  const queries: CoverageQuery[] = [];
  for (let i = 0; i < bounds.length; i += DAYS_PER_QUERY) {
    const part = bounds.slice(i, i + DAYS_PER_QUERY);
    const derived = part
      .map((b) => {
        if (!isLocalDate(b.date) || !Number.isSafeInteger(b.from) || !Number.isSafeInteger(b.to)) {
          throw new RangeError(`bad day boundary ${JSON.stringify(b)}`);
        }
        return `SELECT '${b.date}' AS day, ${b.from} AS lo, ${b.to} AS hi`;
      })
      .join(' UNION ALL ');
    queries.push({
      text:
        `SELECT d.day AS day, SUM(c.minutes) AS minutes, COUNT(*) AS readings FROM (${derived}) d ` +
        'JOIN load_curve c ON c.pdl = ? AND c.direction = ? AND c.start_utc >= d.lo AND c.start_utc < d.hi ' +
        'GROUP BY d.day ORDER BY d.day',
      params: [pdl, direction],
    });
  }
  return queries;
}
