/**
 * `POST /api/statistics/reimport?start=YYYY-MM-DD&end=YYYY-MM-DD` with body `{"pdl": "…"}` (the Home
 * Assistant integration's `myelectricaldata.reimport_statistics` service): marks the PDL's energy as
 * changed over the range, exactly as a sync does when the gateway corrects a day, and runs every started
 * exporter now, so the statistics (Home Assistant, VictoriaMetrics, Jeedom) are written again from the
 * store. No gateway call, so no cool-down. 202 when accepted; 409 when no exporter is running.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { STREAM_LIST } from '../../streams/index.js';
import type { SyncEvents } from '../../sync/events.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { badRequest, errorBody } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody } from '../openapi/shapes.js';
import { parseRange, rangeParams } from '../parse-range.js';
import { PdlField } from './sync.js';

const LIMITS = { defaultDays: 30, maxDays: 3 * 366 };

const Body = v.strictObject(
  { pdl: PdlField },
  'the body of POST /api/statistics/reimport is {"pdl":"<14 digits>"}: no other field',
);

const Accepted = v.strictObject({
  status: v.literal('accepted'),
  pdl: v.string(),
  start: v.string(),
  end: v.string(),
  exporters: v.array(v.string()),
});

export const REIMPORT_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/statistics/reimport',
    tag: 'control',
    summary: "Write a range of one PDL's energy and costs again to every exporter, from the store",
    description:
      'The range is marked changed as a corrected day is, and the exporters run now (no gateway call). ' +
      'start inclusive, end exclusive (Paris days).',
    query: rangeParams(LIMITS, false),
    body: { schema: Body, description: 'The PDL: `{"pdl": "…"}`.' },
    responses: {
      202: { description: 'Marked; the exporters listed run now.', json: Accepted },
      404: { description: 'The PDL is unknown to this client.', json: ErrorBody },
      409: { description: 'No exporter is running (none enabled, or none could start).', json: ErrorBody },
    },
  },
];

export function registerReimportStatisticsRoute(app: FastifyInstance, ctx: ApiContext, events?: SyncEvents): void {
  app.post('/api/statistics/reimport', async (request, reply) => {
    const body = v.safeParse(Body, request.body ?? {});
    if (!body.success) throw badRequest(body.issues[0].message);
    const range = parseRange(request.query, LIMITS, ctx.clock.now());
    const point = await findPdl(ctx, body.output.pdl);
    const exporters = ctx.exporters?.started ?? [];
    if (!events || exporters.length === 0) {
      const message = 'no exporter is running: enable Home Assistant statistics, VictoriaMetrics or Jeedom first';
      return reply.code(409).send(errorBody(409, 'no_exporter', message));
    }
    for (const spec of STREAM_LIST.filter((st) => st.energy !== null)) {
      events.emit('data-changed', { pdl: point.pdl, stream: spec.name, range });
    }
    for (const exporter of exporters) void exporter.run('reimport').catch(() => undefined);
    ctx.logger.info({ pdl: point.pdl, ...range }, 'statistics re-import asked from the API');
    const names = exporters.map((e) => e.name);
    return reply
      .code(202)
      .send({ status: 'accepted', pdl: point.pdl, start: range.start, end: range.end, exporters: names });
  });
}
