import type { Command } from 'commander';
import type { CliDeps } from '../context.js';
import { prepare } from '../prepare.js';

export function addStoreCommand(program: Command, deps: CliDeps): void {
  const store = program.command('store').description('manage the local database');
  store
    .command('copy')
    .description('copy every row of the configured database into another database (e.g. SQLite to PostgreSQL)')
    .requiredOption('--to <url>', 'target database URL (postgres://…, mysql://…, sqlite:<path>)')
    .action(async (opts: { to: string }) => {
      const { config, ctx } = await prepare(deps);
      await deps.actions.storeCopy(config, opts.to, ctx);
    });
}
