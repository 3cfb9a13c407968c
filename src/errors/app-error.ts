/**
 * Every error the program raises on purpose is an `AppError`: a stable `code` and a sentence that says
 * what happened and what to do about it. Secrets never go into the message.
 */
export class AppError extends Error {
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
