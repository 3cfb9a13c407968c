/**
 * `POST /api/statistics/reimport?start=YYYY-MM-DD&end=YYYY-MM-DD` with body `{"pdl": "…"}` (the Home
 * Assistant integration's `myelectricaldata.reimport_statistics` service): marks the PDL's energy as
 * changed from `start` on, exactly as a sync does when the gateway corrects a day, so the statistics
 * exporter re-imports those hours at its next run, and starts a sync to get that run (a sync only asks
 * the gateway for what is missing). 202 when accepted; 409 when the statistics export is not set up.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { STREAM_LIST } from '../../streams/index.js';
import type { SyncEvents } from '../../sync/events.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { badRequest, errorBody } from '../http-error.js';
import { parseRange } from '../parse-range.js';

const Body = v.object({ pdl: v.string('pdl must be the 14-digit PDL as a string, e.g. {"pdl":"12345678901234"}') });

export function registerReimportStatisticsRoute(app: FastifyInstance, ctx: ApiContext, events?: SyncEvents): void {
  app.post('/api/statistics/reimport', async (request, reply) => {
    const body = v.safeParse(Body, request.body ?? {});
    if (!body.success) throw badRequest(body.issues[0].message);
    const point = await findPdl(ctx, body.output.pdl);
    const range = parseRange(request.query, { defaultDays: 30, maxDays: 3 * 366 }, ctx.clock.now());
    if (!events) {
      return reply.code(409).send(errorBody(409, 'no_exporter', 'the statistics export is not running'));
    }
    for (const spec of STREAM_LIST.filter((st) => st.energy !== null)) {
      events.emit('data-changed', { pdl: point.pdl, stream: spec.name, range });
    }
    const sync = ctx.syncTrigger.start();
    ctx.logger.info({ pdl: point.pdl, ...range }, 'statistics re-import asked from the API');
    return reply.code(202).send({ status: 'accepted', pdl: point.pdl, ...range, sync });
  });
}
