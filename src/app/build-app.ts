/**
 * The composition root: logger → store → gateway client → sync engine → exporters → API → scheduler.
 * Every part registers its closer with `shutdown` as it starts, so they stop in reverse order.
 */
import { type ApiServer, createApiServer } from '../api/server.js';
import { type Config, redactConfig } from '../config/index.js';
import { type Clock, systemClock } from '../domain/clock.js';
import type { ExporterFactory, ExporterManager } from '../exporters/manager.js';
import { createGatewayClient } from '../gateway/client.js';
import type { GatewayClient } from '../gateway/types.js';
import { createLogger, type Logger } from '../log/logger.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/repository.js';
import { StoreError } from '../store/store-error.js';
import { unavailableStore } from '../store/unavailable-store.js';
import { SyncEngine } from '../sync/engine.js';
import { SyncEvents } from '../sync/events.js';
import { DEFAULT_PLANNER_OPTIONS } from '../sync/planner/index.js';
import { createSyncScheduler, type SyncScheduler } from '../sync/scheduler.js';
import type { StatusProvider } from '../sync/status.js';
import { createStatusProvider } from '../sync/status-provider.js';
import { integrationToken } from './addon-integration/integration-token.js';
import { isAddonMode, pricesOf } from './exporter-factories.js';
import { createShutdown, type Shutdown } from './shutdown.js';
import { startExporters } from './start-exporters.js';

export interface BuildOptions {
  config: Config;
  logger?: Logger;
  clock?: Clock;
  random?: () => number;
  /**
   * The exporters to start when enabled (daemon, `sync --once`). Absent: none runs, and the status
   * shows the exporters' state as last recorded in the store (`status` command).
   */
  exporters?: readonly ExporterFactory[];
  /** Draw progress bars (stdout is a TTY). */
  tty?: boolean;
  version?: string;
  /** Build the API server (bound later by the caller). */
  api?: boolean;
  scheduler?: boolean;
  /** Override the gateway client (tests). */
  client?: GatewayClient;
}

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  client: GatewayClient;
  events: SyncEvents;
  engine: SyncEngine;
  status: StatusProvider;
  exporters: ExporterManager;
  api: ApiServer | null;
  scheduler: SyncScheduler | null;
  shutdown: Shutdown;
}

/**
 * The store; when it is damaged and the app serves the API, an unavailable store instead, so that the
 * health check answers 503 and the page and status say what to do (the file is never touched).
 */
async function openAppStore(config: Config, logger: Logger, serving: boolean): Promise<Store> {
  try {
    return await openStore({ url: config.database_url, dataDir: config.data_dir, logger });
  } catch (err) {
    if (!serving || !(err instanceof StoreError) || err.code !== 'STORE_CORRUPT') throw err;
    logger.error(err.message);
    return unavailableStore(err);
  }
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.log_level });
  const shutdown = createShutdown();
  const store = await openAppStore(config, logger, options.api === true);
  shutdown.register('store', () => store.close());
  const client =
    options.client ??
    createGatewayClient({
      baseUrl: config.gateway_url,
      clientSecret: config.client_secret ?? '',
      ...(config.client_id ? { clientId: config.client_id } : {}),
      clock,
      logger: logger.child({ component: 'gateway' }),
    });
  const events = new SyncEvents();
  const engine = new SyncEngine({
    store,
    client,
    clock,
    events,
    logger: logger.child({ component: 'sync' }),
    selection: config.pdls,
    names: config.pdl_names,
    tty: options.tty ?? false,
    planner: { ...DEFAULT_PLANNER_OPTIONS, curve: config.sync_curve },
  });
  shutdown.register('sync engine', () => engine.stop());
  const { manager: exporters, statuses: exporterStatuses } = await startExporters(
    options.exporters,
    { store, events, clock, logger },
    shutdown,
  );
  const scheduler = options.scheduler
    ? createSyncScheduler({
        run: (scope) => engine.run(scope),
        clock,
        logger: logger.child({ component: 'scheduler' }),
        random: options.random ?? Math.random,
      })
    : null;
  const status = createStatusProvider({
    store,
    engine,
    client,
    clock,
    selection: config.pdls,
    names: config.pdl_names,
    schedule: () => scheduler?.next() ?? { nextDailySync: null, nextTempo: null, nextEcoWatt: null },
    exporters: exporterStatuses,
    events,
  });
  const api = options.api
    ? createApiServer({
        store,
        status,
        syncTrigger: engine,
        syncControl: engine,
        exporters,
        logger,
        clock,
        version: options.version ?? '0.0.0',
        prices: pricesOf(config),
        config: redactConfig(config),
        allowedHosts: config.api_allowed_hosts,
        token: config.api_token,
        events,
        // Add-on mode: only the Supervisor's ingress proxy may reach the page and the API.
        // …and the Home Assistant integration, with the token the add-on announces to it.
        ingress: {
          enabled: isAddonMode(config),
          allowedAddresses: config.ingress_addresses,
          ...(isAddonMode(config) ? { integrationToken: integrationToken(config.data_dir, config.api_token) } : {}),
        },
      })
    : null;
  if (api) shutdown.register('api server', () => api.close());
  if (scheduler) shutdown.register('scheduler', () => scheduler.stop());
  return { config, logger, clock, store, client, events, engine, status, exporters, api, scheduler, shutdown };
}
