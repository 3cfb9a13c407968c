/**
 * Stored readings of a PDL, one route per stream the stream table serves (`api` in its spec): daily
 * energy and load curve (consumption and production) and daily maximum power. Ranges are Paris days,
 * `start` inclusive and `end` exclusive (see `parse-range.ts`). Answers stream, a week of rows at a time
 * (`stream-json.ts`), so a long range never blocks other requests.
 */
import type { FastifyInstance } from 'fastify';
import { type DayRow, type DayStreamSpec, isDayStream, STREAM_LIST } from '../../streams/index.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { parseRange } from '../parse-range.js';
import { jsonArrayStream } from '../stream-json.js';

function registerStream<Row>(app: FastifyInstance, ctx: ApiContext, spec: DayStreamSpec<Row>): void {
  const { api } = spec;
  if (!api) return;
  app.get<{ Params: { pdl: string } }>(`/api/pdls/:pdl/${api.path}`, async (request, reply) => {
    const point = await findPdl(ctx, request.params.pdl);
    const range = parseRange(request.query, api.limits, ctx.clock.now());
    const body = await jsonArrayStream(range, (piece) => spec.read(ctx.store, point.pdl, piece), api.json);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

export function registerEnergyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const spec of STREAM_LIST.filter(isDayStream)) registerStream<DayRow>(app, ctx, spec);
}
