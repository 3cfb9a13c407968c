/**
 * Every error the program raises on purpose is an `AppError`: a stable `code` and a sentence that says
 * what happened and what to do about it. Secrets never go into the message.
 */
/**
 * What a failure means for the work that follows it: `credential`, every later call fails the same way
 * until a credential is fixed; `quota`, a daily quota is used up; `local`, only this piece of work failed.
 */
export type FailureKind = 'credential' | 'quota' | 'local';

export class AppError extends Error {
  readonly kind: FailureKind = 'local';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
