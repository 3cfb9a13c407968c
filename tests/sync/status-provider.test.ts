import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/domain/clock.js';
import { eachDay, parisNaiveToUtc } from '../../src/domain/time.js';
import { memoryLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import { SyncEngine } from '../../src/sync/engine.js';
import { SyncEvents } from '../../src/sync/events.js';
import { createStatusProvider } from '../../src/sync/status-provider.js';
import { type FakeClient, fakeClient, usagePoint } from './fake-client.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const A = '11111111111111';
const B = '22222222222222';
const C = '33333333333333';
const SCHEDULE = { nextDailySync: NOW + 1, nextTempo: NOW + 2, nextEcoWatt: NOW + 3 };

describe('createStatusProvider', () => {
  let dir: string;
  let store: Store;
  let client: FakeClient;
  let engine: SyncEngine;
  const clock = fixedClock(NOW);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'med-status-'));
    store = await openStore({ dataDir: dir, logger: memoryLogger() });
    const points = [
      usagePoint(A, { activationDate: '2026-11-07' }),
      usagePoint(B, { hasConsumption: false, hasProduction: true }),
      usagePoint(C, { isActive: false }),
    ];
    client = fakeClient(points, clock, 0);
    engine = new SyncEngine({ store, client, clock, logger: memoryLogger(), events: new SyncEvents(), selection: [A] });
    await store.upsertUsagePoints(points, NOW);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const provider = (names: Record<string, string> = {}) =>
    createStatusProvider({ store, engine, client, clock, selection: [A], names, schedule: () => SCHEDULE });

  it('lists each PDL with its display name, selection and streams by its flags', async () => {
    const status = await provider({ [A]: 'Chez moi' }).getStatus();
    expect(status.pdls.map((p) => [p.pdl, p.name, p.selected, p.isActive])).toEqual([
      [A, 'Chez moi', true, true],
      [B, `gateway name ${B}`, false, true],
      [C, `gateway name ${C}`, false, false],
    ]);
    expect(status.pdls[0]?.streams.map((s) => s.stream)).toEqual([
      'contract',
      'address',
      'consumption_daily',
      'consumption_curve',
      'max_power',
    ]);
    expect(status.pdls[1]?.streams.map((s) => s.stream)).toEqual(['address', 'production_daily', 'production_curve']);
    expect(status.global.map((s) => s.stream)).toEqual(['tempo', 'ecowatt']);
    expect(status.schedule).toEqual(SCHEDULE);
    expect(status).toMatchObject({ running: false, progress: null, lastRunOk: null, lastError: null });
  });

  it('reports held data ranges, pending and given-up days, and the stream state', async () => {
    await store.upsertDaily(
      A,
      'consumption',
      eachDay({ start: '2026-11-01', end: '2026-11-20' }).map((date) => ({ date, wh: 5 })),
    );
    await store.upsertDayAttempts(A, 'consumption_daily', [
      { date: '2026-10-01', attempts: 2, lastAttemptAt: NOW, nextRetryAt: NOW + 1, lastError: 'no data returned' },
      { date: '2026-10-02', attempts: 5, lastAttemptAt: NOW, nextRetryAt: null, lastError: 'no data returned' },
      { date: '2026-10-03', attempts: 5, lastAttemptAt: NOW, nextRetryAt: null, lastError: 'no data returned' },
    ]);
    await store.setStreamState({
      pdl: A,
      stream: 'consumption_daily',
      lastSuccessAt: NOW - 10,
      lastAttemptAt: NOW - 5,
      lastError: 'boom',
    });
    const status = await provider().getStatus();
    const daily = status.pdls[0]?.streams.find((s) => s.stream === 'consumption_daily');
    expect(daily).toEqual({
      stream: 'consumption_daily',
      lastSuccessAt: NOW - 10,
      lastAttemptAt: NOW - 5,
      lastError: 'boom',
      dataRange: { start: '2026-11-01', end: '2026-11-20' },
      missingDays: 1,
      givenUpDays: 2,
    });
  });

  it('reflects the last run: outcome, calls, usage counters', async () => {
    await engine.run('full');
    const status = await provider().getStatus();
    expect(status).toMatchObject({
      running: false,
      lastRunStartedAt: NOW,
      lastRunFinishedAt: NOW,
      lastRunOk: true,
      lastError: null,
      lastRunCalls: 7,
      quota: { cachedUsed: 3, cachedLimit: 1000, noCacheUsed: 1, noCacheLimit: 50, pausedUntil: null },
    });
    const curve = status.pdls[0]?.streams.find((s) => s.stream === 'consumption_curve');
    expect(curve?.dataRange).toEqual({ start: '2026-11-07', end: '2026-11-27' });
  });

  it('shows the progress of a running sync and the quota pause of the client', async () => {
    let open: () => void = () => undefined;
    client.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    client.quotaPausedUntil = (bucket) => (bucket === 'cached' ? NOW + 60_000 : null);
    const run = engine.run('full');
    await new Promise((r) => setTimeout(r, 20));
    const status = await provider().getStatus();
    expect(status.running).toBe(true);
    expect(status.progress).toMatchObject({ done: 0, total: 7, percent: 0, etaMs: null, stream: 'contract' });
    expect(status.quota.pausedUntil).toBe(NOW + 60_000);
    open();
    await run;
  });
  it('reads the store once, then again only after a sync event (cheap /api/status)', async () => {
    const events = new SyncEvents();
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'listStreamStates') reads++;
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const cached = createStatusProvider({
      store: counting,
      engine,
      client,
      clock,
      selection: [A],
      names: {},
      schedule: () => SCHEDULE,
      events,
    });
    const first = await cached.getStatus();
    first.pdls[0]!.streams.length = 0; // a caller's change does not reach the cache
    const second = await cached.getStatus();
    expect(reads).toBe(1);
    expect(second.pdls[0]!.streams.length).toBeGreaterThan(0);
    events.emit('data-changed', {
      pdl: A,
      stream: 'consumption_daily',
      range: { start: '2026-11-20', end: '2026-11-21' },
    });
    await cached.getStatus();
    expect(reads).toBe(2);
    await new SyncEngine({ store, client, clock, logger: memoryLogger(), events, selection: [A] }).run('full');
    await cached.getStatus();
    expect(reads).toBe(3);
  });
});
