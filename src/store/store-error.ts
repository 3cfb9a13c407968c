import { AppError, type FailureKind } from '../errors/app-error.js';

export type StoreErrorCode =
  | 'STORE_BAD_URL'
  | 'STORE_DATA_DIR'
  | 'STORE_CORRUPT'
  | 'STORE_SCHEMA_TOO_NEW'
  | 'STORE_MIGRATIONS_MISSING'
  | 'STORE_UNAVAILABLE'
  | 'STORE_AUTH'
  | 'STORE_PRIVILEGES'
  | 'STORE_UNKNOWN_DATABASE'
  | 'STORE_BAD_VALUE'
  | 'STORE_UNKNOWN_PDL'
  | 'STORE_QUERY';

/** A store failure: `code` is stable, the message names the problem and the fix (never a password). */
export class StoreError extends AppError {
  declare readonly code: StoreErrorCode;
  /** The database refused the credential: every later statement fails the same way. */
  override readonly kind: FailureKind;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.kind = code === 'STORE_AUTH' ? 'credential' : 'local';
  }
}
