/**
 * Stored readings of a PDL, one route per stream the stream table serves (`api` in its spec): daily
 * energy and load curve (consumption and production) and daily maximum power. Ranges are Paris days,
 * `start` inclusive and `end` exclusive (see `parse-range.ts`).
 */
import type { FastifyInstance } from 'fastify';
import { type DayRow, type DayStreamSpec, isDayStream, STREAM_LIST } from '../../streams/index.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { parseRange } from '../parse-range.js';

function registerStream<Row>(app: FastifyInstance, ctx: ApiContext, spec: DayStreamSpec<Row>): void {
  const { api } = spec;
  if (!api) return;
  app.get<{ Params: { pdl: string } }>(`/api/pdls/:pdl/${api.path}`, async (request) => {
    const point = await findPdl(ctx, request.params.pdl);
    const range = parseRange(request.query, api.limits, ctx.clock.now());
    const rows = await spec.read(ctx.store, point.pdl, range);
    return rows.map((r) => api.json(r));
  });
}

export function registerEnergyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const spec of STREAM_LIST.filter(isDayStream)) registerStream<DayRow>(app, ctx, spec);
}
