/** Retry schedule of a day that was asked for and did not come back complete. */
import type { LocalDate } from '../../domain/types.js';
import type { DayAttempt } from '../../store/repository.js';

/** The attempt record after one more failed try at `now`; `nextRetryAt` null once the delays run out. */
export function nextAttempt(
  previous: DayAttempt | undefined,
  date: LocalDate,
  now: number,
  backoffMs: readonly number[],
  error: string | null,
): DayAttempt {
  const attempts = (previous?.attempts ?? 0) + 1;
  const delay = backoffMs[attempts - 1];
  return {
    date,
    attempts,
    lastAttemptAt: now,
    nextRetryAt: delay === undefined ? null : now + delay,
    lastError: error,
  };
}

/** True when the day may be asked for now (never tried, or its back-off has elapsed). */
export function isDue(attempt: DayAttempt | undefined, now: number): boolean {
  if (!attempt) return true;
  return attempt.nextRetryAt !== null && attempt.nextRetryAt <= now;
}
