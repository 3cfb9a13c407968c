import type { Command } from 'commander';
import { requireSettings } from '../../config/index.js';
import type { CliDeps, CliState } from '../context.js';
import { prepare } from '../prepare.js';

export function addStartCommand(program: Command, deps: CliDeps, state: CliState): void {
  program
    .command('start', { isDefault: true })
    .description('sync on a schedule, serve the local API and feed the exporters (default command)')
    .action(async () => {
      const { config, ctx } = await prepare(deps);
      requireSettings(config, ['client_secret'], 'start');
      state.keepRunning = true;
      await deps.actions.start(config, ctx);
    });
}
