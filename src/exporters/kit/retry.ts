/**
 * Retry with back-off after a failed run: the n-th consecutive failure waits `delaysMs[n]` (the last
 * delay repeating), a success starts over from the first. No delays: never retries. Which failures are
 * worth retrying is the exporter's call (a rejected token will not heal by itself); this only keeps time.
 */
export class RetryTimer {
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delaysMs: readonly number[],
    private readonly retry: () => void,
  ) {}

  /** After a failure: arms the next retry; returns its delay, or null when retrying is off. */
  schedule(): number | null {
    const delay = this.delaysMs[Math.min(this.failures, this.delaysMs.length - 1)];
    if (delay === undefined) return null;
    this.failures++;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retry();
    }, delay);
    // A pending retry must never keep the process alive on its own.
    this.timer.unref();
    return delay;
  }

  /** After a success: the next failure waits the first delay again; a retry still armed is not needed. */
  reset(): void {
    this.failures = 0;
    this.cancel();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
