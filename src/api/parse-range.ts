/**
 * The `start`/`end` query parameters of the data endpoints: Paris days `YYYY-MM-DD`, `start` inclusive and
 * `end` exclusive. Both are optional: `end` defaults to tomorrow (so today is included) and `start` to
 * `end` minus the endpoint's default length. Every problem becomes a 400 naming the parameter and the fix.
 */
import * as v from 'valibot';
import { addDays, daysBetween, isLocalDate, parisToday } from '../domain/time.js';
import type { DateRange } from '../domain/types.js';
import { badRequest } from './http-error.js';

export interface RangeLimits {
  /** Days returned when `start` is missing. */
  defaultDays: number;
  /** Longest range accepted, in days. */
  maxDays: number;
}

const dateParam = (name: string) =>
  v.optional(
    v.pipe(
      v.string(`${name} must be given once, as YYYY-MM-DD (e.g. ?${name}=2026-11-01)`),
      v.check(isLocalDate, `${name} must be a calendar date written YYYY-MM-DD (e.g. ?${name}=2026-11-01)`),
    ),
  );

const RangeQuery = v.strictObject({ start: dateParam('start'), end: dateParam('end') }, (issue) => {
  const key = String(issue.input ?? '');
  return `unknown query parameter ${JSON.stringify(key)}: only start and end (YYYY-MM-DD) are accepted`;
});

function firstMessage(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  // strictObject reports an unknown key with the key itself as input.
  return issue.message;
}

/** Parses and checks the range of a data request at the instant `nowMs`. */
export function parseRange(query: unknown, limits: RangeLimits, nowMs: number): DateRange {
  const parsed = v.safeParse(RangeQuery, query ?? {});
  if (!parsed.success) throw badRequest(firstMessage(parsed.issues));
  const end = parsed.output.end ?? addDays(parisToday(nowMs), 1);
  const start = parsed.output.start ?? addDays(end, -limits.defaultDays);
  const days = daysBetween(start, end);
  if (days <= 0) {
    throw badRequest(`start (${start}) must be before end (${end}): end is exclusive, use end=${addDays(start, 1)}`);
  }
  if (days > limits.maxDays) {
    throw badRequest(
      `the range ${start} to ${end} is ${days} days long; at most ${limits.maxDays} days per request: ` +
        `split it (e.g. start=${start}&end=${addDays(start, limits.maxDays)})`,
    );
  }
  return { start, end };
}
