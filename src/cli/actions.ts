/**
 * The production actions behind each command: thin adapters from the command line to `src/app/` (sync
 * engineer), the simulator and the store. Apps built by `src/app/` own a shutdown registry of their own;
 * it is registered in the CLI's registry so that a signal closes everything before the process exits.
 *
 * Each action imports what it runs when it runs (`import()`), so a command loads only its own code: the
 * bundle splits into chunks, `--version` loads none of them, `start` never loads the simulator.
 */
import packageJson from '../../package.json' with { type: 'json' };
import type { Config } from '../config/index.js';
import { AppError } from '../errors/app-error.js';
import type { CliActions, DemoOptions, RunContext } from './context.js';
import { CompletedWithFailures } from './report-error.js';

async function loadApp() {
  const [{ checkSettings }, { exporterFactories }, commands] = await Promise.all([
    import('../app/check-settings.js'),
    import('../app/exporter-factories.js'),
    import('../app/run-commands.js'),
  ]);
  return { checkSettings, exporterFactories, ...commands };
}

export async function runSimulatorAction(options: { port: number }, ctx: RunContext): Promise<void> {
  const { runSimulatorCli } = await import('../gateway/simulator/index.js');
  const { simulator, banner } = await runSimulatorCli({ port: options.port });
  ctx.shutdown.register('gateway simulator', () => simulator.close());
  for (const line of banner) ctx.print(line);
  ctx.print('Press Ctrl+C to stop.');
}

async function startAction(config: Config, ctx: RunContext): Promise<void> {
  const { checkSettings, exporterFactories, runStart } = await loadApp();
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
  const { runDemo } = await import('../app/run-demo.js');
  const app = await runDemo({
    dataDir: options.dataDir,
    port: options.port,
    logger: ctx.logger,
    version: packageJson.version,
  });
  ctx.shutdown.register('demo', () => app.shutdown.run());
}

async function syncOnceAction(config: Config, ctx: RunContext): Promise<void> {
  const { checkSettings, exporterFactories, runSyncOnce } = await loadApp();
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
  const { runStatus } = await import('../app/run-commands.js');
  await runStatus(config, { logger: ctx.logger, print: ctx.print });
}

async function storeCopyAction(config: Config, to: string, ctx: RunContext): Promise<void> {
  const [{ openStore }, { copyStore }] = await Promise.all([
    import('../store/open-store.js'),
    import('../store/copy-store.js'),
  ]);
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
