/**
 * `GET /api/pdls/{pdl}/{consumption|production}/aggregate?period=day|week|month|year&start=&end=`:
 * energy per Paris period with the quality of each bucket (see `aggregate.ts`), as JSON or CSV; with a
 * tariff that has periods, the JSON also splits each bucket by period (`aggregate-periods.ts`).
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { Tariff } from '../../domain/pricing.js';
import { tariffFor } from '../../domain/tariff.js';
import { TARIFF_KINDS } from '../../domain/tariff-period.js';
import type { DateRange, Direction } from '../../domain/types.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import { type Bucket, bucketsOf, type DayEnergy, dayEnergy, PERIODS } from '../aggregate.js';
import { type BucketSplit, splitBuckets } from '../aggregate-periods.js';
import type { ApiContext } from '../context.js';
import { csvFormat, wantsCsv } from '../csv.js';
import { dayCosts } from '../day-costs.js';
import { findPdl } from '../find-pdl.js';
import { badRequest } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { Day, PeriodSplit } from '../openapi/shapes.js';
import { parseRange, type RangeLimits, rangeParams } from '../parse-range.js';

/** Reads a year of daily values and the coverage of the curve: small whatever the period. */
export const AGGREGATE_LIMITS: RangeLimits = { defaultDays: 365, maxDays: Number.POSITIVE_INFINITY };

const PeriodParam = v.picklist(PERIODS, 'period must be given once, as day, week, month or year (e.g. ?period=month)');

const Quality = v.strictObject({
  daily: v.pipe(v.number(), v.integer()),
  curve: v.pipe(v.number(), v.integer()),
  missing: v.pipe(v.number(), v.integer()),
});
/** With a tariff that has periods: the cost (EUR) and the per-period energy (whole Wh) and cost. */
const split = { eur: v.optional(v.number()), periods: v.optional(PeriodSplit) };
const BucketShape = v.strictObject({ start: Day, end: Day, wh: v.number(), quality: Quality, ...split });
export const Aggregate = v.strictObject({
  pdl: v.string(),
  direction: v.picklist(['consumption', 'production']),
  period: PeriodParam,
  start: Day,
  end: Day,
  wh: v.number(),
  quality: Quality,
  tariff: v.optional(v.string()),
  tariff_kind: v.optional(v.picklist(TARIFF_KINDS)),
  ...split,
  buckets: v.array(BucketShape),
});
const CSV_COLUMNS = {
  start: Day,
  end: Day,
  wh: v.number(),
  daily_days: v.number(),
  curve_days: v.number(),
  missing_days: v.number(),
};
const CSV = csvFormat(v.strictObject(CSV_COLUMNS));

/** The CSV layout with the split: `eur`, then `<period>_wh` and `<period>_eur` for each period billed. */
function splitCsv(periods: readonly string[]) {
  const extra = periods.flatMap((p) => [
    [`${p}_wh`, v.number()],
    [`${p}_eur`, v.number()],
  ]);
  return csvFormat(v.strictObject({ ...CSV_COLUMNS, eur: v.number(), ...Object.fromEntries(extra) }));
}

function csvText(buckets: Bucket[], split: Awaited<ReturnType<typeof periodSplit>>): string {
  const format = split ? splitCsv(split.tariff.periods) : CSV;
  const lines = buckets.map((b, i) => {
    const row: Record<string, unknown> = {
      start: b.start,
      end: b.end,
      wh: b.wh,
      daily_days: b.quality.daily,
      curve_days: b.quality.curve,
      missing_days: b.quality.missing,
    };
    const shares = split?.buckets[i];
    if (split && shares) {
      row.eur = shares.eur;
      for (const p of split.tariff.periods) {
        row[`${p}_wh`] = shares.periods[p]?.wh ?? 0;
        row[`${p}_eur`] = shares.periods[p]?.eur ?? 0;
      }
    }
    return format.row(row);
  });
  return format.header + lines.join('');
}

const operation = (direction: Direction): Operation => ({
  method: 'get',
  cached: true,
  path: `/api/pdls/{pdl}/${direction}/aggregate`,
  tag: 'readings',
  summary: `Stored ${direction} per Paris day, ISO week, month or year, with the quality of each bucket`,
  description:
    'quality counts the days of each bucket whose energy comes from a stored daily value (daily), from a ' +
    'complete load curve (curve), or that are missing. The first and last buckets are clipped to the range. ' +
    'When the configured tariff has periods (HP/HC, Tempo colour × HP/HC), each bucket and the whole range also ' +
    'carry eur and periods: per period the energy (whole Wh, adding up to wh) and the cost, priced as the cost ' +
    'route prices those days (missing days are not priced).',
  query: {
    period: {
      schema: PeriodParam,
      description: 'The bucket length (Paris calendar; weeks start on Monday).',
      required: true,
    },
    ...rangeParams(AGGREGATE_LIMITS, true),
  },
  responses: {
    200: {
      description:
        'The buckets (CSV: one line per bucket; with a tariff that has periods, also eur and for each period <period>_wh and <period>_eur).',
      json: Aggregate,
      csv: true,
    },
  },
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

/** The per-period split when the PDL's tariff for this direction has periods; null otherwise. */
async function periodSplit(
  ctx: ApiContext,
  point: Awaited<ReturnType<typeof findPdl>>,
  direction: Direction,
  range: DateRange,
  counted: { days: DayEnergy; buckets: Bucket[] },
): Promise<{ tariff: Tariff; buckets: BucketSplit[]; total: BucketSplit } | null> {
  const tariff = tariffFor(ctx.prices ?? {}, point, direction, await loadTariffContext(ctx.store, point.pdl));
  if (!tariff || tariff.periods.length < 2) return null;
  const days = await dayCosts(ctx.store, point.pdl, direction, range, tariff);
  return { tariff, ...splitBuckets(counted.buckets, counted.days, days, tariff.periods) };
}

function register(app: FastifyInstance, ctx: ApiContext, direction: Direction): void {
  app.get<{ Params: { pdl: string }; Querystring: Record<string, unknown> }>(
    `/api/pdls/:pdl/${direction}/aggregate`,
    { config: { answerCache: true } },
    async (request, reply) => {
      const point = await findPdl(ctx, request.params.pdl);
      const { period: raw, ...rest } = request.query ?? {};
      const period = v.safeParse(PeriodParam, raw);
      if (!period.success) throw badRequest(period.issues[0].message);
      const range = parseRange(rest, AGGREGATE_LIMITS, ctx.clock.now());
      const days = await dayEnergy(ctx.store, point.pdl, direction, range);
      const buckets = bucketsOf(days, range, period.output);
      const split = await periodSplit(ctx, point, direction, range, { days, buckets });
      if (wantsCsv(range.format, request.headers.accept)) {
        return reply.type('text/csv; charset=utf-8').send(csvText(buckets, split));
      }
      const wh = buckets.reduce((n, b) => n + b.wh, 0);
      const priced = split ? { tariff: split.tariff.fingerprint, tariff_kind: split.tariff.kind, ...split.total } : {};
      return {
        pdl: point.pdl,
        direction,
        period: period.output,
        start: range.start,
        end: range.end,
        wh,
        quality: sumQuality(buckets),
        ...priced,
        buckets: split ? buckets.map((b, i) => ({ ...b, ...split.buckets[i] })) : buckets,
      };
    },
  );
}

export function registerAggregateRoutes(app: FastifyInstance, ctx: ApiContext): void {
  register(app, ctx, 'consumption');
  register(app, ctx, 'production');
}
