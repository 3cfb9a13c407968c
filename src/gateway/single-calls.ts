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
import type { GatewayClient } from './types.js';

type SingleCalls = Pick<
  GatewayClient,
  'listUsagePoints' | 'getContract' | 'getAddress' | 'getTempoDays' | 'getEcoWattForecast' | 'getUsageStats'
>;

export function singleCalls(ctx: CallContext, timeoutMs: number): SingleCalls {
  const call = <T>(spec: Omit<CallSpec<T>, 'timeoutMs' | 'enveloped'>) =>
    callGateway(ctx, { timeoutMs, enveloped: true, ...spec });

  const customer = async (kind: 'contract' | 'address', pdl: string) => {
    checkPdl(pdl);
    const path = `/enedis/${kind}/${pdl}`;
    const spec = { endpoint: `GET /enedis/${kind}/{pdl}`, path, query: { use_cache: 'true' }, schema: CustomerSchema };
    return (await call({ ...spec, bucket: 'cached' })).data;
  };

  return {
    async listUsagePoints() {
      const res = await call({ endpoint: 'GET /pdl', path: '/pdl', schema: UsagePointListSchema, bucket: null });
      return normalisePayload('GET /pdl', () => res.data.map(normaliseUsagePoint));
    },
    getContract: async (pdl) => parseContract(await customer('contract', pdl), pdl),
    getAddress: async (pdl) => parseAddress(await customer('address', pdl), pdl),
    async getTempoDays(range) {
      if (range.start >= range.end) return [];
      // `start_date` behaves as exclusive on the gateway: ask one day earlier, keep only `range`.
      const query = { start_date: addDays(range.start, -1), end_date: addDays(range.end, -1) };
      const spec = { endpoint: 'GET /tempo/days', path: '/tempo/days', query, schema: TempoListSchema };
      const res = await call({ ...spec, bucket: null });
      const days = normalisePayload(spec.endpoint, () => normaliseTempo(res.data));
      return days.filter((d) => d.date >= range.start && d.date < range.end);
    },
    async getEcoWattForecast(days = 4) {
      const query = { days: String(Math.min(7, Math.max(1, Math.round(days)))) };
      const spec = { endpoint: 'GET /ecowatt/forecast', path: '/ecowatt/forecast', query, schema: EcoWattListSchema };
      const res = await call({ ...spec, bucket: 'noCache' });
      return normalisePayload(spec.endpoint, () => normaliseEcoWatt(res.data));
    },
    async getUsageStats() {
      const path = '/accounts/usage-stats';
      const d = (await call({ endpoint: `GET ${path}`, path, schema: UsageStatsSchema, bucket: null })).data;
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
