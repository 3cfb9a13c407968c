/** The production actions behind each command. */
import { AppError } from '../errors/app-error.js';
import { runSimulatorCli } from '../gateway/simulator/index.js';
import type { CliActions, RunContext } from './context.js';

export async function runSimulatorAction(options: { port: number }, ctx: RunContext): Promise<void> {
  const { simulator, banner } = await runSimulatorCli({ port: options.port });
  ctx.shutdown.register('gateway simulator', () => simulator.close());
  for (const line of banner) ctx.print(line);
  ctx.print('Press Ctrl+C to stop.');
}

function notAvailable(command: string): () => Promise<never> {
  return async () => {
    throw new AppError(
      'not_available',
      `"med-local ${command}" is not available in this build yet; use "med-local simulator" or update to a newer version`,
    );
  };
}

export const productionActions: CliActions = {
  start: notAvailable('start'),
  syncOnce: notAvailable('sync'),
  status: notAvailable('status'),
  demo: notAvailable('demo'),
  simulator: runSimulatorAction,
  storeCopy: notAvailable('store copy'),
};
