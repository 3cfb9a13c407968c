/** How the sync engine reads the errors of a task: by the typed `kind` every `AppError` carries. */
import { AppError } from '../errors/app-error.js';

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

/** The rest of the run is pointless: every later call would fail the same way (a refused credential). */
export function isFatalForRun(err: unknown): boolean {
  return err instanceof AppError && err.kind === 'credential';
}

export function isQuotaError(err: unknown): boolean {
  return err instanceof AppError && err.kind === 'quota';
}
