/** `/pdl`, `/pdl/{id}`, `/accounts/me`, `/accounts/usage-stats`, `POST /accounts/token`, `/ping`, `/`. */

import { compareText } from '../../domain/compare-text.js';
import { businessError, detail, envelope, naiveUtcTimestamp, type Reply, raw, validationError } from './http-kit.js';
import type { RouteContext } from './state.js';
import type { PdlSpec } from './types.js';

export const GATEWAY_VERSION = '1.5.15';

function pdlJson(ctx: RouteContext, spec: PdlSpec): Record<string, unknown> {
  return {
    id: spec.id,
    usage_point_id: spec.usagePointId,
    name: spec.name,
    created_at: spec.createdAt,
    display_order: spec.displayOrder,
    subscribed_power: spec.subscribedPowerKva,
    offpeak_hours: spec.offpeakHours,
    pricing_option: spec.pricingOption,
    has_consumption: spec.hasConsumption,
    has_production: spec.hasProduction,
    is_active: spec.isActive,
    oldest_available_data_date: ctx.sim.dataset.oldestAvailableDataDate.get(spec.usagePointId) ?? null,
    activation_date: spec.activationDate,
    linked_production_pdl_id: spec.linkedProductionPdlId,
    selected_offer_id: null,
  };
}

function order(a: PdlSpec, b: PdlSpec): number {
  if (a.displayOrder !== b.displayOrder) {
    if (a.displayOrder === null) return 1;
    if (b.displayOrder === null) return -1;
    return a.displayOrder - b.displayOrder;
  }
  return compareText(b.createdAt, a.createdAt);
}

export function listPdls(ctx: RouteContext): Reply {
  const pdls = [...ctx.sim.dataset.pdls].sort(order).map((p) => pdlJson(ctx, p));
  return envelope(ctx.now, pdls);
}

export function getPdl(ctx: RouteContext): Reply {
  const spec = ctx.sim.dataset.pdls.find((p) => p.id === ctx.params[0]);
  if (!spec) return businessError(ctx.now, 'PDL_NOT_FOUND', 'PDL not found');
  return envelope(ctx.now, pdlJson(ctx, spec));
}

export function me(ctx: RouteContext): Reply {
  const { user } = ctx.sim;
  return envelope(ctx.now, {
    id: user.id,
    email: user.email,
    client_id: user.clientId,
    is_active: true,
    is_admin: false,
    role: 'user',
    email_verified: true,
    created_at: '2024-01-15T09:10:00.000000+00:00',
  });
}

export function usageStats(ctx: RouteContext): Reply {
  const { quota } = ctx.sim;
  const u = quota.usage();
  return envelope(ctx.now, {
    cached_requests: u.cached,
    no_cache_requests: u.noCache,
    cached_limit: quota.limits.cachedLimit,
    no_cache_limit: quota.limits.noCacheLimit,
    date: quota.utcDay(),
  });
}

function credentials(ctx: RouteContext): { id: string | null; secret: string | null } {
  const form = new URLSearchParams(ctx.body);
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const auth = ctx.headers.authorization;
  const basic = typeof auth === 'string' ? /^Basic\s+(.+)$/i.exec(auth.trim()) : null;
  if (basic && (id === null || secret === null)) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString();
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  return { id, secret };
}

export function issueToken(ctx: RouteContext): Reply {
  const { id, secret } = credentials(ctx);
  if (id === null || secret === null) {
    const loc = (name: string) => ({ type: 'missing', loc: ['body', name], msg: 'Field required', input: null });
    return validationError(
      [id === null ? loc('client_id') : null, secret === null ? loc('client_secret') : null].filter((x) => x !== null),
    );
  }
  if (!ctx.sim.auth.checkClient(id, secret)) return detail(401, 'Invalid client credentials');
  return raw({ access_token: ctx.sim.auth.issue(ctx.now), token_type: 'bearer' });
}

export function ping(ctx: RouteContext): Reply {
  return raw({ status: 'ok', version: GATEWAY_VERSION, timestamp: naiveUtcTimestamp(ctx.now) });
}

export function root(): Reply {
  return raw({ message: 'MyElectricalData API', version: GATEWAY_VERSION });
}
