/**
 * Entry point of `med-local`: the one place that reads `process.env` and `process.argv`, owns the exit
 * code (0 ok, 1 failure, 2 bad configuration, 3 done with failures) and closes everything on SIGTERM/SIGINT.
 */
import packageJson from '../package.json' with { type: 'json' };
import { closeOnSignals, createShutdown } from './app/shutdown.js';
import { productionActions } from './cli/actions.js';
import type { CliDeps } from './cli/context.js';
import { runCli } from './cli/run-cli.js';
import { loadConfig } from './config/index.js';
import { errorMessage } from './errors/app-error.js';
import { createLogger } from './log/logger.js';
import { redactText } from './log/redact.js';

async function main(): Promise<void> {
  const shutdown = createShutdown();
  const env = { ...process.env };
  const deps: CliDeps = {
    version: packageJson.version,
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
  const outcome = await runCli(process.argv.slice(2), deps);
  if (outcome === 'running') return;
  stopListening();
  process.exitCode = outcome;
  // Everything was closed; if a forgotten handle still keeps the event loop alive, do not hang.
  setTimeout(() => process.exit(outcome), 2000).unref();
}

main().catch((err: unknown) => {
  process.stderr.write(`unexpected error: ${redactText(errorMessage(err))}\n`);
  process.exit(1);
});
