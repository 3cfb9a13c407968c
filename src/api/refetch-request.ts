/**
 * The body of `POST /api/pdls/{pdl}/refetch`, checked: the streams (default: every day stream of the
 * PDL), the Paris days `start` (inclusive) to `end` (exclusive), `dryRun`; and the range clipped to what
 * the gateway serves today for each stream (`streamHorizon`, the planner's own horizons). Every problem
 * is a 400 naming the field and the fix.
 */
import * as v from 'valibot';
import { addDays, isLocalDate, maxDate, minDate, parisToday } from '../domain/time.js';
import type { DateRange, UsagePoint } from '../domain/types.js';
import { type DayStreamName, isDayStream, STREAM_LIST } from '../streams/index.js';
import { dayStreamsOf, streamHorizon } from '../sync/planner/index.js';
import { badRequest } from './http-error.js';

/** Day streams a PDL can own (not Tempo, which is the account's). */
export const PDL_DAY_STREAMS = STREAM_LIST.filter((s) => isDayStream(s) && s.owner !== 'account').map(
  (s) => s.name as DayStreamName,
);

const day = (name: string) => {
  const message = `${name} must be a calendar date written YYYY-MM-DD (e.g. {"${name}":"2026-06-01"})`;
  return v.pipe(v.string(message), v.regex(/^\d{4}-\d{2}-\d{2}$/, message), v.check(isLocalDate, message));
};

const streamsMessage = `streams must be a non-empty list of ${PDL_DAY_STREAMS.join(', ')} (or left out: every stream of the PDL)`;

const BODY_HINT =
  'the body is {"start":"YYYY-MM-DD","end":"YYYY-MM-DD"} with optional "streams" (a list) and "dryRun" (true/false), no other field';

export const RefetchBody = v.strictObject(
  {
    streams: v.optional(
      v.pipe(v.array(v.picklist(PDL_DAY_STREAMS, streamsMessage), streamsMessage), v.minLength(1, streamsMessage)),
    ),
    start: day('start'),
    end: day('end'),
    dryRun: v.optional(v.boolean('dryRun must be true or false')),
  },
  (issue) => {
    const key = String(issue.path?.[0]?.key ?? '');
    if (issue.expected === 'never') return `unknown field ${JSON.stringify(key.slice(0, 40))}: ${BODY_HINT}`;
    return key ? `${key} is required: ${BODY_HINT}` : BODY_HINT;
  },
);

export interface RefetchRequest {
  range: DateRange;
  dryRun: boolean;
  /** Each stream asked, with the days of the range the gateway serves for it today (end exclusive). */
  clipped: { stream: DayStreamName; range: DateRange }[];
}

function checkStreams(asked: readonly DayStreamName[] | undefined, point: UsagePoint): DayStreamName[] {
  const owned = dayStreamsOf(point);
  const streams = asked ? [...new Set(asked)] : owned;
  const foreign = streams.find((s) => !owned.includes(s));
  if (foreign) {
    throw badRequest(`streams: PDL ${point.pdl} has no ${foreign} stream; its streams are ${owned.join(', ')}`);
  }
  return streams;
}

export function parseRefetch(body: unknown, point: UsagePoint, nowMs: number): RefetchRequest {
  const parsed = v.safeParse(RefetchBody, body ?? {});
  if (!parsed.success) throw badRequest(parsed.issues[0].message);
  const { start, end } = parsed.output;
  if (end <= start) {
    throw badRequest(`end (${end}) must be after start (${start}): end is exclusive, e.g. end=${addDays(start, 1)}`);
  }
  const streams = checkStreams(parsed.output.streams, point);
  const today = parisToday(nowMs);
  const horizons = streams.map((stream) => ({ stream, horizon: streamHorizon(stream, today, point) }));
  const oldest = horizons.map((h) => h.horizon.start).reduce(minDate);
  const newestEnd = horizons.map((h) => h.horizon.end).reduce(maxDate);
  if (start >= newestEnd) {
    throw badRequest(
      `start (${start}) is past the newest day the gateway serves for these streams (${addDays(newestEnd, -1)}): use start=${addDays(newestEnd, -1)} or earlier`,
    );
  }
  if (end <= oldest) {
    throw badRequest(
      `end (${end}) is before the oldest day the gateway serves for these streams (${oldest}): use end after ${oldest}`,
    );
  }
  const clipped = horizons
    .map(({ stream, horizon }) => ({
      stream,
      range: { start: maxDate(start, horizon.start), end: minDate(end, horizon.end) },
    }))
    .filter((c) => c.range.start < c.range.end);
  if (clipped.length === 0) {
    throw badRequest(
      `start..end (${start}..${end}) holds no day the gateway serves for ${streams.join(', ')}: widen the range`,
    );
  }
  return { range: { start, end }, dryRun: parsed.output.dryRun ?? false, clipped };
}
