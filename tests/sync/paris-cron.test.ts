import { parisNaiveToUtc } from '../../src/domain/time.js';
import { nextParisRun, parisCron } from '../../src/sync/paris-cron.js';

afterEach(() => jest.useRealTimers());

describe('parisCron', () => {
  it('runs at the Paris hour on both sides of a change, and never once stopped', async () => {
    jest.useFakeTimers({ now: parisNaiveToUtc('2026-10-24 07:00:00') });
    const runs: number[] = [];
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    const job = parisCron('40 7 * * *', {}, async () => void runs.push(Date.now()));
    job.resume();
    await jest.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(runs.map((t) => new Date(t).toISOString().slice(0, 16))).toEqual([
      '2026-10-24T05:40', // 07:40 summer time
      '2026-10-25T06:40', // 07:40 winter time, after the change that night
    ]);
    job.stop();
    await jest.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(runs).toHaveLength(2);
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
  });

  it('skips a run while the last one is going with protect, and hands errors to catch', async () => {
    jest.useFakeTimers({ now: parisNaiveToUtc('2026-12-01 10:00:30') });
    let finish = () => {};
    let started = 0;
    const job = parisCron('* * * * *', { protect: true }, async () => {
      started++;
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    job.resume();
    await jest.advanceTimersByTimeAsync(3 * 60_000); // runs due at 10:01, 10:02 and 10:03
    expect(started).toBe(1);
    finish();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(started).toBe(2);
    job.stop();
    const errors: unknown[] = [];
    const failing = parisCron('* * * * *', { catch: (e) => errors.push(e) }, async () => {
      throw new Error('boom');
    });
    failing.resume();
    await jest.advanceTimersByTimeAsync(60_000);
    failing.stop();
    expect(errors).toEqual([new Error('boom')]);
  });

  it('notices within 30 s a clock that jumped past the next run (a machine waking up)', async () => {
    jest.useFakeTimers({ now: parisNaiveToUtc('2026-12-01 06:00:00') });
    const runs: number[] = [];
    const job = parisCron('40 7 * * *', {}, async () => void runs.push(Date.now()));
    job.resume();
    jest.setSystemTime(parisNaiveToUtc('2026-12-01 09:00:00'));
    await jest.advanceTimersByTimeAsync(30_000);
    job.stop();
    expect(runs).toHaveLength(1);
  });

  it('works out the next run again when the clock is set back', async () => {
    jest.useFakeTimers({ now: parisNaiveToUtc('2026-12-02 08:00:00') });
    const runs: number[] = [];
    const job = parisCron('40 7 * * *', {}, async () => void runs.push(Date.now()));
    job.resume(); // next run: 2026-12-03 07:40
    jest.setSystemTime(parisNaiveToUtc('2026-12-02 07:00:00'));
    await jest.advanceTimersByTimeAsync(3_600_000);
    job.stop();
    expect(runs.map((t) => new Date(t).toISOString().slice(0, 16))).toEqual(['2026-12-02T06:40']);
  });

  it('refuses a bad pattern when the job is made', () => {
    expect(() => parisCron('61 7 * * *', {}, async () => {})).toThrow(/minute/);
  });

  it('reuses its last answer while it holds, and answers anew at or past that run, or before the instant asked', () => {
    const at = Date.UTC(2026, 11, 2, 6, 41);
    expect(nextParisRun('40 7 * * *', at)).toBe(Date.UTC(2026, 11, 3, 6, 40));
    expect(nextParisRun('40 7 * * *', at + 3_600_000)).toBe(Date.UTC(2026, 11, 3, 6, 40));
    expect(nextParisRun('40 7 * * *', Date.UTC(2026, 11, 3, 6, 40))).toBe(Date.UTC(2026, 11, 4, 6, 40));
    expect(nextParisRun('40 7 * * *', Date.UTC(2026, 11, 1, 6, 0))).toBe(Date.UTC(2026, 11, 1, 6, 40));
  });

  it('gives the next run after an instant across a change', () => {
    expect(nextParisRun('40 7 * * *', Date.UTC(2026, 9, 24, 22))).toBe(Date.UTC(2026, 9, 25, 6, 40));
    expect(nextParisRun('40 7 * * *', Date.UTC(2026, 2, 28, 22))).toBe(Date.UTC(2026, 2, 29, 5, 40));
    expect(nextParisRun('40 7 * * *', Date.UTC(2026, 11, 2, 6, 41))).toBe(Date.UTC(2026, 11, 3, 6, 40));
  });
});
