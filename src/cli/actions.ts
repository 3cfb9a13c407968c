/**
 * The production actions behind each command: thin adapters from the command line to `src/app/` (sync
 * engineer), the simulator and the store. Apps built by `src/app/` own a shutdown registry of their own;
 * it is registered in the CLI's registry so that a signal closes everything before the process exits.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { checkSettings } from '../app/check-settings.js';
import { exporterFactories } from '../app/exporter-factories.js';
import { runStart, runStatus, runSyncOnce } from '../app/run-commands.js';
import { runDemo } from '../app/run-demo.js';
import type { Config } from '../config/index.js';
import { AppError } from '../errors/app-error.js';
import { runSimulatorCli } from '../gateway/simulator/index.js';
import { copyStore } from '../store/copy-store.js';
import { openStore } from '../store/open-store.js';
import type { CliActions, DemoOptions, RunContext } from './context.js';
import { CompletedWithFailures } from './report-error.js';

export async function runSimulatorAction(options: { port: number }, ctx: RunContext): Promise<void> {
  const { simulator, banner } = await runSimulatorCli({ port: options.port });
  ctx.shutdown.register('gateway simulator', () => simulator.close());
  for (const line of banner) ctx.print(line);
  ctx.print('Press Ctrl+C to stop.');
}

async function startAction(config: Config, ctx: RunContext): Promise<void> {
  checkSettings(config);
  const app = await runStart(config, {
    logger: ctx.logger,
    tty: Boolean(process.stdout.isTTY),
    host: config.api_host,
    version: packageJson.version,
    exporters: exporterFactories(config, packageJson.version),
  });
  ctx.shutdown.register('app', () => app.shutdown.run());
}

async function demoAction(options: DemoOptions, ctx: RunContext): Promise<void> {
  const app = await runDemo({
    dataDir: options.dataDir,
    port: options.port,
    logger: ctx.logger,
    version: packageJson.version,
  });
  ctx.shutdown.register('demo', () => app.shutdown.run());
}

async function syncOnceAction(config: Config, ctx: RunContext): Promise<void> {
  checkSettings(config);
  const outcome = await runSyncOnce(config, {
    logger: ctx.logger,
    tty: Boolean(process.stdout.isTTY),
    version: packageJson.version,
    exporters: exporterFactories(config, packageJson.version),
  });
  if (outcome.status === 'failed') {
    throw new AppError(
      'sync_failed',
      `the sync failed: ${outcome.error ?? 'see the log above'}; fix the cause and run it again`,
    );
  }
  const failures = [...outcome.failures];
  if (outcome.status === 'quota-exhausted') {
    failures.unshift('the gateway quota is used up for today: the rest is fetched after it resets at 00:00 UTC');
  }
  if (failures.length > 0) throw new CompletedWithFailures(failures);
}

async function statusAction(config: Config, ctx: RunContext): Promise<void> {
  await runStatus(config, { logger: ctx.logger, print: ctx.print });
}

async function storeCopyAction(config: Config, to: string, ctx: RunContext): Promise<void> {
  const from = await openStore({ url: config.database_url, dataDir: config.data_dir, logger: ctx.logger });
  ctx.shutdown.register('source database', () => from.close());
  const target = await openStore({ url: to, dataDir: config.data_dir, logger: ctx.logger });
  ctx.shutdown.register('target database', () => target.close());
  const { rows } = await copyStore(from, target, ({ table, copied, total }) =>
    ctx.logger.info(`store copy: ${table}: ${copied} rows (${total} in all so far)`),
  );
  ctx.print(`copied ${rows} rows`);
}

export const productionActions: CliActions = {
  start: startAction,
  syncOnce: syncOnceAction,
  status: statusAction,
  demo: demoAction,
  simulator: runSimulatorAction,
  storeCopy: storeCopyAction,
};
