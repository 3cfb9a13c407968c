/**
 * `POST /api/sync`: starts a sync in the background; 202 when started, 409 while one runs, 429 (with
 * `Retry-After`) during the cool-down after a manual start. Scheduled syncs are not affected. A sync
 * asks the gateway only for what is missing, and the cool-down bounds manual syncs to one per
 * `cooldownMs` (10 minutes: at most 144 a day), so no client can spend the daily quota.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import { badRequest, errorBody } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody, SyncStarted } from '../openapi/shapes.js';

const SyncBody = v.strictObject({}, 'the body of POST /api/sync must be an empty JSON object: send {} or nothing');

export const SYNC_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/sync',
    tag: 'control',
    summary: 'Start a sync of every PDL now (it asks the gateway only for what is missing)',
    body: { schema: SyncBody, description: 'An empty JSON object (POST requests must be JSON).' },
    responses: {
      202: { description: 'The sync started; follow it on GET /api/status.', json: SyncStarted },
      409: { description: 'A sync is already running.', json: ErrorBody },
      429: {
        description: 'A sync was started from the API less than the cool-down ago.',
        json: ErrorBody,
        headers: { 'retry-after': 'Seconds until a sync can be started again.' },
      },
    },
  },
];

export const MANUAL_SYNC_COOLDOWN_MS = 10 * 60_000;

export function registerSyncRoute(app: FastifyInstance, ctx: ApiContext, cooldownMs = MANUAL_SYNC_COOLDOWN_MS): void {
  let lastManualStart: number | null = null;
  app.post('/api/sync', async (request, reply) => {
    const body = v.safeParse(SyncBody, request.body === undefined ? {} : request.body);
    if (!body.success) throw badRequest(body.issues[0].message);
    const now = ctx.clock.now();
    const waitMs = lastManualStart === null ? 0 : lastManualStart + cooldownMs - now;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return reply
        .code(429)
        .header('retry-after', String(seconds))
        .send(
          errorBody(
            429,
            'sync_cooldown',
            `a sync was started from the API less than ${cooldownMs / 60_000} minutes ago: try again in ${seconds} s (this keeps the gateway's daily quota safe)`,
          ),
        );
    }
    const outcome = ctx.syncTrigger.start();
    if (outcome === 'started') {
      lastManualStart = now;
      ctx.logger.info('sync started from the API');
      return reply.code(202).send({ status: 'started' });
    }
    return reply
      .code(409)
      .send(
        errorBody(
          409,
          'sync_running',
          'a sync is already running: wait for it to finish (follow it on GET /api/status)',
        ),
      );
  });
}
