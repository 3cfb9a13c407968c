/**
 * Syncs started from the API (`POST /api/sync`, a re-fetch): one at a time (409 while one runs) and at
 * most one per cool-down (429 with `Retry-After`), whatever route starts them, so no client can spend the
 * gateway's daily quota. Scheduled syncs are not affected.
 */
import type { FastifyReply } from 'fastify';
import type { PdlScope } from '../sync/plan-run.js';
import type { ApiContext } from './context.js';
import { errorBody } from './http-error.js';

export const MANUAL_SYNC_COOLDOWN_MS = 10 * 60_000;

/** Starts a sync of `scope` (every PDL when absent); false when it answered 409 or 429 on `reply`. */
export type ManualSync = (reply: FastifyReply, scope?: PdlScope) => boolean;

export function manualSyncGate(ctx: ApiContext, cooldownMs = MANUAL_SYNC_COOLDOWN_MS): ManualSync {
  let lastManualStart: number | null = null;
  return (reply, scope) => {
    const now = ctx.clock.now();
    const waitMs = lastManualStart === null ? 0 : lastManualStart + cooldownMs - now;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const message = `a sync was started from the API less than ${cooldownMs / 60_000} minutes ago: try again in ${seconds} s (this keeps the gateway's daily quota safe)`;
      reply
        .code(429)
        .header('retry-after', String(seconds))
        .send(errorBody(429, 'sync_cooldown', message));
      return false;
    }
    if ((scope ? ctx.syncTrigger.start(scope) : ctx.syncTrigger.start()) === 'started') {
      lastManualStart = now;
      ctx.logger.info(scope ? { pdl: scope.pdl } : {}, 'sync started from the API');
      return true;
    }
    const message = 'a sync is already running: wait for it to finish (follow it on GET /api/status)';
    reply.code(409).send(errorBody(409, 'sync_running', message));
    return false;
  };
}
