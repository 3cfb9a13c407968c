/**
 * Parses the command line and runs the command. Returns `running` when a long-running command is up
 * (the caller then waits for a signal), or the exit code: 0 done, 1 failure, 2 bad configuration.
 * One-shot commands close what they opened (the shutdown registry) before returning.
 */
import { errorMessage } from '../errors/app-error.js';
import { redactText } from '../log/redact.js';
import type { CliDeps } from './context.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

export type CliOutcome = 'running' | number;

export async function runCli(argv: string[], deps: CliDeps): Promise<CliOutcome> {
  const state = { keepRunning: false };
  let exitCode = 0;
  try {
    await buildProgram(deps, state).parseAsync(argv, { from: 'user' });
    if (state.keepRunning) return 'running';
  } catch (err) {
    const report = reportError(err);
    for (const line of report.lines) deps.writeErr(`${line}\n`);
    exitCode = report.exitCode;
  }
  for (const failure of await deps.shutdown.run()) {
    deps.writeErr(`error: could not close ${failure.name}: ${redactText(errorMessage(failure.error))}\n`);
  }
  return exitCode;
}
