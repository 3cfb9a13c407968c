/**
 * The `start`/`end` query parameters of the data endpoints: Paris days `YYYY-MM-DD`, `start` inclusive and
 * `end` exclusive. Both are optional: `end` defaults to tomorrow (so today is included) and `start` to
 * `end` minus the endpoint's default length; `start` equal to `end` is the empty range. Every problem becomes a 400 naming the parameter and the fix.
 */
import * as v from 'valibot';
import { addDays, daysBetween, isLocalDate, parisToday } from '../domain/time.js';
import type { DateRange } from '../domain/types.js';
import { badRequest } from './http-error.js';
import type { QueryParam } from './openapi/operation.js';

export interface RangeLimits {
  /** Days returned when `start` is missing. */
  defaultDays: number;
  /** Longest range accepted, in days. */
  maxDays: number;
}

/** Years outside 1970–2099 hold no meter data; bounding them keeps any range a bounded amount of work. */
const DATE_PATTERN = /^(19[7-9]\d|20\d\d)-\d{2}-\d{2}$/;

const dateParam = (name: string) => {
  const message = `${name} must be a calendar date written YYYY-MM-DD, from 1970 to 2099 (e.g. ?${name}=2026-11-01)`;
  return v.optional(
    v.pipe(
      v.string(`${name} must be given once, as YYYY-MM-DD (e.g. ?${name}=2026-11-01)`),
      v.isoDate(message),
      v.regex(DATE_PATTERN, message),
      v.check(isLocalDate, message),
    ),
  );
};

const FORMAT = v.optional(v.picklist(['json', 'csv'], 'format must be given once, as json or csv (e.g. ?format=csv)'));

const RANGE_ENTRIES = { start: dateParam('start'), end: dateParam('end'), format: FORMAT };

const RangeQuery = v.strictObject(RANGE_ENTRIES, (issue) => {
  const key = String(issue.input ?? '');
  return `unknown query parameter ${JSON.stringify(key)}: only start, end (YYYY-MM-DD) and format (json, csv) are accepted`;
});

/** The query parameters of a range endpoint, for the OpenAPI document (the same schemas as `parseRange`). */
export function rangeParams(limits: RangeLimits, csv: boolean): Record<string, QueryParam> {
  const max = Number.isFinite(limits.maxDays) ? ` At most ${limits.maxDays} days per request.` : '';
  const params: Record<string, QueryParam> = {
    start: {
      schema: RANGE_ENTRIES.start.wrapped,
      description: `First Paris day, inclusive (default: end minus ${limits.defaultDays} days).${max}`,
    },
    end: { schema: RANGE_ENTRIES.end.wrapped, description: 'Paris day after the last one (default: tomorrow).' },
  };
  if (csv)
    params.format = { schema: FORMAT.wrapped, description: 'csv: the same rows as CSV (or send Accept: text/csv).' };
  return params;
}

export interface ParsedRange extends DateRange {
  format?: 'json' | 'csv';
}

function firstMessage(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  // strictObject reports an unknown key with the key itself as input.
  return issue.message;
}

/** Parses and checks the range of a data request at the instant `nowMs`. */
export function parseRange(query: unknown, limits: RangeLimits, nowMs: number): ParsedRange {
  const parsed = v.safeParse(RangeQuery, query ?? {});
  if (!parsed.success) throw badRequest(firstMessage(parsed.issues));
  const end = parsed.output.end ?? addDays(parisToday(nowMs), 1);
  const start = parsed.output.start ?? addDays(end, -limits.defaultDays);
  const days = daysBetween(start, end);
  if (days < 0) {
    throw badRequest(`start (${start}) must not be after end (${end}): end is exclusive, use end=${addDays(start, 1)}`);
  }
  if (days > limits.maxDays) {
    throw badRequest(
      `the range ${start} to ${end} is ${days} days long; at most ${limits.maxDays} days per request: ` +
        `split it (e.g. start=${start}&end=${addDays(start, limits.maxDays)})`,
    );
  }
  return { start, end, format: parsed.output.format };
}
