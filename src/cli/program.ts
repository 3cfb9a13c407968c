/** The `med-local` command line: one small file per command, all work done by injected actions. */
import { Command } from 'commander';
import { addDemoCommand } from './commands/demo.js';
import { addSimulatorCommand } from './commands/simulator.js';
import { addStartCommand } from './commands/start.js';
import { addStatusCommand } from './commands/status.js';
import { addStoreCommand } from './commands/store-copy.js';
import { addSyncCommand } from './commands/sync.js';
import type { CliDeps, CliState } from './context.js';

export function buildProgram(deps: CliDeps, state: CliState): Command {
  const program = new Command('med-local')
    .description('MyElectricalData Client Local: Linky data from the MyElectricalData gateway, kept at home')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .configureOutput({ writeOut: deps.writeOut, writeErr: deps.writeErr })
    .exitOverride();
  addStartCommand(program, deps, state);
  addSyncCommand(program, deps);
  addStatusCommand(program, deps);
  addDemoCommand(program, deps, state);
  addSimulatorCommand(program, deps, state);
  addStoreCommand(program, deps);
  return program;
}
