/** Retry timer: back-off delays (last repeating), reset on success, nothing when retrying is off. */
import { RetryTimer } from '../../../src/exporters/kit/retry.js';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('RetryTimer', () => {
  it('waits each delay in turn, the last one repeating, and fires once per failure', () => {
    const fired = jest.fn();
    const retry = new RetryTimer([100, 200, 500], fired);
    expect([retry.schedule(), retry.schedule(), retry.schedule(), retry.schedule()]).toEqual([100, 200, 500, 500]);
    // Re-arming replaced the earlier timers: one retry is pending, after the last delay.
    jest.advanceTimersByTime(499);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('starts over from the first delay after a success, and drops the armed retry', () => {
    const fired = jest.fn();
    const retry = new RetryTimer([100, 200], fired);
    retry.schedule();
    retry.schedule();
    retry.reset();
    jest.advanceTimersByTime(1_000);
    expect(fired).not.toHaveBeenCalled();
    expect(retry.schedule()).toBe(100);
  });

  it('never retries without delays, and cancel drops the armed retry', () => {
    const fired = jest.fn();
    expect(new RetryTimer([], fired).schedule()).toBeNull();
    const retry = new RetryTimer([100], fired);
    retry.schedule();
    retry.cancel();
    jest.advanceTimersByTime(1_000);
    expect(fired).not.toHaveBeenCalled();
  });
});
