/**
 * Demo mode: the simulated gateway in-process on a free port with realistic small latencies, the client
 * pointed at it with the demo secret, a throw-away (or named) data folder, a full backfill with visible
 * progress, then the API on `port` until Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { startSimulator } from '../gateway/simulator/index.js';
import { createLogger, type Logger } from '../log/logger.js';
import { runStart, type StartOptions } from './run-commands.js';

export interface DemoOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  logger?: Logger;
  onStopped?: StartOptions['onStopped'];
}

export async function runDemo(options: DemoOptions = {}) {
  const logger = options.logger ?? createLogger({ level: 'info' });
  const sim = await startSimulator({ latencyMs: { min: 20, max: 120 } });
  const throwAway = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'med-demo-'));
  logger.info(`demo: simulated gateway at ${sim.baseUrl}, data in ${dataDir}${throwAway ? ' (deleted on exit)' : ''}`);
  const config = {
    client_secret: sim.clientSecret,
    gateway_url: sim.baseUrl,
    data_dir: dataDir,
    port: options.port ?? 8080,
    log_level: 'info',
    pdls: [],
    pdl_names: {},
    sync_curve: true,
    sync_on_start: true,
  } as unknown as Config;
  const app = await runStart(config, {
    logger,
    tty: Boolean(process.stdout.isTTY),
    host: options.host ?? '127.0.0.1',
    onStopped: (code) => {
      // The store is closed by now: the throw-away folder can go.
      if (throwAway) rmSync(dataDir, { recursive: true, force: true });
      options.onStopped?.(code);
    },
  });
  app.shutdown.register('demo gateway', () => sim.close());
  return { ...app, simulator: sim, dataDir };
}
