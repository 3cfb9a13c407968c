/** Checks shared by every `/enedis/*` route: ownership, quota bucket, gateway-side Enedis outage. */

import { businessError, isIssue, missing, parseBool, type Reply, validationError } from './http-kit.js';
import type { Bucket } from './quota.js';
import type { RouteContext } from './state.js';
import type { PdlSpec } from './types.js';

export function bucketOf(useCache: boolean): Bucket {
  return useCache ? 'cached' : 'noCache';
}

/** The active PDL of the user, or the `ACCESS_DENIED` reply (unknown, foreign or inactive). */
export function ownedPdl(ctx: RouteContext): PdlSpec | Reply {
  const spec = ctx.sim.dataset.pdl(ctx.params[0] ?? '');
  if (spec?.isActive) return spec;
  return businessError(ctx.now, 'ACCESS_DENIED', 'Access denied: PDL not found or no permission');
}

export function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 'status' in v && 'body' in v;
}

export function rateLimitMessage(ctx: RouteContext, bucket: Bucket): string {
  const limit = ctx.sim.quota.limit(bucket);
  const hint = bucket === 'noCache' ? ' Use cache to increase limit.' : '';
  return `Daily rate limit exceeded (${limit}/${limit}).${hint}`;
}

/** True when the call must be refused for quota (bucket full or an injected `quotaExhausted` fault). */
export function quotaRefused(ctx: RouteContext, bucket: Bucket): boolean {
  return ctx.sim.faults.take(ctx.path, ['quotaExhausted']) !== null || ctx.sim.quota.isExhausted(bucket);
}

/** Count one unit, or return the `RATE_LIMIT_EXCEEDED` reply (refused calls are not counted). */
export function countOrRefuse(ctx: RouteContext, bucket: Bucket): Reply | null {
  if (quotaRefused(ctx, bucket)) return businessError(ctx.now, 'RATE_LIMIT_EXCEEDED', rateLimitMessage(ctx, bucket));
  ctx.sim.quota.count(bucket);
  return null;
}

/** `ENEDIS_UNAVAILABLE` when the fault is injected (the gateway could not get its Enedis token). */
export function enedisUnavailable(ctx: RouteContext, bucket: Bucket | null): Reply | null {
  if (ctx.sim.faults.take(ctx.path, ['enedisUnavailable']) === null) return null;
  return businessError(
    ctx.now,
    'ENEDIS_UNAVAILABLE',
    'Enedis API is unavailable: could not get an access token.',
    bucket,
  );
}

export interface DateQuery {
  start: string;
  end: string;
  useCache: boolean;
}

/** `start`, `end` (required) and `use_cache`, or the FastAPI 422 reply. */
export function dateQuery(ctx: RouteContext, useCacheDefault: boolean): DateQuery | Reply {
  const start = ctx.query.get('start');
  const end = ctx.query.get('end');
  const useCache = parseBool(ctx.query, 'use_cache', useCacheDefault);
  const issues = [start === null ? missing('start') : null, end === null ? missing('end') : null, useCache];
  const found = issues.filter(isIssue);
  if (found.length > 0) return validationError(found);
  return { start: start!, end: end!, useCache: useCache as boolean };
}
