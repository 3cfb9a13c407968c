/** Errors raised by the sync engine, and how it reads the gateway client's errors. */

/** Codes after which the rest of the run is pointless: every later call would fail the same way. */
const FATAL_CODES = /AUTH|UNAUTHORI[SZ]ED|CREDENTIAL|SECRET|FORBIDDEN/i;
const QUOTA_CODES = /RATE_LIMIT|QUOTA/i;

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

export function isFatalForRun(err: unknown): boolean {
  return FATAL_CODES.test(errorCode(err));
}

export function isQuotaError(err: unknown): boolean {
  return QUOTA_CODES.test(errorCode(err));
}
