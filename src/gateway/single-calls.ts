/** The gateway calls that are one request each: PDLs, contract, address, Tempo, EcoWatt, usage stats. */
import { normaliseEcoWatt, normaliseTempo } from '../domain/normalise-readings.js';
import { normaliseUsagePoint } from '../domain/normalise-usage-point.js';
import { parseAddress, parseContract } from '../domain/parse-contract.js';
import { addDays } from '../domain/time.js';
import { type CallContext, type CallSpec, callGateway } from './call-gateway.js';
import { checkPdl } from './check-pdl.js';
import { normalisePayload } from './errors.js';
import {
  CustomerSchema,
  EcoWattListSchema,
  TempoListSchema,
  UsagePointListSchema,
  UsageStatsSchema,
} from './schemas.js';
import type { CallOptions, GatewayClient } from './types.js';

type SingleCalls = Pick<
  GatewayClient,
  'listUsagePoints' | 'getContract' | 'getAddress' | 'getTempoDays' | 'getEcoWattForecast' | 'getUsageStats'
>;

export function singleCalls(ctx: CallContext, timeoutMs: number): SingleCalls {
  const call = <T>(spec: Omit<CallSpec<T>, 'timeoutMs' | 'enveloped' | 'signal'>, options: CallOptions = {}) =>
    callGateway(ctx, { timeoutMs, enveloped: true, ...spec, signal: options.signal });

  const customer = async (kind: 'contract' | 'address', pdl: string, options?: CallOptions) => {
    checkPdl(pdl);
    const path = `/enedis/${kind}/${pdl}`;
    const spec = { endpoint: `GET /enedis/${kind}/{pdl}`, path, query: { use_cache: 'true' }, schema: CustomerSchema };
    return (await call({ ...spec, bucket: 'cached' }, options)).data;
  };

  return {
    async listUsagePoints(options) {
      const spec = { endpoint: 'GET /pdl', path: '/pdl', schema: UsagePointListSchema, bucket: null };
      const res = await call(spec, options);
      return normalisePayload('GET /pdl', () => res.data.map(normaliseUsagePoint));
    },
    getContract: async (pdl, options) => parseContract(await customer('contract', pdl, options), pdl),
    getAddress: async (pdl, options) => parseAddress(await customer('address', pdl, options), pdl),
    async getTempoDays(range, options) {
      if (range.start >= range.end) return [];
      // `start_date` behaves as exclusive on the gateway: ask one day earlier, keep only `range`.
      const query = { start_date: addDays(range.start, -1), end_date: addDays(range.end, -1) };
      const spec = { endpoint: 'GET /tempo/days', path: '/tempo/days', query, schema: TempoListSchema };
      const res = await call({ ...spec, bucket: null }, options);
      const days = normalisePayload(spec.endpoint, () => normaliseTempo(res.data));
      return days.filter((d) => d.date >= range.start && d.date < range.end);
    },
    async getEcoWattForecast(days = 4, options) {
      const query = { days: String(Math.min(7, Math.max(1, Math.round(days)))) };
      const spec = { endpoint: 'GET /ecowatt/forecast', path: '/ecowatt/forecast', query, schema: EcoWattListSchema };
      const res = await call({ ...spec, bucket: 'noCache' }, options);
      return normalisePayload(spec.endpoint, () => normaliseEcoWatt(res.data));
    },
    async getUsageStats(options) {
      const path = '/accounts/usage-stats';
      const spec = { endpoint: `GET ${path}`, path, schema: UsageStatsSchema, bucket: null };
      const d = (await call(spec, options)).data;
      return {
        cachedRequests: d.cached_requests,
        noCacheRequests: d.no_cache_requests,
        cachedLimit: d.cached_limit,
        noCacheLimit: d.no_cache_limit,
        date: d.date,
      };
    },
  };
}
