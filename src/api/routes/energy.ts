/**
 * Stored readings of a PDL, one route per stream the stream table serves (`api` in its spec): daily
 * energy and load curve (consumption and production) and daily maximum power. Ranges are Paris days,
 * `start` inclusive and `end` exclusive (see `parse-range.ts`). Answers stream, a week of rows at a time
 * (`stream-json.ts`), as JSON or CSV, so any range fits in one request without holding it in memory.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import {
  type AnyDayStreamSpec,
  type DayRow,
  type DayStreamSpec,
  isDayStream,
  STREAM_LIST,
} from '../../streams/index.js';
import type { ApiContext } from '../context.js';
import { csvFormat, wantsCsv } from '../csv.js';
import { findPdl } from '../find-pdl.js';
import { fastifyPath, type Operation } from '../openapi/operation.js';
import { CurveRow, DailyRow, MaxPowerRow } from '../openapi/shapes.js';
import { parseRange, rangeParams } from '../parse-range.js';
import { jsonArrayStream } from '../stream-json.js';

const KEPT = { config: { answerCache: true } };

type RowShape = v.StrictObjectSchema<v.ObjectEntries, undefined>;

const SHAPES: Record<string, { shape: RowShape; summary: string }> = {
  'daily-energy': { shape: DailyRow, summary: 'energy per Paris day (Wh)' },
  curve: { shape: CurveRow, summary: 'load curve readings (W, and Wh per interval)' },
  'max-power': { shape: MaxPowerRow, summary: 'maximum power per Paris day (VA) and when it was reached' },
};

const served = () => STREAM_LIST.filter(isDayStream).filter((s) => s.api !== null) as AnyDayStreamSpec[];

function operationOf(spec: AnyDayStreamSpec): Operation {
  const api = spec.api!;
  const { shape, summary } = SHAPES[spec.kind]!;
  const direction = spec.energy ? `${spec.energy} ` : '';
  return {
    method: 'get',
    cached: true,
    path: `/api/pdls/{pdl}/${api.path}`,
    tag: 'readings',
    summary: `Stored ${direction}${summary}`,
    description: 'Only what the database holds: a missing day or interval is absent, not zero.',
    query: rangeParams(api.limits, true),
    responses: { 200: { description: 'The rows of the range, in time order.', json: v.array(shape), csv: true } },
  };
}

export const ENERGY_OPERATIONS: Operation[] = served().map(operationOf);

function registerStream<Row>(app: FastifyInstance, ctx: ApiContext, spec: DayStreamSpec<Row>): void {
  const { api } = spec;
  if (!api) return;
  const csv = csvFormat(SHAPES[spec.kind]!.shape);
  app.get<{ Params: { pdl: string } }>(fastifyPath(`/api/pdls/{pdl}/${api.path}`), KEPT, async (request, reply) => {
    const point = await findPdl(ctx, request.params.pdl);
    const range = parseRange(request.query, api.limits, ctx.clock.now());
    const asCsv = wantsCsv(range.format, request.headers.accept);
    const read = (piece: typeof range) => spec.read(ctx.store, point.pdl, piece);
    const body = await jsonArrayStream(range, read, api.json, asCsv ? csv : undefined);
    if (!asCsv) return reply.type('application/json; charset=utf-8').send(body);
    const name = `${point.pdl}-${api.path.replace('/', '-')}-${range.start}-${range.end}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(body);
  });
}

export function registerEnergyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const spec of STREAM_LIST.filter(isDayStream)) registerStream<DayRow>(app, ctx, spec);
}
