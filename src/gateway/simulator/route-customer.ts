/** Contract, address, customer and contact: raw Enedis JSON, one quota unit each, consumption-only contracts. */
import { addressJson, contactJson, contractJson, customerJson } from './enedis-customer-json.js';
import { bucketOf, countOrRefuse, enedisUnavailable, isReply, ownedPdl } from './enedis-guard.js';
import { businessError, envelope, isIssue, parseBool, type Reply, validationError } from './http-kit.js';
import type { RouteContext } from './state.js';
import type { PdlSpec } from './types.js';

type What = 'contract' | 'address' | 'customer' | 'contact';

const BUILDERS: Record<What, (spec: PdlSpec) => unknown> = {
  contract: contractJson,
  address: addressJson,
  customer: customerJson,
  contact: contactJson,
};

export function customerRoute(what: What) {
  return (ctx: RouteContext): Reply => {
    const useCache = parseBool(ctx.query, 'use_cache', false);
    if (isIssue(useCache)) return validationError([useCache]);
    const spec = ownedPdl(ctx);
    if (isReply(spec)) return spec;
    const bucket = bucketOf(useCache);
    const refused = countOrRefuse(ctx, bucket) ?? enedisUnavailable(ctx, bucket);
    if (refused) return refused;
    if (ctx.upstream.injectedFailure()) {
      return businessError(ctx.now, 'ENEDIS_ERROR', 'technical_error: Simulated Enedis technical error.', bucket);
    }
    if (what === 'contract' && !spec.hasConsumption) {
      const text = 'ADAM-ERR0069: No contract for this usage point (production only).';
      return businessError(ctx.now, 'ENEDIS_ERROR', text, bucket);
    }
    return envelope(ctx.now, BUILDERS[what](spec), null, bucket);
  };
}

export function deleteCache(ctx: RouteContext): Reply {
  const prm = ctx.params[0] ?? '';
  const n = ctx.sim.cache.clear(prm);
  return {
    status: 200,
    body: { success: true, deleted_keys: n, message: `Deleted ${n} cache keys for PDL ${prm}` },
    code: null,
    bucket: null,
  };
}
