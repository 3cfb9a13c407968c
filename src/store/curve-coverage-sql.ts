/**
 * Curve coverage per Paris day, computed in SQL. A Paris day is not a UTC day (and lasts 23 or 25 hours
 * on DST days), so instead of SQL time-zone functions the query has one `UNION ALL` branch per day with
 * the day's precomputed UTC boundaries: each branch is a primary-key range scan on every engine (a join
 * to a derived table of boundaries made MariaDB scan the whole curve once per day). The boundaries are integers and `YYYY-MM-DD` strings we computed
 * ourselves (validated), so they are inlined as literals; the same text runs on the three engines.
 */
import { addDays, eachDay, isLocalDate, parisMidnightUtc } from '../domain/time.js';
import type { DateRange, Direction } from '../domain/types.js';
import type { SqlValue } from './sql-runner.js';

/** Days per query: one `UNION ALL` branch each, under SQLite's 500-branch compound limit. */
const DAYS_PER_QUERY = 200;

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
    const params: SqlValue[] = [];
    const branches = part.map((b) => {
      if (!isLocalDate(b.date) || !Number.isSafeInteger(b.from) || !Number.isSafeInteger(b.to)) {
        throw new RangeError(`bad day boundary ${JSON.stringify(b)}`);
      }
      params.push(pdl, direction);
      return (
        `SELECT '${b.date}' AS day, SUM(minutes) AS minutes, COUNT(*) AS readings FROM load_curve ` +
        `WHERE pdl = ? AND direction = ? AND start_utc >= ${b.from} AND start_utc < ${b.to}`
      );
    });
    queries.push({
      text: `SELECT day, minutes, readings FROM (${branches.join(' UNION ALL ')}) d WHERE readings > 0 ORDER BY day`,
      params,
    });
  }
  return queries;
}
