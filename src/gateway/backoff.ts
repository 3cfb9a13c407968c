/** Exponential back-off with jitter: the cap doubles per attempt; the delay is drawn in [cap/2, cap]. */
export interface RetryPolicy {
  /** Total attempts per call, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 2_000, maxDelayMs: 60_000 };

/** Malformed or truncated bodies are retried a couple of times only. */
export const PAYLOAD_ATTEMPTS = 3;

export function backoffDelay(policy: RetryPolicy, failedAttempt: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(cap / 2 + (cap / 2) * random());
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted (the timer is then cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
