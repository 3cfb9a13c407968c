/**
 * The program behind the entry point (`src/main.ts`, which answers `--version` itself): reads
 * `process.env` and `process.argv`, owns the exit code (0 ok, 1 failure, 2 bad configuration, 3 done
 * with failures) and closes everything on SIGTERM/SIGINT.
 */
import { closeOnSignals, createShutdown } from '../app/shutdown.js';
import { loadConfig } from '../config/index.js';
import { errorMessage } from '../errors/app-error.js';
import { createLogger } from '../log/logger.js';
import { redactText } from '../log/redact.js';
import { productionActions } from './actions.js';
import type { CliDeps } from './context.js';
import { runCli } from './run-cli.js';

export async function runMain(argv: string[], version: string): Promise<void> {
  const shutdown = createShutdown();
  const env = { ...process.env };
  const deps: CliDeps = {
    version,
    actions: productionActions,
    loadConfig: (flags) => loadConfig({ env, flags }),
    createLogger: (level) => createLogger({ level }),
    shutdown,
    print: (line) => process.stdout.write(`${line}\n`),
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
  };
  const stopListening = closeOnSignals(shutdown, process, {
    onClosed: (failures) => {
      for (const { name, error } of failures) {
        process.stderr.write(`error: could not close ${name}: ${redactText(errorMessage(error))}\n`);
      }
      process.exit(0);
    },
    onForced: () => process.exit(1),
  });
  const outcome = await runCli(argv, deps);
  if (outcome === 'running') return;
  stopListening();
  process.exitCode = outcome;
  // Everything was closed; if a forgotten handle still keeps the event loop alive, do not hang.
  setTimeout(() => process.exit(outcome), 2000).unref();
}
