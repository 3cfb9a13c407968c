import { fixedClock } from '../../src/domain/clock.js';
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { memoryLogger } from '../../src/log/logger.js';
import type { RunOutcome } from '../../src/sync/engine.js';
import type { SyncScope } from '../../src/sync/plan-run.js';
import { createSyncScheduler, schedulePatterns } from '../../src/sync/scheduler.js';

const ok = (incompleteRecentDays = 0, status: 'ok' | 'quota-exhausted' | 'failed' = 'ok'): RunOutcome => ({
  status,
  calls: 1,
  changed: [],
  incompleteRecentDays,
  failedTasks: 0,
});

const created: { stop(): void }[] = [];
afterEach(() => {
  for (const s of created.splice(0)) s.stop();
});

function scheduler(nowParis: string, random = 0.25, outcome: () => RunOutcome = () => ok()) {
  const clock = fixedClock(parisNaiveToUtc(nowParis));
  const runs: [SyncScope, string][] = [];
  const s = createSyncScheduler({
    run: async (scope, reason) => {
      runs.push([scope, reason]);
      return outcome();
    },
    clock,
    logger: memoryLogger(),
    random: () => random,
  });
  created.push(s);
  return { s, runs, clock };
}

const paris = (naive: string) => parisNaiveToUtc(naive);

describe('schedulePatterns', () => {
  it.each([
    [0, '0 8 * * *'],
    [0.25, '30 8 * * *'],
    [0.5, '0 9 * * *'],
    [0.9999, '59 9 * * *'],
  ])('draws the daily minute in 08:00-09:59 Paris (random %p → %s)', (random, daily) => {
    const p = schedulePatterns(() => random);
    expect(p.daily).toBe(daily);
    expect(p.retry).toBe(`${daily.split(' ')[0]} 12,15,18,21 * * *`);
  });
});

describe('createSyncScheduler next()', () => {
  it('gives the next runs in Paris time, whatever the process time zone (winter, UTC+1)', () => {
    const { s } = scheduler('2026-11-27 07:00:00');
    expect(s.next()).toEqual({
      nextDailySync: paris('2026-11-27 08:30:00'),
      nextTempo: paris('2026-11-27 11:05:00'),
      nextEcoWatt: paris('2026-11-27 07:20:00'),
    });
  });

  it('follows summer time (UTC+2) and Friday EcoWatt publication', () => {
    // 2026-07-03 is a Friday: EcoWatt at 12:35, not 17:20.
    const { s } = scheduler('2026-07-03 09:00:00');
    expect(s.next()).toEqual({
      nextDailySync: paris('2026-07-04 08:30:00'),
      nextTempo: paris('2026-07-03 11:05:00'),
      nextEcoWatt: paris('2026-07-03 12:35:00'),
    });
  });

  it('crosses the spring DST change at the right Paris hour', () => {
    const { s } = scheduler('2026-03-28 22:00:00');
    expect(s.next().nextDailySync).toBe(Date.parse('2026-03-29T06:30:00Z'));
  });

  it('crosses the autumn DST change at the right Paris hour', () => {
    const { s } = scheduler('2026-10-24 22:00:00');
    expect(s.next()).toEqual({
      nextDailySync: Date.parse('2026-10-25T07:30:00Z'),
      nextTempo: Date.parse('2026-10-25T10:05:00Z'),
      nextEcoWatt: Date.parse('2026-10-25T06:20:00Z'),
    });
  });
});

describe('createSyncScheduler timers across a DST change', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    ['spring', '2026-03-28 22:00:00', '2026-03-29T06:30:00Z'],
    ['autumn', '2026-10-24 22:00:00', '2026-10-25T07:30:00Z'],
  ])(
    'started the evening before the %s change, runs the daily sync at 08:30 Paris (%s → %s)',
    async (_, start, due) => {
      jest.useFakeTimers({ now: parisNaiveToUtc(start) });
      const logger = memoryLogger();
      const fullAt: number[] = [];
      const s = createSyncScheduler({
        run: async (scope) => {
          if (scope === 'full') fullAt.push(Date.now());
          return ok();
        },
        clock: fixedClock(parisNaiveToUtc(start)),
        logger,
        random: () => 0.25,
      });
      created.push(s);
      s.start();
      await jest.advanceTimersByTimeAsync(Date.parse(due) - Date.now() - 1000);
      expect(fullAt).toEqual([]);
      await jest.advanceTimersByTimeAsync(2000);
      expect(fullAt).toHaveLength(1);
      expect(Math.abs(fullAt[0]! - Date.parse(due))).toBeLessThan(1000);
    },
  );
});

describe('createSyncScheduler retries', () => {
  it('retries later in the day only while recent days are missing', async () => {
    let missing = 2;
    const { s, runs } = scheduler('2026-11-27 10:00:00', 0.25, () => ok(missing));
    await s.trigger('daily');
    expect(runs).toEqual([['full', 'daily']]);
    // Recent days missing: the next full sync is the 12:30 retry, not tomorrow's daily run.
    expect(s.next().nextDailySync).toBe(paris('2026-11-27 12:30:00'));
    missing = 0;
    await s.trigger('retry');
    expect(runs.at(-1)).toEqual(['full', 'retry: recent days still missing']);
    expect(s.next().nextDailySync).toBe(paris('2026-11-28 08:30:00'));
    await s.trigger('retry');
    expect(runs).toHaveLength(2);
  });

  it('retries after a failed or quota-stopped run too', async () => {
    const { s, runs } = scheduler('2026-11-27 10:00:00', 0.25, () => ok(0, 'quota-exhausted'));
    await s.trigger('daily');
    await s.trigger('retry');
    expect(runs.map((r) => r[1])).toEqual(['daily', 'retry: recent days still missing']);
  });

  it('runs Tempo and EcoWatt with their own scopes', async () => {
    const { s, runs } = scheduler('2026-11-27 10:00:00');
    await s.trigger('tempo');
    await s.trigger('ecowatt');
    expect(runs).toEqual([
      ['tempo', 'tempo'],
      ['ecowatt', 'ecowatt'],
    ]);
  });
});
