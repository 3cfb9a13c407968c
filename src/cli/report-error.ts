/**
 * Maps a failure to the lines to print and the exit code. The exit codes of every command (documented in
 * the README): 0 all done; 1 failure; 2 bad configuration; 3 done, with failures (`sync --once`: each
 * failed stream and exporter on a line of its own).
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { AppError, errorMessage } from '../errors/app-error.js';
import { redactText } from '../log/redact.js';

export const EXIT_CONFIG = 2;
export const EXIT_FAILURE = 1;
export const EXIT_PARTIAL = 3;

/** The command did its work, but some of it failed: one line per failure, exit code 3. */
export class CompletedWithFailures extends AppError {
  constructor(readonly failures: readonly string[]) {
    super('completed_with_failures', `done, with ${failures.length} failure(s)`);
  }
}

/** Errors raised deep in the program that a setting fixes (DATABASE_URL): reported with exit code 2. */
const SETTING_CODES: ReadonlySet<string> = new Set(['STORE_BAD_URL']);

export interface ErrorReport {
  lines: string[];
  exitCode: number;
}

export function reportError(err: unknown): ErrorReport {
  if (err instanceof ConfigError) {
    return { lines: err.problems.map(redactText), exitCode: EXIT_CONFIG };
  }
  // Commander already printed its message (usage errors) or the help/version text.
  if (err instanceof CommanderError) return { lines: [], exitCode: err.exitCode };
  if (err instanceof CompletedWithFailures) {
    return {
      lines: [...err.failures.map((f) => `error: ${redactText(f)}`), `error: ${err.message}`],
      exitCode: EXIT_PARTIAL,
    };
  }
  if (err instanceof AppError && SETTING_CODES.has(err.code)) {
    return { lines: [`error: ${redactText(err.message)}`], exitCode: EXIT_CONFIG };
  }
  if (err instanceof AppError) return { lines: [`error: ${redactText(err.message)}`], exitCode: EXIT_FAILURE };
  const message = redactText(errorMessage(err));
  return {
    lines: [`unexpected error: ${message}; run again with LOG_LEVEL=debug and report it if it persists`],
    exitCode: EXIT_FAILURE,
  };
}
