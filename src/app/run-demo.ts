/**
 * Demo mode: the simulated gateway in-process on a free port with realistic small latencies, the client
 * pointed at it with the demo secret, a throw-away (or named) data folder, a full backfill with visible
 * progress, then the API on `port` until Ctrl-C. The configuration goes through the real loader (validated
 * like any other), from the demo's own settings only: no environment, config file or add-on options.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, type ConfigFs, loadConfig, type RawConfig } from '../config/index.js';
import { startSimulator } from '../gateway/simulator/index.js';
import { createLogger, type Logger } from '../log/logger.js';
import { runStart, type StartOptions } from './run-commands.js';

export interface DemoOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  logger?: Logger;
  /** Program version shown by the API and the page. */
  version?: string;
  onStopped?: StartOptions['onStopped'];
}

/** The demo reads no file: only its own settings, on top of the defaults. */
const NO_FILES: ConfigFs = {
  exists: () => false,
  read: (path) => {
    throw new Error(`demo mode reads no configuration file (${path})`);
  },
};

/** The demo's configuration, validated by the real loader (rejects with a `ConfigError` naming the setting). */
export async function demoConfig(settings: {
  gatewayUrl: string;
  clientSecret: string;
  dataDir: string;
  port: number;
}) {
  const flags: RawConfig = {
    client_secret: settings.clientSecret,
    gateway_url: settings.gatewayUrl,
    data_dir: settings.dataDir,
    port: settings.port,
    log_level: 'info',
    sync_curve: true,
    sync_on_start: true,
  };
  return (await loadConfig({ env: {}, flags, fs: NO_FILES })).config;
}

export async function runDemo(options: DemoOptions = {}) {
  const logger = options.logger ?? createLogger({ level: 'info' });
  const sim = await startSimulator({ latencyMs: { min: 20, max: 120 } });
  const throwAway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'med-demo-'));
  const removeDataDir = () => {
    if (throwAway) rmSync(dataDir, { recursive: true, force: true });
  };
  let config: Config;
  try {
    config = await demoConfig({
      gatewayUrl: sim.baseUrl,
      clientSecret: sim.clientSecret,
      dataDir,
      port: options.port ?? 8080,
    });
  } catch (err) {
    await sim.close();
    removeDataDir();
    throw err;
  }
  logger.info(`demo: simulated gateway at ${sim.baseUrl}, data in ${dataDir}${throwAway ? ' (deleted on exit)' : ''}`);
  const app = await runStart(config, {
    logger,
    tty: Boolean(process.stdout.isTTY),
    host: options.host ?? '127.0.0.1',
    version: options.version,
    onStopped: (code) => {
      // The store is closed by now: the throw-away folder can go.
      removeDataDir();
      options.onStopped?.(code);
    },
  }).catch(async (err: unknown) => {
    await sim.close();
    removeDataDir();
    throw err;
  });
  app.shutdown.register('demo gateway', () => sim.close());
  app.events.once('sync-finished', () => {
    logger.info(`demo: backfill done; browse ${app.url ?? 'the API'} (Ctrl-C stops the demo)`);
  });
  return { ...app, simulator: sim, dataDir };
}
