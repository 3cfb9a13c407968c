import { isDue, nextAttempt } from '../../../src/sync/planner/index.js';

const H = 3_600_000;
const DELAYS = [H, 6 * H, 24 * H];

describe('nextAttempt', () => {
  it('spaces retries by the configured delays, then gives up', () => {
    let a = nextAttempt(undefined, '2026-01-05', 0, DELAYS, 'no data');
    expect(a).toEqual({ date: '2026-01-05', attempts: 1, lastAttemptAt: 0, nextRetryAt: H, lastError: 'no data' });
    a = nextAttempt(a, '2026-01-05', H, DELAYS, null);
    expect(a.nextRetryAt).toBe(7 * H);
    a = nextAttempt(a, '2026-01-05', 7 * H, DELAYS, null);
    expect(a.nextRetryAt).toBe(31 * H);
    a = nextAttempt(a, '2026-01-05', 31 * H, DELAYS, null);
    expect(a).toMatchObject({ attempts: 4, nextRetryAt: null });
  });
});

describe('isDue', () => {
  it('is due when never tried or when the delay has elapsed, never once given up', () => {
    expect(isDue(undefined, 5)).toBe(true);
    const base = { date: '2026-01-05', attempts: 1, lastAttemptAt: 0, lastError: null };
    expect(isDue({ ...base, nextRetryAt: 5 }, 5)).toBe(true);
    expect(isDue({ ...base, nextRetryAt: 6 }, 5)).toBe(false);
    expect(isDue({ ...base, nextRetryAt: null }, 5)).toBe(false);
  });
});
