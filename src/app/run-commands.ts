/**
 * The program's commands: `start` (serve + schedule), `sync` (one run), `status` (print a summary).
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Config, ConfigError } from '../config/index.js';
import { errorMessage } from '../errors/app-error.js';
import type { RunOutcome } from '../sync/engine.js';
import { integrationToken } from './addon-integration/integration-token.js';
import { startAddonIntegration } from './addon-integration/start-addon-integration.js';
import { type App, type BuildOptions, buildApp } from './build-app.js';
import { isAddonMode } from './exporter-factories.js';
import { formatStatus } from './format-status.js';
import { runExportersOnce } from './run-exporters-once.js';
import { failedExporters, failedStreams } from './run-failures.js';
import { closeOnSignals } from './shutdown.js';

export interface StartOptions extends Omit<BuildOptions, 'config' | 'api' | 'scheduler'> {
  /** Address the API binds to; 127.0.0.1 by default (0.0.0.0 in a container). */
  host?: string;
  /** Called once the app has stopped after SIGTERM/SIGINT (the CLI exits there). */
  onStopped?: (code: number) => void;
}

/** Builds everything, serves the API, schedules syncs, syncs now if `sync_on_start`; stops on signals. */
export async function runStart(config: Config, options: StartOptions = {}): Promise<App & { url: string | null }> {
  const app = await buildApp({ ...options, config, api: true, scheduler: true });
  const host = options.host ?? '127.0.0.1';
  let url: string | null = null;
  try {
    url = app.api ? await app.api.listen(config.port, host) : null;
  } catch (err) {
    await app.shutdown.run();
    throw listenError(err, config.port, host);
  }
  // Scheduling computes each cron job's next run in Paris time: after the health check can answer.
  setImmediate(() => app.scheduler?.start());
  closeOnSignals(app.shutdown, process, {
    onClosed: (failures, signal) => {
      for (const f of failures) app.logger.warn(`${f.name} did not close cleanly: ${errorMessage(f.error)}`);
      app.logger.info(`stopped on ${signal}`);
      options.onStopped?.(0);
    },
    onForced: () => options.onStopped?.(1),
  });
  if (config.sync_on_start) app.engine.start();
  if (url && isAddonMode(config)) void startAddonIntegration(addonIntegrationOptions(config, app));
  return { ...app, url };
}

/**
 * Next to the bundle in the add-on image (`/opt/myelectricaldata/custom_components/…`, see addon/Dockerfile).
 * This module is one of the bundle's chunks (`chunks/…`), so the folder is looked for next to it and one
 * level up (next to `main.mjs`).
 */
function integrationSource(): string {
  const candidates = ['./custom_components/myelectricaldata', '../custom_components/myelectricaldata'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0]!;
}

function addonIntegrationOptions(config: Config, app: App) {
  return {
    supervisor: { url: config.supervisor_url, token: config.supervisor_token ?? '' },
    port: config.port,
    token: integrationToken(config.data_dir, config.api_token),
    install: config.install_integration,
    source: integrationSource(),
    haConfigDir: config.ha_config_dir,
    logger: app.logger.child({ component: 'integration' }),
  };
}

/** A port or address the API cannot bind to is a setting to fix (exit code 2), in one line. */
export function listenError(err: unknown, port: number, host: string): unknown {
  const code = (err as { code?: string }).code;
  const lines: Record<string, string> = {
    EADDRINUSE: `PORT: ${port} is already in use on ${host}: stop the program that uses it, or set PORT to a free port`,
    EACCES: `PORT: ${port} needs administrator rights on this system: set PORT to a port above 1023 (e.g. 8080)`,
    ENOTFOUND: `API_HOST: ${JSON.stringify(host)} does not resolve: set API_HOST to 127.0.0.1 (this machine only) or 0.0.0.0 (the network)`,
    EAI_AGAIN: `API_HOST: ${JSON.stringify(host)} could not be resolved (DNS): set API_HOST to an IP address such as 127.0.0.1 or 0.0.0.0`,
    EADDRNOTAVAIL: `API_HOST: ${host} is not an address of this machine: set API_HOST to 127.0.0.1 (this machine only) or 0.0.0.0 (the network)`,
  };
  const line = code ? lines[code] : undefined;
  return line ? new ConfigError([line]) : err;
}

export interface SyncOnceOptions extends Omit<BuildOptions, 'config'> {
  /** Bound on the exports after the sync (default 30 s). */
  exportTimeoutMs?: number;
  exportRetryMinMs?: number;
}

/** The run's outcome, plus one line per stream and exporter that failed in it (empty when all went well). */
export type SyncOnceResult = RunOutcome & { failures: string[] };

/**
 * One full sync, then one run of every enabled exporter (waited for, bounded), then close everything.
 * The CLI turns the result into the exit code (`cli/exit-codes.ts`).
 */
export async function runSyncOnce(config: Config, options: SyncOnceOptions = {}): Promise<SyncOnceResult> {
  const app = await buildApp({ ...options, config, api: false, scheduler: false });
  try {
    const startedAt = app.clock.now();
    const outcome = await app.engine.run('full');
    const exporters = await runExportersOnce(app.exporters.started, {
      logger: app.logger,
      timeoutMs: options.exportTimeoutMs,
      retryMinMs: options.exportRetryMinMs,
    });
    const streams = await app.status.getStatus();
    return { ...outcome, failures: [...failedStreams(streams, startedAt), ...failedExporters(exporters)] };
  } finally {
    await app.shutdown.run();
  }
}

/** Prints a readable status of what the store holds; makes no gateway call. */
export async function runStatus(
  config: Config,
  options: Omit<BuildOptions, 'config'> & { print?: (text: string) => void } = {},
): Promise<string> {
  const app = await buildApp({ ...options, config, api: false, scheduler: false });
  try {
    const text = formatStatus(await app.status.getStatus(), config.data_dir);
    (options.print ?? ((t: string) => process.stdout.write(`${t}\n`)))(text);
    return text;
  } finally {
    await app.shutdown.run();
  }
}
