import type { Command } from 'commander';
import { requireSettings } from '../../config/index.js';
import type { CliDeps } from '../context.js';
import { prepare } from '../prepare.js';

export function addSyncCommand(program: Command, deps: CliDeps): void {
  program
    .command('sync')
    .description('run one sync of every configured PDL, then the enabled exports once, then exit')
    .option('--once', 'run once and exit (the only mode for now; scheduled syncs are what "start" does)')
    .action(async () => {
      const { config, ctx } = await prepare(deps);
      requireSettings(config, ['client_secret'], 'sync');
      await deps.actions.syncOnce(config, ctx);
    });
}
