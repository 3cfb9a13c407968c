/**
 * `POST /api/sync`: starts a sync in the background, of every PDL or of the one named by `{"pdl": …}`;
 * 202 when started, 409 while one runs, 429 (with `Retry-After`) during the cool-down after a manual
 * start (`manual-sync.ts`). A sync asks the gateway only for what is missing.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { badRequest, errorBody } from '../http-error.js';
import type { ManualSync } from '../manual-sync.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody, SyncStarted } from '../openapi/shapes.js';

export const PdlField = v.pipe(
  v.string('pdl must be the 14-digit PDL as a string, e.g. {"pdl":"12345678901234"}'),
  v.regex(/^\d{14}$/, (issue) => {
    const raw = JSON.stringify(String(issue.input).slice(0, 40));
    return `pdl ${raw} is not a PDL: use the 14-digit number listed by GET /api/pdls`;
  }),
);

const SyncBody = v.strictObject(
  { pdl: v.optional(PdlField) },
  'the body of POST /api/sync is {} (every PDL) or {"pdl":"<14 digits>"} (one PDL): no other field',
);

export const SYNC_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/sync',
    tag: 'control',
    summary: 'Start a sync now, of every PDL or of one (it asks the gateway only for what is missing)',
    body: {
      schema: SyncBody,
      description: 'An empty JSON object for every PDL, or `{"pdl": "…"}` for one (POST requests must be JSON).',
    },
    responses: {
      202: { description: 'The sync started; follow it on GET /api/status.', json: SyncStarted },
      404: { description: 'The PDL is unknown to this client.', json: ErrorBody },
      409: { description: 'A sync is already running, or the `pdls` setting excludes the PDL.', json: ErrorBody },
      429: {
        description: 'A sync was started from the API less than the cool-down ago.',
        json: ErrorBody,
        headers: { 'retry-after': 'Seconds until a sync can be started again.' },
      },
    },
  },
];

/** 409 when the `pdls` setting keeps the sync away from this PDL (only known where the engine runs). */
export function notSelected(ctx: ApiContext, pdl: string) {
  if (!ctx.syncControl || ctx.syncControl.selects(pdl)) return null;
  const message = `PDL ${pdl} is not synchronised: the pdls setting leaves it out; add it there to sync it`;
  return errorBody(409, 'pdl_not_selected', message);
}

export function registerSyncRoute(app: FastifyInstance, ctx: ApiContext, startSync: ManualSync): void {
  app.post('/api/sync', async (request, reply) => {
    const body = v.safeParse(SyncBody, request.body === undefined ? {} : request.body);
    if (!body.success) throw badRequest(body.issues[0].message);
    const pdl = body.output.pdl === undefined ? undefined : (await findPdl(ctx, body.output.pdl)).pdl;
    const excluded = pdl === undefined ? null : notSelected(ctx, pdl);
    if (excluded) return reply.code(409).send(excluded);
    if (!startSync(reply, pdl === undefined ? undefined : { pdl })) return reply;
    return reply.code(202).send(pdl === undefined ? { status: 'started' } : { status: 'started', pdl });
  });
}
