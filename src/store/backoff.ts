/**
 * Reconnection back-off for the server engines: after a connection failure the next call waits
 * (0.5 s, 1 s, 2 s … up to `maxMs`) before the driver opens a new connection; a success resets it.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class Backoff {
  private failures = 0;
  private until = 0;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 500;
    this.maxMs = options.maxMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async wait(): Promise<void> {
    const left = this.until - this.now();
    if (left > 0) await this.sleep(left);
  }

  failed(): void {
    this.failures++;
    this.until = this.now() + Math.min(this.maxMs, this.baseMs * 2 ** (this.failures - 1));
  }

  succeeded(): void {
    this.failures = 0;
    this.until = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}

/** Runs one driver call behind the back-off, mapping its failure with `mapError`. */
export async function guarded<T>(
  backoff: Backoff,
  mapError: (err: unknown) => unknown,
  isConnectionError: (mapped: unknown) => boolean,
  fn: () => Promise<T>,
): Promise<T> {
  await backoff.wait();
  try {
    const result = await fn();
    backoff.succeeded();
    return result;
  } catch (err) {
    const mapped = mapError(err);
    if (isConnectionError(mapped)) backoff.failed();
    throw mapped;
  }
}
