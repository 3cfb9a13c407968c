/**
 * The MyElectricalData v2 gateway client. Hides URLs, the envelope, date quirks, quotas and retries;
 * speaks domain types. Every `/enedis/*` call sends `use_cache=true` (the 1000/day bucket).
 */
import type { Clock } from '../domain/clock.js';
import { normaliseEcoWatt, normaliseTempo } from '../domain/normalise-readings.js';
import { normaliseUsagePoint } from '../domain/normalise-usage-point.js';
import { parseAddress, parseContract } from '../domain/parse-contract.js';
import { addDays, parisToday } from '../domain/time.js';
import type { CurveReading, DateRange, Direction } from '../domain/types.js';
import type { Logger } from '../log/logger.js';
import { DEFAULT_RETRY, type RetryPolicy } from './backoff.js';
import { type CallContext, type CallSpec, callGateway } from './call-gateway.js';
import { type AuthMode, createCredentials } from './credentials.js';
import { GatewayError } from './errors.js';
import { fetchPlannedRange } from './fetch-range.js';
import { curveEndpoint, dailyEndpoint, planRequests } from './plan-requests.js';
import { createQuotaGate } from './quota.js';
import { curveSpec, dailySpec, maxPowerSpec } from './range-specs.js';
import {
  CustomerSchema,
  EcoWattListSchema,
  TempoListSchema,
  UsagePointListSchema,
  UsageStatsSchema,
} from './schemas.js';
import { type Fetcher, toFetchLike } from './transport.js';
import type { FetchOptions, FetchResult, GatewayClient } from './types.js';
import { USER_AGENT } from './user-agent.js';

export const DEFAULT_BASE_URL = 'https://www.v2.myelectricaldata.fr/api';
export const BATCH_TIMEOUT_MS = 90_000;
export const SMALL_TIMEOUT_MS = 30_000;

export interface GatewayClientOptions {
  /** e.g. `https://www.v2.myelectricaldata.fr/api`, or a simulator's base URL ending in `/api`. */
  baseUrl: string;
  clientId?: string;
  clientSecret: string;
  authMode?: AuthMode;
  clock: Clock;
  logger: Logger;
  /** An undici `Dispatcher` or a fetch-like function (tests, proxies). */
  fetcher?: Fetcher;
  /** Timeout of load-curve calls (a cold 2-year batch takes tens of seconds); default 90 s. */
  timeoutMs?: number;
  /** Timeout of every other call; default 30 s (never more than `timeoutMs`). */
  smallTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

/** The `GatewayClient` plus the single-window load-curve route (≤ 7 days per call). */
export interface MedGatewayClient extends GatewayClient {
  /** Load curve through `/enedis/{direction}/detail/{pdl}`, in ≤ 7-day windows (for days the batch cannot reach). */
  getLoadCurveDetail(
    pdl: string,
    direction: Direction,
    range: DateRange,
    options?: FetchOptions<CurveReading[]>,
  ): Promise<FetchResult<CurveReading[]>>;
}

const PDL_RE = /^\d{14}$/;

function checkPdl(pdl: string): void {
  if (!PDL_RE.test(pdl)) {
    throw new GatewayError(
      'INVALID_PDL',
      `the usage point id ${JSON.stringify(pdl)} is not 14 digits: check the PDL`,
      'client',
    );
  }
}

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
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
  };
}

export function createGatewayClient(options: GatewayClientOptions): MedGatewayClient {
  const batchTimeout = options.timeoutMs ?? BATCH_TIMEOUT_MS;
  const smallTimeout = Math.min(options.smallTimeoutMs ?? SMALL_TIMEOUT_MS, batchTimeout);
  const ctx = buildContext(options, smallTimeout);
  const logger = options.logger;
  const today = () => parisToday(options.clock.now());
  const small = <T>(spec: Omit<CallSpec<T>, 'timeoutMs'>) => callGateway(ctx, { timeoutMs: smallTimeout, ...spec });

  const customer = async (kind: 'contract' | 'address', pdl: string) => {
    checkPdl(pdl);
    const path = `/enedis/${kind}/${pdl}`;
    const query = { use_cache: 'true' };
    const spec = { endpoint: `GET /enedis/${kind}/{pdl}`, path, query, schema: CustomerSchema, enveloped: true };
    return (await small({ ...spec, bucket: 'cached' })).data;
  };

  const loadCurve =
    (mode: 'batch' | 'detail') =>
    async (pdl: string, direction: Direction, range: DateRange, opts?: FetchOptions<CurveReading[]>) => {
      checkPdl(pdl);
      const endpoint = curveEndpoint(direction, mode);
      const calls = planRequests(endpoint, pdl, range, today());
      const timeout = mode === 'batch' ? batchTimeout : smallTimeout;
      return fetchPlannedRange(ctx, calls, curveSpec(timeout, logger, endpoint), opts);
    };

  return {
    async listUsagePoints() {
      const spec = { endpoint: 'GET /pdl', path: '/pdl', schema: UsagePointListSchema, enveloped: true, bucket: null };
      return (await small(spec)).data.map(normaliseUsagePoint);
    },
    getContract: async (pdl) => parseContract(await customer('contract', pdl), pdl),
    getAddress: async (pdl) => parseAddress(await customer('address', pdl), pdl),
    async getDailyEnergy(pdl, direction, range, opts) {
      checkPdl(pdl);
      const calls = planRequests(dailyEndpoint(direction), pdl, range, today());
      return fetchPlannedRange(ctx, calls, dailySpec(smallTimeout), opts);
    },
    getLoadCurve: loadCurve('batch'),
    getLoadCurveDetail: loadCurve('detail'),
    async getMaxPower(pdl, range, opts) {
      checkPdl(pdl);
      return fetchPlannedRange(ctx, planRequests('maxPower', pdl, range, today()), maxPowerSpec(smallTimeout), opts);
    },
    async getTempoDays(range) {
      if (range.start >= range.end) return [];
      // `start_date` behaves as exclusive on the gateway: ask one day earlier, keep only `range`.
      const query = { start_date: addDays(range.start, -1), end_date: addDays(range.end, -1) };
      const spec = { endpoint: 'GET /tempo/days', path: '/tempo/days', query, schema: TempoListSchema };
      const res = await small({ ...spec, enveloped: true, bucket: null });
      return normaliseTempo(res.data).filter((d) => d.date >= range.start && d.date < range.end);
    },
    async getEcoWattForecast(days = 4) {
      const query = { days: String(Math.min(7, Math.max(1, Math.round(days)))) };
      const spec = { endpoint: 'GET /ecowatt/forecast', path: '/ecowatt/forecast', query, schema: EcoWattListSchema };
      return normaliseEcoWatt((await small({ ...spec, enveloped: true, bucket: 'noCache' })).data);
    },
    async getUsageStats() {
      const path = '/accounts/usage-stats';
      const d = (
        await small({ endpoint: `GET ${path}`, path, schema: UsageStatsSchema, enveloped: true, bucket: null })
      ).data;
      return {
        cachedRequests: d.cached_requests,
        noCacheRequests: d.no_cache_requests,
        cachedLimit: d.cached_limit,
        noCacheLimit: d.no_cache_limit,
        date: d.date,
      };
    },
    quotaPausedUntil: (bucket) => ctx.quota.pausedUntil(bucket),
  };
}
