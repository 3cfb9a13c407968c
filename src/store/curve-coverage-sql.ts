/**
 * Curve coverage per Paris day, computed in SQL. A Paris day is not a UTC day (and lasts 23 or 25 hours
 * on DST days), so instead of SQL time-zone functions the query has one `UNION ALL` branch per day with
 * the day's UTC boundaries: each branch is a primary-key range scan on every engine (a join to a derived
 * table of boundaries made MariaDB scan the whole curve once per day). The boundaries are parameters and
 * every query has the same number of branches (the last one padded with empty days), so there is one SQL
 * text for every range: each engine prepares it once. With the days written into the text, SQLite kept a
 * 0.4 MiB prepared statement per range asked, a new set each day and for each span the API was asked.
 */
import { addDays, eachDay, parisMidnightUtc } from '../domain/time.js';
import type { DateRange, Direction, LocalDate } from '../domain/types.js';
import type { SqlValue } from './sql-runner.js';

/** Days per query: one `UNION ALL` branch each, well under SQLite's 500-branch compound limit. */
export const DAYS_PER_QUERY = 100;

/** Branch `i` covers the i-th day of the block; a padding branch scans the empty range [0, 0). */
const branch = (i: number) =>
  `SELECT ${i} AS i, SUM(minutes) AS minutes, COUNT(*) AS readings FROM load_curve ` +
  'WHERE pdl = ? AND direction = ? AND start_utc >= ? AND start_utc < ?';

/** The one text of every coverage query. */
export const COVERAGE_SQL = `SELECT i, minutes, readings FROM (${Array.from({ length: DAYS_PER_QUERY }, (_, i) =>
  branch(i),
).join(' UNION ALL ')}) d WHERE readings > 0 ORDER BY i`;

export interface CoverageQuery {
  text: string;
  params: SqlValue[];
  /** The day of each branch: row `i` is about `days[i]`. */
  days: LocalDate[];
}

function dayBoundaries(range: DateRange): { date: LocalDate; from: number; to: number }[] {
  const days = eachDay(range);
  const out: { date: LocalDate; from: number; to: number }[] = [];
  let from = days.length > 0 ? parisMidnightUtc(days[0]!) : 0;
  for (const date of days) {
    const to = parisMidnightUtc(addDays(date, 1));
    out.push({ date, from, to });
    from = to;
  }
  return out;
}

/** The boundaries of the last ranges asked: the status, the planner and the sensors ask the same few all day. */
const recentBounds = new Map<string, ReturnType<typeof dayBoundaries>>();
const RECENT_RANGES = 4;

function boundariesOf(range: DateRange): ReturnType<typeof dayBoundaries> {
  const key = `${range.start}|${range.end}`;
  let bounds = recentBounds.get(key);
  if (bounds) recentBounds.delete(key);
  else bounds = dayBoundaries(range);
  recentBounds.set(key, bounds);
  if (recentBounds.size > RECENT_RANGES) recentBounds.delete(recentBounds.keys().next().value as string);
  return bounds;
}

export function curveCoverageQueries(pdl: string, direction: Direction, range: DateRange): CoverageQuery[] {
  const bounds = boundariesOf(range);
  const queries: CoverageQuery[] = [];
  for (let i = 0; i < bounds.length; i += DAYS_PER_QUERY) {
    const params: SqlValue[] = [];
    const days: LocalDate[] = [];
    for (let j = i; j < i + DAYS_PER_QUERY; j++) {
      const b = bounds[j];
      if (b) days.push(b.date);
      params.push(pdl, direction, b?.from ?? 0, b?.to ?? 0);
    }
    queries.push({ text: COVERAGE_SQL, params, days });
  }
  return queries;
}
