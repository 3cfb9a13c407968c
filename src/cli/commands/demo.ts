import type { Command } from 'commander';
import type { CliDeps, CliState } from '../context.js';
import { prepare } from '../prepare.js';

export function addDemoCommand(program: Command, deps: CliDeps, state: CliState): void {
  program
    .command('demo')
    .description('run the whole program against the built-in simulated gateway (no account needed)')
    .option('--data-dir <dir>', 'folder for the demo database')
    .option('--port <n>', 'TCP port of the local API (0 picks a free port)')
    .action(async (opts: { dataDir?: string; port?: string }) => {
      const { config, ctx } = await prepare(deps, { data_dir: opts.dataDir, port: opts.port });
      state.keepRunning = true;
      await deps.actions.demo(
        {
          config,
          dataDir: opts.dataDir === undefined ? undefined : config.data_dir,
          port: opts.port === undefined ? undefined : config.port,
        },
        ctx,
      );
    });
}
