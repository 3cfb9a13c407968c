import type { Command } from 'commander';
import type { CliDeps } from '../context.js';
import { prepare } from '../prepare.js';

export function addStatusCommand(program: Command, deps: CliDeps): void {
  program
    .command('status')
    .description('print what the local database holds and how the last syncs went')
    .action(async () => {
      const { config, ctx } = await prepare(deps);
      await deps.actions.status(config, ctx);
    });
}
