/**
 * Never more than one failed login per back-off step. Jeedom bans an address after 6 failed logins in
 * 300 s; a refused key or a ban answer (404 everywhere) closes this gate for the next back-off delay, and
 * any run asked for meanwhile (after a sync, …) fails at once with the same error, without calling
 * Jeedom. The first call after the delay is the step's one attempt; a success opens the gate for good.
 */
export class LoginGate {
  private failures = 0;
  private closedUntil = 0;
  private lastError: Error | null = null;

  constructor(private readonly delaysMs: readonly number[]) {}

  /** The error to fail with now, without calling Jeedom; null when a call may be made. */
  blocked(nowMs: number): Error | null {
    return this.lastError && nowMs < this.closedUntil ? this.lastError : null;
  }

  /** A login failure at `nowMs`: closes the gate for the next step; returns its delay. */
  failed(err: Error, nowMs: number): number {
    const delay = this.delaysMs[Math.min(this.failures, this.delaysMs.length - 1)] ?? 0;
    this.failures++;
    this.closedUntil = nowMs + delay;
    this.lastError = err;
    return delay;
  }

  succeeded(): void {
    this.failures = 0;
    this.closedUntil = 0;
    this.lastError = null;
  }
}
