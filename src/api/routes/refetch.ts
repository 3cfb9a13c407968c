/**
 * `POST /api/pdls/{pdl}/refetch` with `{"start","end","streams"?,"dryRun"?}`: asks the gateway again for
 * days of one PDL the store already holds. The answer lists what the sync of that PDL would ask (the
 * planner's own plan, clipped to the gateway's horizons) and the quota it would use; with `dryRun` it
 * stops there (200), else it starts that sync (202, same cool-down and 409 as `POST /api/sync`). Nothing
 * is deleted beforehand: stored days are replaced only by what the gateway answers.
 */
import type { FastifyInstance } from 'fastify';
import type * as v from 'valibot';
import type { PdlScope } from '../../sync/plan-run.js';
import type { SyncTask } from '../../sync/planner/index.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { errorBody } from '../http-error.js';
import type { ManualSync } from '../manual-sync.js';
import { RefetchAnswer } from '../openapi/control-shapes.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody } from '../openapi/shapes.js';
import { parseRefetch, RefetchBody, type RefetchRequest } from '../refetch-request.js';
import { notSelected } from './sync.js';

export const REFETCH_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/pdls/{pdl}/refetch',
    tag: 'control',
    summary: 'Re-fetch a date range of one PDL (dryRun: only say the gateway calls and quota it would use)',
    description:
      'start is inclusive, end exclusive (Paris days); the range is clipped per stream to what the gateway serves ' +
      "today. The sync started is the PDL's whole sync: its other missing days and daily refreshes are in `tasks` too.",
    body: { schema: RefetchBody, description: 'The range, the streams (default: all of the PDL) and dryRun.' },
    responses: {
      200: { description: 'dryRun: what the re-fetch would ask.', json: RefetchAnswer },
      202: { description: 'The sync of the PDL started; follow it on GET /api/status.', json: RefetchAnswer },
      409: { description: 'A sync is already running, or the `pdls` setting excludes the PDL.', json: ErrorBody },
      429: {
        description: 'A sync was started from the API less than the cool-down ago.',
        json: ErrorBody,
        headers: { 'retry-after': 'Seconds until a sync can be started again.' },
      },
    },
  },
];

/** True when the task asks again days of the re-fetched range. */
function overlaps(t: SyncTask, scope: PdlScope): boolean {
  const refetch = scope.refetch;
  if (!t.range || !refetch?.streams.includes(t.stream as never)) return false;
  return t.range.start < refetch.range.end && t.range.end > refetch.range.start;
}

async function answer(ctx: ApiContext, pdl: string, req: RefetchRequest, tasks: SyncTask[], scope: PdlScope) {
  const calls = tasks.reduce((n, t) => n + t.calls, 0);
  const { quota } = await ctx.status.getStatus();
  const left =
    quota.cachedLimit === null || quota.cachedUsed === null ? null : Math.max(0, quota.cachedLimit - quota.cachedUsed);
  const out: v.InferOutput<typeof RefetchAnswer> = {
    status: req.dryRun ? 'dry-run' : 'started',
    pdl,
    ...req.range,
    streams: req.clipped.map((c) => ({ stream: c.stream, ...c.range })),
    tasks: tasks.map((t) => ({
      stream: t.stream,
      start: t.range?.start ?? null,
      end: t.range?.end ?? null,
      calls: t.calls,
      refetch: overlaps(t, scope),
    })),
    calls,
    // Every PDL call sends use_cache=true: the cached (1000/day) bucket.
    quotaUnits: { cached: calls, noCache: 0 },
    quotaLeft: left,
  };
  return out;
}

export function registerRefetchRoute(app: FastifyInstance, ctx: ApiContext, startSync: ManualSync): void {
  app.post<{ Params: { pdl: string } }>('/api/pdls/:pdl/refetch', async (request, reply) => {
    const point = await findPdl(ctx, request.params.pdl);
    const req = parseRefetch(request.body, point, ctx.clock.now());
    const excluded = notSelected(ctx, point.pdl);
    if (excluded) return reply.code(409).send(excluded);
    if (!ctx.syncControl) {
      return reply.code(503).send(errorBody(503, 'sync_unavailable', 'the sync engine does not run in this process'));
    }
    const scope: PdlScope = {
      pdl: point.pdl,
      refetch: { streams: req.clipped.map((c) => c.stream), range: req.range },
    };
    const body = await answer(ctx, point.pdl, req, await ctx.syncControl.preview(scope), scope);
    if (req.dryRun) return body;
    if (!startSync(reply, scope)) return reply;
    ctx.logger.info({ pdl: point.pdl, ...req.range, calls: body.calls }, 're-fetch asked from the API');
    return reply.code(202).send(body);
  });
}
