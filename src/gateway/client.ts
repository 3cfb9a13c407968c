/**
 * The MyElectricalData v2 gateway client. Hides URLs, the envelope, date quirks, quotas and retries;
 * speaks domain types. Every `/enedis/*` call sends `use_cache=true` (the 1000/day bucket).
 */
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_RETRY, type RetryPolicy, sleep } from './backoff.js';
import type { CallContext } from './call-gateway.js';
import { type AuthMode, createCredentials } from './credentials.js';
import { createQuotaGate } from './quota.js';
import { type RangeCalls, rangeCalls } from './range-calls.js';
import { singleCalls } from './single-calls.js';
import { type Fetcher, toFetchLike } from './transport.js';
import type { GatewayClient } from './types.js';
import { USER_AGENT } from './user-agent.js';

export const BATCH_TIMEOUT_MS = 90_000;
export const SMALL_TIMEOUT_MS = 30_000;

export interface GatewayClientOptions {
  /** e.g. `https://www.v2.myelectricaldata.fr/api`, or a simulator's base URL ending in `/api`. */
  baseUrl: string;
  clientId?: string;
  clientSecret: string;
  /** `secret` (default): the client secret as Bearer. `token`: exchange it for a 30-day JWT first. */
  authMode?: AuthMode;
  clock: Clock;
  logger: Logger;
  /** An undici `Dispatcher` or a fetch-like function (tests, proxies). */
  fetcher?: Fetcher;
  /** Timeout of load-curve batch calls (a cold 2-year batch takes tens of seconds); default 90 s. */
  timeoutMs?: number;
  /** Timeout of every other call; default 30 s (never more than `timeoutMs`). */
  smallTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Waits between retries; rejects when `signal` aborts (the default does). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

/** The `GatewayClient` plus `getLoadCurveDetail`, the single-window load-curve route (≤ 7 days a call). */
export interface MedGatewayClient extends GatewayClient, RangeCalls {}

function buildContext(options: GatewayClientOptions, smallTimeoutMs: number): CallContext {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers = { Accept: 'application/json', 'User-Agent': options.userAgent ?? USER_AGENT };
  const fetchLike = toFetchLike(options.fetcher);
  const credentials = createCredentials({
    mode: options.authMode ?? 'secret',
    clientSecret: options.clientSecret,
    baseUrl,
    clock: options.clock,
    fetchLike,
    headers,
    timeoutMs: smallTimeoutMs,
    ...(options.clientId ? { clientId: options.clientId } : {}),
  });
  return {
    baseUrl,
    clock: options.clock,
    logger: options.logger,
    fetchLike,
    credentials,
    headers,
    quota: createQuotaGate(options.clock),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    sleep: options.sleep ?? sleep,
    random: options.random ?? Math.random,
    requests: { count: 0 },
  };
}

export function createGatewayClient(options: GatewayClientOptions): MedGatewayClient {
  const batch = options.timeoutMs ?? BATCH_TIMEOUT_MS;
  const small = Math.min(options.smallTimeoutMs ?? SMALL_TIMEOUT_MS, batch);
  const ctx = buildContext(options, small);
  return {
    ...singleCalls(ctx, small),
    ...rangeCalls(ctx, options.clock, { batch, small }),
    quotaPausedUntil: (bucket) => ctx.quota.pausedUntil(bucket),
    httpRequests: () => ctx.requests.count,
  };
}
