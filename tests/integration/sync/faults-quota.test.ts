import { eachDay, parisNaiveToUtc } from '../../../src/domain/time.js';
import { nextUtcMidnight } from '../../../src/gateway/quota.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { describeEachEngine } from '../store/test-databases.js';
import { snapshotDiff, storeSnapshot } from './db-snapshot.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');

describeEachEngine('a sync through 20% injected faults', (engine) => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  it('ends, after a few re-runs, with the same database as a run without faults', async () => {
    // One consumption and one production PDL keep it fast; the faults hit every route they use.
    const selection = [PRM.house, PRM.newHouseSolar];
    const reference = await startHarness(NOW, {}, selection, undefined, { engine });
    harnesses.push(reference);
    expect(await reference.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });

    // Two attempts per call (instead of 4) so that some tasks really fail and need the engine's re-run.
    const client = { timeoutMs: 2_000, smallTimeoutMs: 400, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } };
    const h = await startHarness(NOW, {}, selection, undefined, { client, engine });
    harnesses.push(h);
    const kinds = ['http500', 'timeout', 'reset', 'truncated', 'enedisUnavailable'] as const;
    for (const kind of kinds) h.sim.faults.add(/^\/(enedis|pdl|tempo|ecowatt)/, { kind, probability: 0.045 });
    const outcomes = [];
    for (let run = 0; run < 8; run += 1) {
      const outcome = await h.engine.run('full');
      outcomes.push(outcome);
      if (outcome.status === 'ok' && outcome.failedTasks === 0) break;
    }
    const faulted = h.sim.requestLog.filter((r) => r.fault);
    expect(new Set(faulted.map((r) => r.fault)).size).toBeGreaterThanOrEqual(3);
    expect(faulted.length / h.sim.requestLog.length).toBeGreaterThan(0.1);
    expect(outcomes.length).toBeGreaterThan(1);
    expect(outcomes.at(-1)).toMatchObject({ status: 'ok', failedTasks: 0 });
    const expected = await storeSnapshot(reference.store);
    const actual = await storeSnapshot(h.store);
    expect(snapshotDiff(actual, expected)).toEqual([]);
  }, 60_000);
});

describe('a sync that runs out of the daily quota', () => {
  let h: Harness;
  const logger = memoryLogger();
  beforeAll(async () => {
    h = await startHarness(NOW, { limits: { cachedLimit: 40, noCacheLimit: 50 } }, [PRM.house], undefined, { logger });
    // Nearly exhausted: 35 of the 40 cached calls of the UTC day already used elsewhere (the PDL needs 9).
    for (let i = 0; i < 35; i += 1) {
      const res = await fetch(`${h.sim.baseUrl}/enedis/contract/${PRM.newHouse}?use_cache=true`, {
        headers: { authorization: `Bearer ${h.sim.clientSecret}` },
      });
      await res.arrayBuffer();
    }
    expect(h.sim.usage().cached).toBe(35);
  });
  afterAll(() => h.close());

  it('stops cleanly with quota-exhausted and says when it resumes (next 00:00 UTC)', async () => {
    const outcome = await h.engine.run('full');
    expect(outcome).toMatchObject({ status: 'quota-exhausted' });
    const resume = nextUtcMidnight(NOW);
    expect(new Date(resume).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(h.engine.state.quotaPausedUntil).toBe(resume);
    expect(h.engine.state.lastError).toMatchObject({ code: 'QUOTA_EXHAUSTED' });
    const warning = logger.lines.find((l) => l.level === 'warn' && l.msg.includes('quota exhausted'));
    expect(warning?.msg).toContain('2026-11-28T00:00:00.000Z');
    // Stopped at the first refusal: no request hammered the exhausted bucket.
    const refused = h.sim.requestLog.filter((r) => r.code === 'RATE_LIMIT_EXCEEDED');
    expect(refused).toHaveLength(1);
  });

  it('refuses to call the gateway again before the reset', async () => {
    const before = h.sim.requestLog.filter((r) => r.path.includes('/enedis/')).length;
    h.clock.set(NOW + 3_600_000);
    expect(await h.engine.run('full')).toMatchObject({ status: 'quota-exhausted' });
    expect(h.sim.requestLog.filter((r) => r.path.includes('/enedis/')).length).toBe(before);
  });

  it('completes on the next UTC day', async () => {
    const nextMorning = parisNaiveToUtc('2026-11-28 09:30:00');
    h.clock.set(nextMorning);
    expect(await h.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });
    expect(h.engine.state.quotaPausedUntil).toBeNull();
    const daily = await h.store.listDaily(PRM.house, 'consumption', { start: '2023-01-01', end: '2026-11-28' });
    // Complete from the day-1 horizon (kept) through J-1 of the new day.
    const first = daily[0]?.date ?? '';
    expect(first <= '2023-11-28').toBe(true);
    expect(daily.map((d) => d.date)).toEqual(eachDay({ start: first, end: '2026-11-28' }));
    const coverage = await h.store.curveCoverage(PRM.house, 'consumption', { start: '2024-01-01', end: '2026-11-28' });
    // The curve: the 729 days the batch route serves before the new day, and the 16 days before them that
    // only the single-window route reaches (Enedis' 24 months + 15 days: from 2024-11-13).
    expect(coverage.map((c) => c.date)).toEqual(eachDay({ start: '2024-11-13', end: '2026-11-28' }));
  });
});
