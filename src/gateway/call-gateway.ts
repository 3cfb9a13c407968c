/**
 * One logical gateway call: quota gate, auth header, HTTP exchange, interpretation, and retries with
 * exponential back-off + jitter for what may heal (timeouts, resets, cut-off answers, 5xx,
 * ENEDIS_UNAVAILABLE, bodies that are not JSON a couple of times). Never retried: auth, quota,
 * ACCESS_DENIED and the other business errors, and a payload of the wrong shape (the same call gets the
 * same answer). Every HTTP exchange is logged at trace level (`LOG_LEVEL=trace`).
 * In token mode a 401 renews the token once.
 */
import type * as v from 'valibot';
import type { Clock } from '../domain/clock.js';
import { errorMessage } from '../errors/app-error.js';
import type { Logger } from '../log/logger.js';
import { backoffDelay, PAYLOAD_ATTEMPTS, type RetryPolicy } from './backoff.js';
import type { Credentials } from './credentials.js';
import { GatewayAuthError, GatewayError, GatewayPayloadError, GatewayQuotaError } from './errors.js';
import { type Interpreted, interpretResponse } from './interpret-response.js';
import { nextUtcMidnight, type QuotaGate } from './quota.js';
import { type FetchLike, sendRequest } from './transport.js';
import type { QuotaBucket } from './types.js';

export interface CallContext {
  baseUrl: string;
  clock: Clock;
  logger: Logger;
  fetchLike: FetchLike;
  credentials: Credentials;
  headers: Record<string, string>;
  quota: QuotaGate;
  retry: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  /** Every HTTP request this client sent to the gateway (retries included). */
  requests: { count: number };
}

export interface CallSpec<T> {
  /** Path template for logs and errors, e.g. `GET /enedis/consumption/daily/{pdl}`. */
  endpoint: string;
  path: string;
  query?: Record<string, string>;
  schema: v.GenericSchema<unknown, T>;
  enveloped: boolean;
  bucket: QuotaBucket | null;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Incremented once per HTTP call made (retries included). */
  counter?: { calls: number };
}

function buildUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  return `${baseUrl}${path}${qs}`;
}

async function attempt<T>(ctx: CallContext, spec: CallSpec<T>): Promise<Interpreted<T>> {
  spec.signal?.throwIfAborted();
  if (spec.bucket) ctx.quota.check(spec.bucket, spec.endpoint);
  const headers = { ...ctx.headers, Authorization: await ctx.credentials.header(spec.signal) };
  if (spec.counter) spec.counter.calls++;
  ctx.requests.count++;
  const url = buildUrl(ctx.baseUrl, spec.path, spec.query);
  const started = Date.now();
  const ex = await sendRequest(
    ctx.fetchLike,
    url,
    { method: 'GET', headers },
    spec.endpoint,
    spec.timeoutMs,
    spec.signal,
  ).catch((err: unknown) => {
    ctx.logger.trace({ query: spec.query, ms: Date.now() - started }, `GET ${spec.path} failed: ${errorMessage(err)}`);
    throw err;
  });
  ctx.logger.trace({ query: spec.query, ms: Date.now() - started }, `GET ${spec.path} → HTTP ${ex.status}`);
  return interpretResponse(spec, ex, nextUtcMidnight(ctx.clock.now()));
}

function maxAttempts(ctx: CallContext, err: GatewayError): number {
  return err instanceof GatewayPayloadError ? Math.min(ctx.retry.attempts, PAYLOAD_ATTEMPTS) : ctx.retry.attempts;
}

export async function callGateway<T>(ctx: CallContext, spec: CallSpec<T>): Promise<Interpreted<T>> {
  let renewed = false;
  for (let n = 1; ; n++) {
    try {
      return await attempt(ctx, spec);
    } catch (err) {
      if (err instanceof GatewayQuotaError && spec.bucket && ctx.quota.pausedUntil(spec.bucket) === null) {
        ctx.quota.pause(err.bucket);
        ctx.logger.warn(
          { endpoint: spec.endpoint, bucket: err.bucket, until: err.pausedUntil },
          'gateway quota exhausted',
        );
      }
      if (err instanceof GatewayAuthError && err.status === 401 && !renewed) {
        renewed = true;
        if (await ctx.credentials.renew(spec.signal)) {
          n--;
          continue;
        }
      }
      if (!(err instanceof GatewayError) || !err.retryable || n >= maxAttempts(ctx, err)) throw err;
      const delayMs = backoffDelay(ctx.retry, n, ctx.random);
      ctx.logger.warn(
        { endpoint: spec.endpoint, attempt: n, delayMs, code: err.code, reason: err.message },
        'gateway call failed, retrying',
      );
      // A stop (the engine's signal) ends the wait at once, not after the back-off.
      await ctx.sleep(delayMs, spec.signal);
      spec.signal?.throwIfAborted();
    }
  }
}
