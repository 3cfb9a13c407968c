/**
 * A wait inside an export (for a recorder or a database to hold what was pushed) that ends as soon as the
 * exporter stops, so `stop` never waits out a read-back timeout.
 */

/** Waits `ms` with `sleep`, or less if `signal` aborts; true when the wait ran out, false when stopped. */
export async function sleepUnlessStopped(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal?.aborted) return false;
  if (!signal) {
    await sleep(ms);
    return true;
  }
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return !signal.aborted;
}
