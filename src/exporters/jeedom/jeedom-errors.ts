/**
 * The Jeedom exporter's errors: one code per failure a user can fix, and a message that says how. The
 * codes in `LOGIN_FAILURES` are the ones that may count as a failed login on Jeedom's side (it bans an
 * address after 6 in 300 s): after one of them the exporter waits a back-off step before asking again.
 */
import { AppError } from '../../errors/app-error.js';

export type JeedomErrorCode =
  | 'JEEDOM_UNREACHABLE'
  | 'JEEDOM_AUTH_REJECTED'
  | 'JEEDOM_BANNED'
  | 'JEEDOM_NOT_FOUND'
  | 'JEEDOM_NO_VIRTUAL_PLUGIN'
  | 'JEEDOM_NOT_JSON_RPC'
  | 'JEEDOM_HTTP_ERROR'
  | 'JEEDOM_RPC_ERROR'
  | 'JEEDOM_OBJECT_NOT_FOUND';

export class JeedomError extends AppError {
  constructor(
    override readonly code: JeedomErrorCode,
    message: string,
    readonly rpcCode: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export const LOGIN_FAILURES: ReadonlySet<string> = new Set([
  'JEEDOM_AUTH_REJECTED',
  'JEEDOM_BANNED',
  'JEEDOM_NOT_FOUND',
]);

/** Failures a retry will not heal without the user (a missing object or plugin). */
export const NEEDS_THE_USER: ReadonlySet<string> = new Set(['JEEDOM_NO_VIRTUAL_PLUGIN', 'JEEDOM_OBJECT_NOT_FOUND']);

export function jeedomCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
