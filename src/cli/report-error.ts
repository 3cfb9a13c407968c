/** Maps a failure to the lines to print and the exit code: 2 bad configuration, 1 anything else. */
import { CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { AppError, errorMessage } from '../errors/app-error.js';
import { redactText } from '../log/redact.js';

export const EXIT_CONFIG = 2;
export const EXIT_FAILURE = 1;

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
  if (err instanceof AppError) return { lines: [`error: ${redactText(err.message)}`], exitCode: EXIT_FAILURE };
  const message = redactText(errorMessage(err));
  return {
    lines: [`unexpected error: ${message}; run again with LOG_LEVEL=debug and report it if it persists`],
    exitCode: EXIT_FAILURE,
  };
}
