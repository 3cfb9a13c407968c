/**
 * `GET /api/pdls/{pdl}/{consumption|production}/aggregate?period=day|week|month|year&start=&end=`:
 * energy per Paris period with the quality of each bucket (see `aggregate.ts`), as JSON or CSV.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { Direction } from '../../domain/types.js';
import { aggregate, type Bucket, PERIODS } from '../aggregate.js';
import type { ApiContext } from '../context.js';
import { csvFormat, wantsCsv } from '../csv.js';
import { findPdl } from '../find-pdl.js';
import { badRequest } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { Day } from '../openapi/shapes.js';
import { parseRange, type RangeLimits, rangeParams } from '../parse-range.js';

/** Reads a year of daily values and the coverage of the curve: small whatever the period. */
export const AGGREGATE_LIMITS: RangeLimits = { defaultDays: 365, maxDays: Number.POSITIVE_INFINITY };

const PeriodParam = v.picklist(PERIODS, 'period must be given once, as day, week, month or year (e.g. ?period=month)');

const Quality = v.strictObject({
  daily: v.pipe(v.number(), v.integer()),
  curve: v.pipe(v.number(), v.integer()),
  missing: v.pipe(v.number(), v.integer()),
});
const BucketShape = v.strictObject({ start: Day, end: Day, wh: v.number(), quality: Quality });
export const Aggregate = v.strictObject({
  pdl: v.string(),
  direction: v.picklist(['consumption', 'production']),
  period: PeriodParam,
  start: Day,
  end: Day,
  wh: v.number(),
  quality: Quality,
  buckets: v.array(BucketShape),
});
const CSV = csvFormat(
  v.strictObject({
    start: Day,
    end: Day,
    wh: v.number(),
    daily_days: v.number(),
    curve_days: v.number(),
    missing_days: v.number(),
  }),
);

const operation = (direction: Direction): Operation => ({
  method: 'get',
  path: `/api/pdls/{pdl}/${direction}/aggregate`,
  tag: 'readings',
  summary: `Stored ${direction} per Paris day, ISO week, month or year, with the quality of each bucket`,
  description:
    'quality counts the days of each bucket whose energy comes from a stored daily value (daily), from a ' +
    'complete load curve (curve), or that are missing. The first and last buckets are clipped to the range.',
  query: {
    period: {
      schema: PeriodParam,
      description: 'The bucket length (Paris calendar; weeks start on Monday).',
      required: true,
    },
    ...rangeParams(AGGREGATE_LIMITS, true),
  },
  responses: { 200: { description: 'The buckets (CSV: one line per bucket).', json: Aggregate, csv: true } },
});

export const AGGREGATE_OPERATIONS: Operation[] = [operation('consumption'), operation('production')];

const sumQuality = (buckets: Bucket[]) =>
  buckets.reduce(
    (q, b) => ({
      daily: q.daily + b.quality.daily,
      curve: q.curve + b.quality.curve,
      missing: q.missing + b.quality.missing,
    }),
    { daily: 0, curve: 0, missing: 0 },
  );

function register(app: FastifyInstance, ctx: ApiContext, direction: Direction): void {
  app.get<{ Params: { pdl: string }; Querystring: Record<string, unknown> }>(
    `/api/pdls/:pdl/${direction}/aggregate`,
    async (request, reply) => {
      const point = await findPdl(ctx, request.params.pdl);
      const { period: raw, ...rest } = request.query ?? {};
      const period = v.safeParse(PeriodParam, raw);
      if (!period.success) throw badRequest(period.issues[0].message);
      const range = parseRange(rest, AGGREGATE_LIMITS, ctx.clock.now());
      const buckets = await aggregate(ctx.store, point.pdl, direction, range, period.output);
      if (wantsCsv(range.format, request.headers.accept)) {
        const lines = buckets.map((b) =>
          CSV.row({
            start: b.start,
            end: b.end,
            wh: b.wh,
            daily_days: b.quality.daily,
            curve_days: b.quality.curve,
            missing_days: b.quality.missing,
          }),
        );
        return reply.type('text/csv; charset=utf-8').send(CSV.header + lines.join(''));
      }
      const wh = buckets.reduce((n, b) => n + b.wh, 0);
      return {
        pdl: point.pdl,
        direction,
        period: period.output,
        start: range.start,
        end: range.end,
        wh,
        quality: sumQuality(buckets),
        buckets,
      };
    },
  );
}

export function registerAggregateRoutes(app: FastifyInstance, ctx: ApiContext): void {
  register(app, ctx, 'consumption');
  register(app, ctx, 'production');
}
