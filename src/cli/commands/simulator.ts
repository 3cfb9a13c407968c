import type { Command } from 'commander';
import { ConfigError } from '../../config/index.js';
import { silentLogger } from '../../log/logger.js';
import type { CliDeps, CliState } from '../context.js';

export const SIMULATOR_DEFAULT_PORT = 8090;

export function addSimulatorCommand(program: Command, deps: CliDeps, state: CliState): void {
  program
    .command('simulator')
    .description('start the simulated MyElectricalData gateway and print its URL and demo credentials')
    .option('--port <n>', `TCP port (0 picks a free port)`, String(SIMULATOR_DEFAULT_PORT))
    .action(async (opts: { port: string }) => {
      const port = parsePort(opts.port);
      state.keepRunning = true;
      await deps.actions.simulator({ port }, { logger: silentLogger, shutdown: deps.shutdown, print: deps.print });
    });
}

function parsePort(text: string): number {
  const port = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
  throw new ConfigError([
    `--port: "${text}" is not a TCP port; set --port to a number such as ${SIMULATOR_DEFAULT_PORT}`,
  ]);
}
