/**
 * The local HTTP API and status page. `createApiServer` only builds the Fastify app; `listen` binds it
 * (the caller chooses the address: 127.0.0.1 by default, 0.0.0.0 in a container) and `close` stops it.
 * `inject` answers a request without a socket, for tests.
 */
import Fastify, { type InjectOptions, type LightMyRequestResponse, LogController } from 'fastify';
import type { SyncEvents } from '../sync/events.js';
import { registerAnswerCache } from './answer-cache.js';
import type { ApiContext } from './context.js';
import { clientErrorHandler, registerErrorHandlers } from './error-handler.js';
import { registerCrossSiteGuard } from './guards/cross-site-guard.js';
import { registerHostGuard } from './guards/host-guard.js';
import { recordRoutes } from './guards/method-not-allowed.js';
import { registerSecurityHeaders } from './guards/security-headers.js';
import { registerTokenGuard } from './guards/token-guard.js';
import { type IngressOptions, registerIngressGuard } from './ingress.js';
import { manualSyncGate } from './manual-sync.js';
import { createMetrics } from './metrics/metrics-registry.js';
import { registerAggregateRoutes } from './routes/aggregate.js';
import { registerCardsRoute } from './routes/cards.js';
import { registerConfigRoute } from './routes/config.js';
import { registerCostRoutes } from './routes/cost.js';
import { registerEnergyRoutes } from './routes/energy.js';
import { registerEventsRoute } from './routes/events.js';
import { registerExporterRoutes } from './routes/exporters.js';
import { registerForgetRoute } from './routes/forget.js';
import { registerGridRoutes } from './routes/grid.js';
import { registerHealthRoute } from './routes/health.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { registerOpenApiRoutes } from './routes/openapi.js';
import { registerPageRoute } from './routes/page.js';
import { registerPdlRoutes } from './routes/pdls.js';
import { registerRefetchRoute } from './routes/refetch.js';
import { registerReimportStatisticsRoute } from './routes/reimport-statistics.js';
import { registerSensorsRoute } from './routes/sensors.js';
import { registerStatusRoute } from './routes/status.js';
import { registerSyncRoute } from './routes/sync.js';

export interface ApiServerOptions extends ApiContext {
  ingress?: IngressOptions;
  /** How long `GET /api/health` waits for the store before answering 503 (default 5000 ms). */
  healthTimeoutMs?: number;
  /** Host names answered besides IP literals and `localhost` (`api_allowed_hosts`). */
  allowedHosts?: readonly string[];
  /** `api_token`: required as a Bearer token on every request but the health check and the page shell. */
  token?: string;
  /** Minimum time between two syncs started from the API (default 10 minutes). */
  manualSyncCooldownMs?: number;
  /** The sync events, for the counters of `/metrics` (absent: they stay at 0). */
  events?: SyncEvents;
  /** The configuration in force, already redacted, for `GET /api/config` (absent: 404). */
  config?: Readonly<Record<string, unknown>>;
  /** How often `/api/events` compares the exporters' states to announce a change (default 10 s). */
  exporterCheckMs?: number;
}

/**
 * No route gives Fastify a JSON schema (valibot validates every input in the handlers), so Fastify's
 * default compilers (ajv, fast-json-stringify: a third of its start-up) are never needed: these
 * stand-ins keep them from loading, and say what to do if a route ever declares a schema.
 */
const NO_SCHEMA_COMPILERS = {
  buildValidator: () => () => {
    throw new Error('Fastify route schemas are not used in this program: validate the input with valibot');
  },
  buildSerializer: () => () => {
    throw new Error('Fastify response schemas are not used in this program: answer plain JSON');
  },
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** True when `host` makes the API reachable from other machines. */
export function beyondLoopback(host: string): boolean {
  return !LOOPBACK.test(host);
}

export interface ApiServer {
  /** Binds the server and resolves to its URL (e.g. `http://127.0.0.1:8099`). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export function createApiServer(options: ApiServerOptions): ApiServer {
  const logger = options.logger.child({ component: 'api' });
  const { store, status, syncTrigger, clock, version, prices, syncControl, exporters, config } = options;
  const ctx: ApiContext = {
    store,
    status,
    syncTrigger,
    clock,
    version,
    logger,
    prices,
    syncControl,
    exporters,
    config,
  };
  // Fastify 5 deprecates the top-level `disableRequestLogging` (FSTDEP023, printed at every start): the
  // log controller carries it now.
  const app = Fastify({
    logger: false,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    clientErrorHandler,
    schemaController: { compilersFactory: NO_SCHEMA_COMPILERS },
  });
  const ingress = options.ingress ?? { enabled: false, allowedAddresses: [] };
  const routes = recordRoutes(app);
  registerSecurityHeaders(app, { allowSameOriginFrames: ingress.enabled });
  registerIngressGuard(app, ingress);
  if (!ingress.enabled) registerHostGuard(app, options.allowedHosts ?? []);
  registerTokenGuard(app, options.token);
  registerCrossSiteGuard(app, { checkOrigin: !ingress.enabled });
  registerErrorHandlers(app, logger, routes);
  registerAnswerCache(app, ctx);
  registerHealthRoute(app, ctx, options.healthTimeoutMs ?? 5000);
  registerStatusRoute(app, ctx);
  registerConfigRoute(app, ctx);
  registerExporterRoutes(app, ctx);
  registerPdlRoutes(app, ctx);
  registerEnergyRoutes(app, ctx);
  registerAggregateRoutes(app, ctx);
  registerCostRoutes(app, ctx);
  registerGridRoutes(app, ctx);
  registerOpenApiRoutes(app, ctx, Boolean(options.token));
  const startSync = manualSyncGate(ctx, options.manualSyncCooldownMs);
  registerSyncRoute(app, ctx, startSync);
  registerRefetchRoute(app, ctx, startSync);
  registerForgetRoute(app, ctx);
  registerPageRoute(app, ctx);
  registerCardsRoute(app);
  registerSensorsRoute(app, ctx);
  registerEventsRoute(app, ctx, { events: options.events, exporterCheckMs: options.exporterCheckMs });
  registerReimportStatisticsRoute(app, ctx, options.events);
  registerMetricsRoute(app, createMetrics({ store, status, clock, events: options.events, prices }));

  return {
    async listen(port, host) {
      const url = await app.listen({ port, host });
      logger.info({ url }, 'API and status page listening');
      if (beyondLoopback(host) && !options.token && !ingress.enabled) {
        logger.warn(
          `the API listens on ${host}, reachable from your network, without a token: set api_token so that only you can read your data and start syncs`,
        );
      }
      return url;
    },
    close: () => app.close(),
    inject: (request) => app.inject(request),
  };
}
