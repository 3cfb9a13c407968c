/**
 * The local HTTP API and status page. `createApiServer` only builds the Fastify app; `listen` binds it
 * (the caller chooses the address: 127.0.0.1 by default, 0.0.0.0 in a container) and `close` stops it.
 * `inject` answers a request without a socket, for tests.
 */
import Fastify, { type InjectOptions, type LightMyRequestResponse, LogController } from 'fastify';
import type { ApiContext } from './context.js';
import { registerErrorHandlers } from './error-handler.js';
import { type IngressOptions, registerIngressGuard } from './ingress.js';
import { registerCostRoutes } from './routes/cost.js';
import { registerEnergyRoutes } from './routes/energy.js';
import { registerHealthRoute } from './routes/health.js';
import { registerPageRoute } from './routes/page.js';
import { registerPdlRoutes } from './routes/pdls.js';
import { registerStatusRoute } from './routes/status.js';
import { registerSyncRoute } from './routes/sync.js';

export interface ApiServerOptions extends ApiContext {
  ingress?: IngressOptions;
  /** How long `GET /api/health` waits for the store before answering 503 (default 5000 ms). */
  healthTimeoutMs?: number;
}

export interface ApiServer {
  /** Binds the server and resolves to its URL (e.g. `http://127.0.0.1:8099`). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export function createApiServer(options: ApiServerOptions): ApiServer {
  const logger = options.logger.child({ component: 'api' });
  const { store, status, syncTrigger, clock, version, prices } = options;
  const ctx: ApiContext = { store, status, syncTrigger, clock, version, logger, prices };
  // Fastify 5 deprecates the top-level `disableRequestLogging` (FSTDEP023, printed at every start): the
  // log controller carries it now.
  const app = Fastify({
    logger: false,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  registerIngressGuard(app, options.ingress ?? { enabled: false, allowedAddresses: [] });
  registerErrorHandlers(app, logger);
  registerHealthRoute(app, ctx, options.healthTimeoutMs ?? 5000);
  registerStatusRoute(app, ctx);
  registerPdlRoutes(app, ctx);
  registerEnergyRoutes(app, ctx);
  registerCostRoutes(app, ctx);
  registerSyncRoute(app, ctx);
  registerPageRoute(app, ctx);

  return {
    async listen(port, host) {
      const url = await app.listen({ port, host });
      logger.info({ url }, 'API and status page listening');
      return url;
    },
    close: () => app.close(),
    inject: (request) => app.inject(request),
  };
}
